// seq_file.cpp - seq_file (fs/seq_file.c), iterating as Linux does.
//
// Each read() fills at most one buffer (a page, larger only for a single
// record that does not fit): start() at the saved index, show() records
// while they fit and the reader wants more, next() to advance, stop().
// The next read() calls start() again where the last one ended. So a
// sequence that never ends is read piece by piece (`head` stops when it has
// enough) and memory never grows beyond one page. A seek, or a read at a
// position the last read did not end at, replays the sequence from the
// beginning up to that offset (traverse), as Linux does.
#include <simkernel/kernel.hpp>

#include <linux/seq_file.h>

#include <cstdarg>
#include <cstdlib>
#include <simkernel/export.hpp>

namespace {

constexpr size_t kSeqBufSize = 4096;  // PAGE_SIZE

bool alloc_buf(struct seq_file* m, size_t size) {
    std::free(m->buf);
    m->buf = static_cast<char*>(std::malloc(size));
    m->size = m->buf ? size : 0;
    m->count = m->from = 0;
    return m->buf != nullptr;
}

// Positions the iterator so that the text from byte `offset` on is next:
// the records before it are shown and dropped. -EAGAIN: the buffer was too
// small for one record and has been doubled; call again.
int traverse(struct seq_file* m, loff_t offset) {
    m->index = 0;
    m->count = m->from = 0;
    if (!offset) return 0;
    if (!m->buf && !alloc_buf(m, kSeqBufSize)) return -ENOMEM;
    loff_t pos = 0;
    int error = 0;
    void* p = m->op->start(m, &m->index);
    while (p) {
        if (IS_ERR(p)) {
            error = static_cast<int>(PTR_ERR(p));
            break;
        }
        error = m->op->show(m, p);
        if (error < 0) break;
        if (error) {  // SEQ_SKIP
            error = 0;
            m->count = 0;
        }
        if (seq_has_overflowed(m)) {
            m->op->stop(m, p);
            return alloc_buf(m, m->size * 2) ? -EAGAIN : -ENOMEM;
        }
        p = m->op->next(m, p, &m->index);
        if (pos + static_cast<loff_t>(m->count) > offset) {
            m->from = static_cast<size_t>(offset - pos);
            m->count -= m->from;
            break;
        }
        pos += static_cast<loff_t>(m->count);
        m->count = 0;
        if (pos == offset) break;
    }
    m->op->stop(m, p);
    return error;
}

struct seq_file* seq_of(struct file* f) { return static_cast<struct seq_file*>(f->private_data); }

// single_open's iterator: one item, shown once.
void* single_start(struct seq_file*, loff_t* pos) { return *pos == 0 ? SEQ_START_TOKEN : nullptr; }
void* single_next(struct seq_file*, void*, loff_t* pos) {
    ++*pos;
    return nullptr;
}
void single_stop(struct seq_file*, void*) {}

struct SingleOps {
    struct seq_operations ops;
    int (*show)(struct seq_file*, void*);
};

}  // namespace

extern "C" int seq_open(struct file* file, const struct seq_operations* op) {
    auto* m = static_cast<struct seq_file*>(std::calloc(1, sizeof(struct seq_file)));
    if (!m) return -ENOMEM;
    m->op = op;
    file->private_data = m;
    return 0;
}
EXPORT_SYMBOL(seq_open);

extern "C" ssize_t seq_read(struct file* file, char* buf, size_t size, loff_t* ppos) {
    struct seq_file* m = seq_of(file);
    if (*ppos < 0) return -EINVAL;
    // pread, or a read after someone moved f_pos: replay up to there.
    if (*ppos != m->read_pos) {
        int err;
        while ((err = traverse(m, *ppos)) == -EAGAIN) {
        }
        if (err) {
            m->read_pos = 0;
            m->index = 0;
            m->count = 0;
            return err;
        }
        m->read_pos = *ppos;
    }
    if (!m->buf && !alloc_buf(m, kSeqBufSize)) return -ENOMEM;

    size_t copied = 0;
    int err = 0;
    // What the last read left in the buffer goes first.
    if (m->count) {
        size_t n = std::min(m->count, size);
        if (copy_to_user(buf, m->buf + m->from, n)) return -EFAULT;
        m->count -= n;
        m->from += n;
        copied += n;
        if (m->count || copied == size) goto done;
    }
    {
        // One record at least, or the end.
        m->from = 0;
        void* p = m->op->start(m, &m->index);
        for (;;) {
            if (!p || IS_ERR(p)) {
                err = IS_ERR(p) ? static_cast<int>(PTR_ERR(p)) : 0;
                break;
            }
            err = m->op->show(m, p);
            if (err < 0) break;
            if (err > 0) m->count = 0;  // SEQ_SKIP
            if (m->count == 0) {
                p = m->op->next(m, p, &m->index);
                continue;
            }
            if (!seq_has_overflowed(m)) goto fill;
            // One record bigger than the buffer: double it and show it again.
            m->op->stop(m, p);
            if (!alloc_buf(m, m->size * 2)) return copied ? static_cast<ssize_t>(copied) : -ENOMEM;
            p = m->op->start(m, &m->index);
        }
        m->op->stop(m, p);
        m->count = 0;
        goto done;
    fill:
        // More records while they fit and the reader wants more.
        for (;;) {
            size_t offs = m->count;
            loff_t pos = m->index;
            p = m->op->next(m, p, &m->index);
            if (pos == m->index) {
                printk(KERN_WARNING "seq_file: buggy .next function %p did not update position index\n",
                       reinterpret_cast<void*>(m->op->next));
                m->index++;
            }
            if (!p || IS_ERR(p)) break;
            if (m->count >= size - copied) break;
            int r = m->op->show(m, p);
            if (r > 0) {
                m->count = offs;
            } else if (r < 0 || seq_has_overflowed(m)) {
                m->count = offs;
                break;
            }
        }
        m->op->stop(m, p);
        size_t n = std::min(m->count, size - copied);
        if (copy_to_user(buf + copied, m->buf, n)) return copied ? static_cast<ssize_t>(copied) : -EFAULT;
        copied += n;
        m->count -= n;
        m->from = n;
    }
done:
    if (!copied) return err;
    *ppos += static_cast<loff_t>(copied);
    m->read_pos += static_cast<loff_t>(copied);
    return static_cast<ssize_t>(copied);
}
EXPORT_SYMBOL(seq_read);

// SEEK_SET and SEEK_CUR only (a sequence has no known end), as Linux's.
extern "C" loff_t seq_lseek(struct file* file, loff_t offset, int whence) {
    struct seq_file* m = seq_of(file);
    if (whence == SEEK_CUR) offset += file->f_pos;
    else if (whence != SEEK_SET) return -EINVAL;
    if (offset < 0) return -EINVAL;
    if (offset == file->f_pos) return offset;
    int err;
    while ((err = traverse(m, offset)) == -EAGAIN) {
    }
    if (err) {
        file->f_pos = 0;
        m->read_pos = 0;
        m->index = 0;
        m->count = 0;
        return err;
    }
    m->read_pos = offset;
    file->f_pos = offset;
    return offset;
}
EXPORT_SYMBOL(seq_lseek);

extern "C" int seq_release(struct inode*, struct file* file) {
    struct seq_file* m = seq_of(file);
    std::free(m->buf);
    std::free(m);
    file->private_data = nullptr;
    return 0;
}
EXPORT_SYMBOL(seq_release);

// Output goes into the fixed buffer; what does not fit marks the buffer
// overflowed (count == size), and seq_read repeats the record in a bigger one.
extern "C" void seq_vprintf(struct seq_file* m, const char* fmt, va_list args) {
    if (m->count < m->size) {
        int n = sk_vsnprintf(m->buf + m->count, m->size - m->count, fmt, args);
        if (n >= 0 && m->count + static_cast<size_t>(n) < m->size) {
            m->count += static_cast<size_t>(n);
            return;
        }
    }
    m->count = m->size;
}
EXPORT_SYMBOL(seq_vprintf);

extern "C" void seq_printf(struct seq_file* m, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    seq_vprintf(m, fmt, args);
    va_end(args);
}
EXPORT_SYMBOL(seq_printf);

extern "C" void seq_write(struct seq_file* m, const void* data, size_t len) {
    if (m->count + len < m->size) {
        memcpy(m->buf + m->count, data, len);
        m->count += len;
        return;
    }
    m->count = m->size;
}
EXPORT_SYMBOL(seq_write);

extern "C" void seq_puts(struct seq_file* m, const char* s) { seq_write(m, s, strlen(s)); }
EXPORT_SYMBOL(seq_puts);
extern "C" void seq_putc(struct seq_file* m, char c) { seq_write(m, &c, 1); }
EXPORT_SYMBOL(seq_putc);

extern "C" int single_open(struct file* file, int (*show)(struct seq_file*, void*), void* data) {
    auto* s = static_cast<SingleOps*>(std::calloc(1, sizeof(SingleOps)));
    if (!s) return -ENOMEM;
    s->ops = {single_start, single_stop, single_next, show};
    int err = seq_open(file, &s->ops);
    if (err) {
        std::free(s);
        return err;
    }
    seq_of(file)->private_ = data;
    return 0;
}
EXPORT_SYMBOL(single_open);

extern "C" int single_release(struct inode* inode, struct file* file) {
    const struct seq_operations* op = seq_of(file)->op;
    int ret = seq_release(inode, file);
    std::free(const_cast<struct seq_operations*>(op));
    return ret;
}
EXPORT_SYMBOL(single_release);

// seq_file.cpp - seq_file (fs/seq_file.c, much simplified).
//
// The whole text is produced on the first read (the iterator runs once,
// start..next..stop, calling show for each item) and later reads and seeks
// work on that text: for the small files modules write, this is the same
// to the reader as Linux's page-at-a-time regeneration.
#include <simkernel/kernel.hpp>

#include <linux/seq_file.h>

#include <cstdarg>
#include <cstdlib>

namespace {

void grow(struct seq_file* m, size_t extra) {
    if (m->count + extra + 1 <= m->size) return;
    size_t size = std::max<size_t>(m->size * 2, m->count + extra + 1);
    size = std::max<size_t>(size, 4096);
    m->buf = static_cast<char*>(std::realloc(m->buf, size));
    m->size = size;
}

void produce(struct seq_file* m) {
    loff_t pos = 0;
    void* v = m->op->start(m, &pos);
    while (v && !IS_ERR(v)) {
        if (m->op->show(m, v) < 0) break;
        v = m->op->next(m, v, &pos);
    }
    m->op->stop(m, v);
    m->index = pos;
    m->made = 1;
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

extern "C" ssize_t seq_read(struct file* file, char* buf, size_t size, loff_t* ppos) {
    struct seq_file* m = seq_of(file);
    if (!m->made) produce(m);
    if (*ppos < 0) return -EINVAL;
    if (static_cast<size_t>(*ppos) >= m->count) return 0;
    size_t n = std::min(size, m->count - static_cast<size_t>(*ppos));
    if (copy_to_user(buf, m->buf + *ppos, n)) return -EFAULT;
    *ppos += static_cast<loff_t>(n);
    return static_cast<ssize_t>(n);
}

extern "C" loff_t seq_lseek(struct file* file, loff_t offset, int whence) {
    struct seq_file* m = seq_of(file);
    if (!m->made) produce(m);
    return fixed_size_llseek(file, offset, whence, static_cast<loff_t>(m->count));
}

extern "C" int seq_release(struct inode*, struct file* file) {
    struct seq_file* m = seq_of(file);
    std::free(m->buf);
    std::free(m);
    file->private_data = nullptr;
    return 0;
}

extern "C" void seq_vprintf(struct seq_file* m, const char* fmt, va_list args) {
    va_list copy;
    va_copy(copy, args);
    int n = vsnprintf(nullptr, 0, fmt, copy);
    va_end(copy);
    if (n <= 0) return;
    grow(m, static_cast<size_t>(n));
    vsnprintf(m->buf + m->count, m->size - m->count, fmt, args);
    m->count += static_cast<size_t>(n);
}

extern "C" void seq_printf(struct seq_file* m, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    seq_vprintf(m, fmt, args);
    va_end(args);
}

extern "C" void seq_write(struct seq_file* m, const void* data, size_t len) {
    grow(m, len);
    memcpy(m->buf + m->count, data, len);
    m->count += len;
}

extern "C" void seq_puts(struct seq_file* m, const char* s) { seq_write(m, s, strlen(s)); }
extern "C" void seq_putc(struct seq_file* m, char c) { seq_write(m, &c, 1); }

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

extern "C" int single_release(struct inode* inode, struct file* file) {
    const struct seq_operations* op = seq_of(file)->op;
    int ret = seq_release(inode, file);
    std::free(const_cast<struct seq_operations*>(op));
    return ret;
}

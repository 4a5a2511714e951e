// simple_attr.cpp - simple_open and the one-number attribute files of
// DEFINE_SIMPLE_ATTRIBUTE / DEFINE_DEBUGFS_ATTRIBUTE (fs/libfs.c in Linux).
//
// A read formats get()'s value with the attribute's format when it starts
// at offset 0 and hands out that text; a write parses at most 23 bytes
// (base 0: 10, 0x.., 0..) and gives the number to set().
#include <simkernel/kernel.hpp>

#include <linux/debugfs.h>

#include <mutex>
#include <simkernel/export.hpp>

namespace {

struct simple_attr {
    int (*get)(void*, u64*);
    int (*set)(void*, u64);
    char get_buf[24];  // enough for a 64-bit number in any of the formats
    char set_buf[24];
    void* data;
    const char* fmt;
    std::mutex mutex;  // one read or write at a time on this open
};

simple_attr* attr_of(struct file* file) { return static_cast<simple_attr*>(file->private_data); }

ssize_t attr_write(struct file* file, const char* buf, size_t len, bool is_signed) {
    simple_attr* attr = attr_of(file);
    if (!attr->set) return -EACCES;
    std::lock_guard lock(attr->mutex);
    size_t size = std::min(sizeof attr->set_buf - 1, len);
    if (copy_from_user(attr->set_buf, buf, size)) return -EFAULT;
    attr->set_buf[size] = '\0';
    unsigned long long val;
    int err;
    if (is_signed) {
        long long sval;
        err = kstrtoll(attr->set_buf, 0, &sval);
        val = static_cast<unsigned long long>(sval);
    } else {
        err = kstrtoull(attr->set_buf, 0, &val);
    }
    if (err) return err;
    err = attr->set(attr->data, val);
    return err ? err : static_cast<ssize_t>(len);  // on success, the whole input is taken
}

}  // namespace

extern "C" int simple_open(struct inode* inode, struct file* file) {
    if (inode->i_private) file->private_data = inode->i_private;
    return 0;
}
EXPORT_SYMBOL(simple_open);

extern "C" int simple_attr_open(struct inode* inode, struct file* file, int (*get)(void*, u64*),
                                int (*set)(void*, u64), const char* fmt) {
    auto* attr = new (std::nothrow) simple_attr{get, set, {}, {}, inode->i_private, fmt, {}};
    if (!attr) return -ENOMEM;
    file->private_data = attr;
    return nonseekable_open(inode, file);
}
EXPORT_SYMBOL_GPL(simple_attr_open);

extern "C" int simple_attr_release(struct inode*, struct file* file) {
    delete attr_of(file);
    return 0;
}
EXPORT_SYMBOL_GPL(simple_attr_release);

extern "C" ssize_t simple_attr_read(struct file* file, char* buf, size_t len, loff_t* ppos) {
    simple_attr* attr = attr_of(file);
    if (!attr->get) return -EACCES;
    std::lock_guard lock(attr->mutex);
    size_t size;
    if (*ppos) {  // continued read: the text of the first
        size = strlen(attr->get_buf);
    } else {
        u64 val;
        if (int err = attr->get(attr->data, &val)) return err;
        size = static_cast<size_t>(scnprintf(attr->get_buf, sizeof attr->get_buf, attr->fmt,
                                             static_cast<unsigned long long>(val)));
    }
    return simple_read_from_buffer(buf, len, ppos, attr->get_buf, size);
}
EXPORT_SYMBOL_GPL(simple_attr_read);

extern "C" ssize_t simple_attr_write(struct file* file, const char* buf, size_t len, loff_t*) {
    return attr_write(file, buf, len, false);
}
EXPORT_SYMBOL_GPL(simple_attr_write);

extern "C" ssize_t simple_attr_write_signed(struct file* file, const char* buf, size_t len, loff_t*) {
    return attr_write(file, buf, len, true);
}
EXPORT_SYMBOL_GPL(simple_attr_write_signed);

// libfs.cpp - simple_read_from_buffer / simple_write_to_buffer (fs/libfs.c):
// the read and write of a driver whose data is one buffer in memory.
#include <simkernel/kapi.h>
#include <simkernel/export.hpp>

extern "C" ssize_t simple_read_from_buffer(void* to, size_t count, loff_t* ppos, const void* from,
                                           size_t available) {
    loff_t pos = *ppos;
    if (pos < 0) return -EINVAL;
    if (static_cast<size_t>(pos) >= available || !count) return 0;
    if (count > available - static_cast<size_t>(pos)) count = available - static_cast<size_t>(pos);
    size_t left = copy_to_user(to, static_cast<const char*>(from) + pos, count);
    if (left == count) return -EFAULT;
    count -= left;
    *ppos = pos + static_cast<loff_t>(count);
    return static_cast<ssize_t>(count);
}
EXPORT_SYMBOL(simple_read_from_buffer);

extern "C" ssize_t simple_write_to_buffer(void* to, size_t available, loff_t* ppos, const void* from,
                                          size_t count) {
    loff_t pos = *ppos;
    if (pos < 0) return -EINVAL;
    if (static_cast<size_t>(pos) >= available || !count) return 0;
    if (count > available - static_cast<size_t>(pos)) count = available - static_cast<size_t>(pos);
    size_t left = copy_from_user(static_cast<char*>(to) + pos, from, count);
    if (left == count) return -EFAULT;
    count -= left;
    *ppos = pos + static_cast<loff_t>(count);
    return static_cast<ssize_t>(count);
}
EXPORT_SYMBOL(simple_write_to_buffer);

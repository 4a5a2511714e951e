// uaccess.cpp - copy_to_user / copy_from_user.
//
// A "user" pointer here is an address in the shell's memory. The system
// call that carried the buffer records it on the task (user_buf/user_len);
// a copy that strays outside it copies nothing and reports every byte as
// not copied, which the driver turns into -EFAULT.
#include <simkernel/kernel.hpp>

namespace sk {
namespace {

bool user_range_ok(const void* p, unsigned long n) {
    const Task* t = current_task();
    if (!t || !t->user_window) return p != nullptr || n == 0;
    auto a = reinterpret_cast<uintptr_t>(p);
    auto lo = reinterpret_cast<uintptr_t>(t->user_buf);
    return a >= lo && n <= t->user_len && a - lo <= t->user_len - n;
}

}  // namespace
}  // namespace sk

extern "C" unsigned long copy_to_user(void* to, const void* from, unsigned long n) {
    if (!sk::user_range_ok(to, n)) return n;
    memcpy(to, from, n);
    return 0;
}

extern "C" unsigned long copy_from_user(void* to, const void* from, unsigned long n) {
    if (!sk::user_range_ok(from, n)) {
        memset(to, 0, n);  // as Linux: the kernel buffer never holds stale bytes
        return n;
    }
    memcpy(to, from, n);
    return 0;
}

extern "C" unsigned long clear_user(void* to, unsigned long n) {
    if (!sk::user_range_ok(to, n)) return n;
    memset(to, 0, n);
    return 0;
}

extern "C" long strncpy_from_user(char* dst, const char* src, long count) {
    if (count <= 0) return 0;
    if (!sk::user_range_ok(src, 1)) return -EFAULT;
    long i = 0;
    for (; i < count; ++i) {
        dst[i] = src[i];
        if (!src[i]) return i;
    }
    return count;
}

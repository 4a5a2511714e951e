// uaccess.cpp - copy_to_user / copy_from_user.
//
// A "user" pointer here is an address in the shell's memory. The system
// call that carried the buffer records it on the task (user_buf/user_len);
// a copy that strays outside it copies nothing and reports every byte as
// not copied, which the driver turns into -EFAULT.
#include <simkernel/kernel.hpp>
#include <simkernel/lockdep.hpp>
#include <simkernel/oops.hpp>

#include <fmt/format.h>
#include <simkernel/export.hpp>

namespace sk {
namespace {

bool user_range_ok(const void* p, unsigned long n) {
    const Task* t = current_task();
    if (!t || !t->user_window) return p != nullptr || n == 0;
    auto a = reinterpret_cast<uintptr_t>(p);
    auto lo = reinterpret_cast<uintptr_t>(t->user_buf);
    return a >= lo && n <= t->user_len && a - lo <= t->user_len - n;
}

// A copy the kernel refused: the driver gets "n bytes not copied" (and
// should return -EFAULT); the student gets told which copy it was.
unsigned long refuse_copy(const char* fn, const void* user, unsigned long n, uintptr_t caller) {
    const Task* t = current_task();
    driver_contract_violation(caller, fmt::format("called {}({:#x}, {} bytes) outside the {}-byte user buffer "
                                                  "this system call was given: nothing was copied",
                                                  fn, reinterpret_cast<uintptr_t>(user), n, t ? t->user_len : 0));
    return n;
}

}  // namespace
}  // namespace sk

#define CALLER reinterpret_cast<uintptr_t>(__builtin_return_address(0))

// A copy may fault in the user's page and sleep: Linux's might_fault().
#define MIGHT_FAULT() sk::might_sleep_at("mm/memory.c", 5768, CALLER)

extern "C" unsigned long copy_to_user(void* to, const void* from, unsigned long n) {
    MIGHT_FAULT();
    if (!sk::user_range_ok(to, n)) return sk::refuse_copy("copy_to_user", to, n, CALLER);
    memcpy(to, from, n);
    return 0;
}
EXPORT_SYMBOL(copy_to_user);

extern "C" unsigned long copy_from_user(void* to, const void* from, unsigned long n) {
    MIGHT_FAULT();
    if (!sk::user_range_ok(from, n)) {
        memset(to, 0, n);  // as Linux: the kernel buffer never holds stale bytes
        return sk::refuse_copy("copy_from_user", from, n, CALLER);
    }
    memcpy(to, from, n);
    return 0;
}
EXPORT_SYMBOL(copy_from_user);

extern "C" unsigned long clear_user(void* to, unsigned long n) {
    if (!sk::user_range_ok(to, n)) return n;
    memset(to, 0, n);
    return 0;
}
EXPORT_SYMBOL(clear_user);

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
EXPORT_SYMBOL(strncpy_from_user);

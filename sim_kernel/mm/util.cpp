// util.cpp - copies into kmalloc'ed memory (mm/util.c: kstrdup, kmemdup,
// memdup_user, strndup_user; lib/kasprintf.c). Each is charged to the
// module that asked, through the owner its SDK wrapper passes.
#include <simkernel/kapi.h>

#include <cstring>
#include <simkernel/export.hpp>

extern "C" char* sk_kstrndup(struct module* owner, const char* s, size_t max, gfp_t gfp) {
    if (!s) return nullptr;
    size_t len = strnlen(s, max);
    auto* p = static_cast<char*>(sk_kmalloc(owner, len + 1, gfp));
    if (!p) return nullptr;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
EXPORT_SYMBOL(sk_kstrndup);

extern "C" void* sk_kmemdup(struct module* owner, const void* src, size_t len, gfp_t gfp) {
    void* p = sk_kmalloc(owner, len, gfp);
    if (p) memcpy(p, src, len);
    return p;
}
EXPORT_SYMBOL(sk_kmemdup);

extern "C" void* sk_memdup_user(struct module* owner, const void* src, size_t len) {
    void* p = sk_kmalloc(owner, len, GFP_KERNEL);
    if (!p) return ERR_PTR(-ENOMEM);
    if (copy_from_user(p, src, len)) {
        kfree(p);
        return ERR_PTR(-EFAULT);
    }
    return p;
}
EXPORT_SYMBOL(sk_memdup_user);

// A user string of at most n bytes including its NUL; -EINVAL if longer.
extern "C" char* sk_strndup_user(struct module* owner, const char* s, long n) {
    if (n <= 0) return static_cast<char*>(ERR_PTR(-EINVAL));
    auto* p = static_cast<char*>(sk_kmalloc(owner, static_cast<size_t>(n), GFP_KERNEL));
    if (!p) return static_cast<char*>(ERR_PTR(-ENOMEM));
    long len = strncpy_from_user(p, s, n);
    if (len < 0 || len >= n) {
        kfree(p);
        return static_cast<char*>(ERR_PTR(len < 0 ? len : -EINVAL));
    }
    return p;
}
EXPORT_SYMBOL(sk_strndup_user);

extern "C" char* sk_kvasprintf(struct module* owner, gfp_t gfp, const char* fmt, va_list ap) {
    va_list again;
    va_copy(again, ap);
    int len = sk_vsnprintf(nullptr, 0, fmt, ap);
    char* p = len < 0 ? nullptr : static_cast<char*>(sk_kmalloc(owner, static_cast<size_t>(len) + 1, gfp));
    if (p) sk_vsnprintf(p, static_cast<size_t>(len) + 1, fmt, again);
    va_end(again);
    return p;
}
EXPORT_SYMBOL(sk_kvasprintf);

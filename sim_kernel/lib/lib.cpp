// lib.cpp - the small library functions Linux provides to modules
// (lib/kstrtox.c, lib/vsprintf.c's scnprintf, lib/string.c's strscpy).
#include <simkernel/kapi.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <type_traits>
#include <simkernel/export.hpp>

namespace {

// Linux's kstrto*: the whole string must be a number (one trailing newline
// allowed); base 0 reads 0x.. as hex and 0.. as octal.
template <typename T>
int parse_integer(const char* s, unsigned base, T* res) {
    if (!s || !*s) return -EINVAL;
    const char* p = s;
    bool neg = false;
    if (*p == '+') ++p;
    else if (*p == '-') {
        if constexpr (std::is_unsigned_v<T>) return -EINVAL;
        neg = true;
        ++p;
    }
    if (base == 0) {
        if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) { base = 16; p += 2; }
        else if (p[0] == '0') base = 8;  // the 0 stays a digit: "0\n" is 0
        else base = 10;
    } else if (base == 16 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        p += 2;
    }
    unsigned long long v = 0;
    const char* digits = p;
    for (; *p && *p != '\n'; ++p) {
        unsigned d;
        if (*p >= '0' && *p <= '9') d = *p - '0';
        else if (*p >= 'a' && *p <= 'z') d = *p - 'a' + 10;
        else if (*p >= 'A' && *p <= 'Z') d = *p - 'A' + 10;
        else return -EINVAL;
        if (d >= base) return -EINVAL;
        if (v > (std::numeric_limits<unsigned long long>::max() - d) / base) return -ERANGE;
        v = v * base + d;
    }
    if (p == digits || (*p == '\n' && p[1])) return -EINVAL;
    if constexpr (std::is_signed_v<T>) {
        using U = unsigned long long;
        if (neg) {
            if (v > U(std::numeric_limits<T>::max()) + 1) return -ERANGE;
            *res = static_cast<T>(-static_cast<long long>(v - 1) - 1);
        } else {
            if (v > U(std::numeric_limits<T>::max())) return -ERANGE;
            *res = static_cast<T>(v);
        }
    } else {
        if (v > std::numeric_limits<T>::max()) return -ERANGE;
        *res = static_cast<T>(v);
    }
    return 0;
}

}  // namespace

extern "C" int kstrtol(const char* s, unsigned int base, long* res) { return parse_integer(s, base, res); }
EXPORT_SYMBOL(kstrtol);
extern "C" int kstrtoul(const char* s, unsigned int base, unsigned long* res) { return parse_integer(s, base, res); }
EXPORT_SYMBOL(kstrtoul);
extern "C" int kstrtoint(const char* s, unsigned int base, int* res) { return parse_integer(s, base, res); }
EXPORT_SYMBOL(kstrtoint);
extern "C" int kstrtouint(const char* s, unsigned int base, unsigned int* res) { return parse_integer(s, base, res); }
EXPORT_SYMBOL(kstrtouint);
int sk_kstrtoll(const char* s, unsigned int base, long long* res) { return parse_integer(s, base, res); }
int sk_kstrtoull(const char* s, unsigned int base, unsigned long long* res) { return parse_integer(s, base, res); }
int sk_kstrtos16(const char* s, unsigned int base, short* res) { return parse_integer(s, base, res); }
int sk_kstrtou16(const char* s, unsigned int base, unsigned short* res) { return parse_integer(s, base, res); }
int sk_kstrtou8(const char* s, unsigned int base, unsigned char* res) { return parse_integer(s, base, res); }
extern "C" int kstrtoll(const char* s, unsigned int base, long long* res) { return parse_integer(s, base, res); }
EXPORT_SYMBOL(kstrtoll);
extern "C" int kstrtoull(const char* s, unsigned int base, unsigned long long* res) { return parse_integer(s, base, res); }
EXPORT_SYMBOL(kstrtoull);
extern "C" int kstrtou16(const char* s, unsigned int base, u16* res) { return parse_integer(s, base, res); }
EXPORT_SYMBOL(kstrtou16);
extern "C" int kstrtos16(const char* s, unsigned int base, s16* res) { return parse_integer(s, base, res); }
EXPORT_SYMBOL(kstrtos16);
extern "C" int kstrtou8(const char* s, unsigned int base, u8* res) { return parse_integer(s, base, res); }
EXPORT_SYMBOL(kstrtou8);
extern "C" int kstrtos8(const char* s, unsigned int base, s8* res) { return parse_integer(s, base, res); }
EXPORT_SYMBOL(kstrtos8);

namespace {
// kstrto*_from_user: at most 63 bytes of the user's buffer, as Linux reads.
template <typename T, typename Parse>
int from_user(const char* s, size_t count, T* res, Parse parse) {
    char buf[64];
    count = count < sizeof(buf) - 1 ? count : sizeof(buf) - 1;
    if (copy_from_user(buf, s, count)) return -EFAULT;
    buf[count] = '\0';
    return parse(buf, res);
}
}  // namespace

#define SK_KSTRTO_FROM_USER(name, type)                                                              \
    extern "C" int name##_from_user(const char* s, size_t count, unsigned int base, type* res) {     \
        return from_user(s, count, res, [base](const char* b, type* r) { return name(b, base, r); }); \
    }                                                                                                \
    EXPORT_SYMBOL(name##_from_user);
SK_KSTRTO_FROM_USER(kstrtoint, int)
SK_KSTRTO_FROM_USER(kstrtouint, unsigned int)
SK_KSTRTO_FROM_USER(kstrtol, long)
SK_KSTRTO_FROM_USER(kstrtoul, unsigned long)
SK_KSTRTO_FROM_USER(kstrtoll, long long)
SK_KSTRTO_FROM_USER(kstrtoull, unsigned long long)
SK_KSTRTO_FROM_USER(kstrtou8, u8)
#undef SK_KSTRTO_FROM_USER

extern "C" int kstrtobool_from_user(const char* s, size_t count, bool* res) {
    return from_user(s, count, res, [](const char* b, bool* r) { return kstrtobool(b, r); });
}
EXPORT_SYMBOL(kstrtobool_from_user);

// Removes leading and trailing white space (lib/string_helpers.c).
extern "C" char* strim(char* s) {
    size_t size = strlen(s);
    if (!size) return s;
    char* end = s + size - 1;
    while (end >= s && isspace(static_cast<unsigned char>(*end))) end--;
    *(end + 1) = '\0';
    while (isspace(static_cast<unsigned char>(*s))) s++;
    return s;
}
EXPORT_SYMBOL(strim);

// Linux's kstrtobool: y/Y/1/on and n/N/0/off.
extern "C" int kstrtobool(const char* s, bool* res) {
    if (!s) return -EINVAL;
    switch (s[0]) {
    case 'y': case 'Y': case '1': *res = true; return 0;
    case 'n': case 'N': case '0': *res = false; return 0;
    case 'o': case 'O':
        if (s[1] == 'n' || s[1] == 'N') { *res = true; return 0; }
        if (s[1] == 'f' || s[1] == 'F') { *res = false; return 0; }
        break;
    default: break;
    }
    return -EINVAL;
}
EXPORT_SYMBOL(kstrtobool);

// Copies a C string, always terminated; -E2BIG if it had to cut.
extern "C" long strscpy(char* dest, const char* src, size_t count) {
    if (count == 0) return -E2BIG;
    size_t i = 0;
    for (; i < count; ++i) {
        dest[i] = src[i];
        if (!src[i]) return static_cast<long>(i);
    }
    dest[count - 1] = '\0';
    return -E2BIG;
}
EXPORT_SYMBOL(strscpy);

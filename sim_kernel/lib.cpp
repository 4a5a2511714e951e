// lib.cpp - the small library functions Linux provides to modules
// (lib/kstrtox.c, lib/vsprintf.c's scnprintf, lib/string.c's strscpy).
#include <simkernel/kapi.h>

#include <cstdlib>
#include <limits>
#include <type_traits>

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
        else if (p[0] == '0' && p[1]) { base = 8; ++p; }
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
extern "C" int kstrtoul(const char* s, unsigned int base, unsigned long* res) { return parse_integer(s, base, res); }
extern "C" int kstrtoint(const char* s, unsigned int base, int* res) { return parse_integer(s, base, res); }
extern "C" int kstrtouint(const char* s, unsigned int base, unsigned int* res) { return parse_integer(s, base, res); }
int sk_kstrtoll(const char* s, unsigned int base, long long* res) { return parse_integer(s, base, res); }
int sk_kstrtoull(const char* s, unsigned int base, unsigned long long* res) { return parse_integer(s, base, res); }
int sk_kstrtos16(const char* s, unsigned int base, short* res) { return parse_integer(s, base, res); }
int sk_kstrtou16(const char* s, unsigned int base, unsigned short* res) { return parse_integer(s, base, res); }
int sk_kstrtou8(const char* s, unsigned int base, unsigned char* res) { return parse_integer(s, base, res); }

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

// Like snprintf, but returns what was written (not what would have been).
extern "C" int scnprintf(char* buf, size_t size, const char* fmt, ...) {
    if (size == 0) return 0;
    va_list args;
    va_start(args, fmt);
    int n = vsnprintf(buf, size, fmt, args);
    va_end(args);
    if (n < 0) return 0;
    return static_cast<size_t>(n) >= size ? static_cast<int>(size - 1) : n;
}

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

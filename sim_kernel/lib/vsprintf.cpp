// vsprintf.cpp - the kernel's printf (lib/vsprintf.c): C's conversions, and
// Linux's own where they differ from the C library's:
//   %p          a hashed pointer ("00000000" + 32 bits of a keyed hash): the
//               log must not leak addresses; NULL and error pointers as they are
//   %px         the raw address;  %pK  as %p (kptr_restrict 0)
//   %pS %ps %pB the symbol: "fn+0x1a/0x40 [mod]", "fn [mod]"
//   %pe         an error pointer by name: "-ENOMEM"
//   %ph %*phC   bytes in hex (separator ' ', 'C' ':', 'D' '-', 'N' none)
//   %pM %pMR %pm a MAC address;  %pI4 %pi4  an IPv4 address
//   %pa %pad    a phys_addr_t / dma_addr_t, passed by reference
//   %pV         a struct va_format, formatted in place
//   %s          NULL prints "(null)", a pointer into the first page "(efault)"
//   %n          and any conversion Linux does not know: a WARNING, and the
//               output stops there (the arguments can no longer be trusted)
// Every formatting entry point a module reaches (printk, snprintf, sprintf,
// scnprintf, kasprintf, seq_printf, dev_*, device and thread names) goes
// through sk_vsnprintf; the SDK's <linux/string.h> binds a module's
// snprintf/sprintf/vsnprintf to the sk_ names, so the C library's printf
// (which writes through %n and knows none of the above) is never reached.
#include <simkernel/kapi.h>
#include <simkernel/kernel.hpp>
#include <simkernel/oops.hpp>

#include <asm/bug.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <climits>
#include <cerrno>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <simkernel/export.hpp>

namespace sk {
namespace {

// Where the output goes: counts what would have been written, as vsnprintf
// returns, and never writes past size - 1.
struct Sink {
    char* buf;
    size_t size;
    size_t len = 0;
    void put(char c) {
        if (len + 1 < size) buf[len] = c;
        ++len;
    }
    void put(const char* s, size_t n) {
        for (size_t i = 0; i < n; ++i) put(s[i]);
    }
    void put(const std::string& s) { put(s.data(), s.size()); }
};

// One conversion's flags, width and precision ("%-08.3" ...).
struct Spec {
    std::string flags;
    int width = -1;
    int precision = -1;
    bool left() const { return flags.find('-') != std::string::npos; }
};

void pad_to_width(Sink& out, const std::string& s, const Spec& spec) {
    size_t width = spec.width > 0 ? static_cast<size_t>(spec.width) : 0;
    if (!spec.left())
        for (size_t i = s.size(); i < width; ++i) out.put(' ');
    out.put(s);
    if (spec.left())
        for (size_t i = s.size(); i < width; ++i) out.put(' ');
}

// The per-boot key of %p's hash (Linux's ptr_key, filled from the RNG).
uint64_t pointer_key() {
    static const uint64_t key = (uint64_t{std::random_device{}()} << 32) ^ std::random_device{}();
    return key;
}

uint64_t mix64(uint64_t x) {  // splitmix64's finaliser: a keyed scramble, not a cryptographic hash
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

bool is_err_or_null(const void* p) {
    return !p || reinterpret_cast<uintptr_t>(p) >= static_cast<uintptr_t>(-MAX_ERRNO);
}

std::string hex16(uintptr_t v) {
    char s[24];
    snprintf(s, sizeof s, "%016lx", static_cast<unsigned long>(v));
    return s;
}

std::string hashed_pointer(const void* p) {
    if (is_err_or_null(p)) return hex16(reinterpret_cast<uintptr_t>(p));  // not addresses: as they are
    return hex16(mix64(reinterpret_cast<uintptr_t>(p) ^ pointer_key()) & 0xffffffffu);
}

std::string symbol_without_offset(uintptr_t addr) {
    std::string s = format_symbol(addr);  // "fn+0x5/0x17 [mod]"
    size_t plus = s.find('+'), space = s.find(' ');
    if (plus == std::string::npos || s.rfind("0x", 0) == 0) return s;
    return s.substr(0, plus) + (space == std::string::npos ? "" : s.substr(space));
}

// "-ENOMEM" (lib/errname.c), the kernel-internal codes included; a number
// if it has no name.
std::string error_name(int err) {
    static const struct { int code; const char* name; } internal[] = {
        {512, "ERESTARTSYS"}, {513, "ERESTARTNOINTR"}, {514, "ERESTARTNOHAND"}, {515, "ENOIOCTLCMD"},
        {516, "ERESTART_RESTARTBLOCK"}, {517, "EPROBE_DEFER"}, {518, "EOPENSTALE"}, {524, "ENOTSUPP"},
    };
    for (const auto& e : internal)
        if (-err == e.code) return std::string("-") + e.name;
    if (const char* name = strerrorname_np(-err)) return std::string("-") + name;
    return std::to_string(err);
}

bool readable(const void* p) { return reinterpret_cast<uintptr_t>(p) >= 4096; }

std::string hex_bytes(const char*& fmt, const void* p, const Spec& spec) {
    char sep = ' ';
    if (*fmt == 'C') sep = ':', ++fmt;
    else if (*fmt == 'D') sep = '-', ++fmt;
    else if (*fmt == 'N') sep = 0, ++fmt;
    int n = spec.width > 0 ? std::min(spec.width, 64) : 1;
    if (!readable(p)) return "(efault)";
    const auto* b = static_cast<const unsigned char*>(p);
    std::string s;
    for (int i = 0; i < n; ++i) {
        char h[4];
        snprintf(h, sizeof h, "%02x", b[i]);
        if (i && sep) s += sep;
        s += h;
    }
    return s;
}

std::string mac(const char*& fmt, const void* p, bool separators) {
    bool reversed = *fmt == 'R';
    if (reversed) ++fmt;
    if (!readable(p)) return "(efault)";
    const auto* b = static_cast<const unsigned char*>(p);
    std::string s;
    for (int i = 0; i < 6; ++i) {
        char h[4];
        snprintf(h, sizeof h, "%02x", b[reversed ? 5 - i : i]);
        if (i && separators) s += ':';
        s += h;
    }
    return s;
}

std::string ipv4(const void* p, bool zero_padded) {
    if (!readable(p)) return "(efault)";
    const auto* b = static_cast<const unsigned char*>(p);
    char s[20];
    snprintf(s, sizeof s, zero_padded ? "%03u.%03u.%03u.%03u" : "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
    return s;
}

// %p and its extensions; fmt is just past the 'p' and is advanced past the
// extension letters used. %*ph's width is a count of bytes: it is used up.
std::string pointer(const char*& fmt, const void* p, Spec& spec, Sink& out) {
    uintptr_t addr = reinterpret_cast<uintptr_t>(p);
    char ext = *fmt;
    switch (ext) {
    case 'S':
    case 'B':
        ++fmt;
        if (*fmt == 'R') ++fmt;
        return format_symbol(addr);
    case 's':
        ++fmt;
        return symbol_without_offset(addr);
    case 'x':
        ++fmt;
        return hex16(addr);
    case 'e': {
        ++fmt;
        if (!IS_ERR(p)) return hashed_pointer(p);
        return error_name(static_cast<int>(PTR_ERR(p)));
    }
    case 'h': {
        ++fmt;
        std::string s = hex_bytes(fmt, p, spec);
        spec.width = -1;
        return s;
    }
    case 'M':
    case 'm':
        ++fmt;
        return mac(fmt, p, ext == 'M');
    case 'I':
    case 'i':
        if (fmt[1] == '4') {
            fmt += 2;
            return ipv4(p, ext == 'i');
        }
        break;
    case 'a': {
        ++fmt;
        bool dma = *fmt == 'd';
        if (*fmt == 'd' || *fmt == 'p') ++fmt;
        if (!readable(p)) return "(efault)";
        unsigned long long v = dma ? *static_cast<const uint64_t*>(p) : *static_cast<const phys_addr_t*>(p);  // dma_addr_t is 64-bit
        char s[24];
        snprintf(s, sizeof s, "0x%016llx", v);
        return s;
    }
    case 'V': {
        ++fmt;
        if (!readable(p)) return "(efault)";
        const auto* vf = static_cast<const struct va_format*>(p);
        va_list copy;
        va_copy(copy, *vf->va);
        char sub[1024];
        int n = sk_vsnprintf(sub, sizeof sub, vf->fmt, copy);
        va_end(copy);
        out.put(sub, std::min<size_t>(n < 0 ? 0 : n, sizeof sub - 1));
        return "";
    }
    default:
        break;
    }
    return hashed_pointer(p);  // %p, %pK, and extensions simkernel does not know
}

// Warns once per boot, as Linux's WARN_ONCE in format_decode.
[[gnu::always_inline]] inline void unsupported_conversion(char c) {  // inline: the report names vsnprintf, as Linux's
    static std::atomic<const Kernel*> warned_in{nullptr};
    const Kernel* k = kernel_if_running();
    if (warned_in.exchange(k) == k) return;
    __sk_warn_printf("lib/vsprintf.c", 2771, "Please remove unsupported %%%c in format string\n", c);
}

}  // namespace
}  // namespace sk

// ---- the module API ----

extern "C" int sk_vsnprintf(char* buf, size_t size, const char* fmt, va_list args) {
    using namespace sk;
    Sink out{buf, size};
    va_list ap;
    va_copy(ap, args);
    bool stop = false;
    while (*fmt && !stop) {
        if (*fmt != '%') {
            out.put(*fmt++);
            continue;
        }
        ++fmt;
        if (*fmt == '%') {
            out.put(*fmt++);
            continue;
        }
        Spec spec;
        while (*fmt && strchr("-+ #0", *fmt)) spec.flags += *fmt++;
        if (*fmt == '*') {
            spec.width = va_arg(ap, int);
            if (spec.width < 0) spec.flags += '-', spec.width = -spec.width;
            ++fmt;
        } else {
            while (isdigit(static_cast<unsigned char>(*fmt))) spec.width = std::max(spec.width, 0) * 10 + (*fmt++ - '0');
        }
        if (*fmt == '.') {
            ++fmt;
            spec.precision = 0;
            if (*fmt == '*') {
                spec.precision = va_arg(ap, int);
                ++fmt;
            } else {
                while (isdigit(static_cast<unsigned char>(*fmt))) spec.precision = spec.precision * 10 + (*fmt++ - '0');
            }
        }
        std::string length;
        while (*fmt && strchr("hlLqjzZt", *fmt)) length += *fmt++;
        char conv = *fmt ? *fmt++ : '\0';
        // The C conversion, rebuilt with the numbers in place of '*'.
        std::string c_spec = "%" + spec.flags + (spec.width >= 0 ? std::to_string(spec.width) : "") +
                             (spec.precision >= 0 ? "." + std::to_string(spec.precision) : "");
        auto emit = [&](auto value, const char* c_length) {
            std::string f = c_spec + c_length + conv;
            char tmp[128];
            int n = snprintf(tmp, sizeof tmp, f.c_str(), value);
            if (n <= 0) return;
            if (static_cast<size_t>(n) < sizeof tmp) return out.put(tmp, static_cast<size_t>(n));
            std::string wide(static_cast<size_t>(n) + 1, '\0');  // a field wider than tmp ("%200d")
            snprintf(wide.data(), wide.size(), f.c_str(), value);
            out.put(wide.data(), static_cast<size_t>(n));
        };
        switch (conv) {
        case 'd':
        case 'i':
            if (length == "l") emit(va_arg(ap, long), "l");
            else if (length == "ll" || length == "L" || length == "q") emit(va_arg(ap, long long), "ll");
            else if (length == "z" || length == "Z") emit(va_arg(ap, ssize_t), "z");
            else if (length == "t") emit(va_arg(ap, ptrdiff_t), "t");
            else if (length == "j") emit(va_arg(ap, intmax_t), "j");
            else if (length == "hh") emit(static_cast<signed char>(va_arg(ap, int)), "");
            else if (length == "h") emit(static_cast<short>(va_arg(ap, int)), "");
            else emit(va_arg(ap, int), "");
            break;
        case 'u':
        case 'o':
        case 'x':
        case 'X':
            if (length == "l") emit(va_arg(ap, unsigned long), "l");
            else if (length == "ll" || length == "L" || length == "q") emit(va_arg(ap, unsigned long long), "ll");
            else if (length == "z" || length == "Z") emit(va_arg(ap, size_t), "z");
            else if (length == "t") emit(va_arg(ap, ptrdiff_t), "t");
            else if (length == "j") emit(va_arg(ap, uintmax_t), "j");
            else if (length == "hh") emit(static_cast<unsigned char>(va_arg(ap, unsigned)), "");
            else if (length == "h") emit(static_cast<unsigned short>(va_arg(ap, unsigned)), "");
            else emit(va_arg(ap, unsigned), "");
            break;
        case 'c': {
            std::string s(1, static_cast<char>(va_arg(ap, int)));
            pad_to_width(out, s, spec);
            break;
        }
        case 's': {
            const char* s = va_arg(ap, const char*);
            if (!s) s = "(null)";
            else if (!readable(s)) s = "(efault)";
            size_t n = spec.precision >= 0 ? strnlen(s, static_cast<size_t>(spec.precision)) : strlen(s);
            pad_to_width(out, std::string(s, n), spec);
            break;
        }
        case 'p': {
            const void* p = va_arg(ap, const void*);
            std::string s = pointer(fmt, p, spec, out);
            // Linux skips what is left of an unknown extension ("%pUb" ...).
            while (isalnum(static_cast<unsigned char>(*fmt))) ++fmt;
            pad_to_width(out, s, spec);
            break;
        }
        default:
            // %n, floating point, or a letter Linux does not know: Linux
            // warns and stops formatting here, since the arguments that
            // follow can no longer be matched with the format.
            unsupported_conversion(conv ? conv : '?');
            stop = true;
            break;
        }
    }
    va_end(ap);
    if (size) buf[std::min(out.len, size - 1)] = '\0';
    return static_cast<int>(out.len);
}
EXPORT_SYMBOL(sk_vsnprintf);

extern "C" int sk_vsprintf(char* buf, const char* fmt, va_list args) { return sk_vsnprintf(buf, INT_MAX, fmt, args); }
EXPORT_SYMBOL(sk_vsprintf);

extern "C" int sk_snprintf(char* buf, size_t size, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    int n = sk_vsnprintf(buf, size, fmt, args);
    va_end(args);
    return n;
}
EXPORT_SYMBOL(sk_snprintf);

extern "C" int sk_sprintf(char* buf, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    int n = sk_vsnprintf(buf, INT_MAX, fmt, args);
    va_end(args);
    return n;
}
EXPORT_SYMBOL(sk_sprintf);

// Like vsnprintf, but returns what was written (not what would have been).
extern "C" int vscnprintf(char* buf, size_t size, const char* fmt, va_list args) {
    if (size == 0) return 0;
    int n = sk_vsnprintf(buf, size, fmt, args);
    if (n < 0) return 0;
    return static_cast<size_t>(n) >= size ? static_cast<int>(size - 1) : n;
}
EXPORT_SYMBOL(vscnprintf);

extern "C" int scnprintf(char* buf, size_t size, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    int n = vscnprintf(buf, size, fmt, args);
    va_end(args);
    return n;
}
EXPORT_SYMBOL(scnprintf);

// random.cpp - get_random_bytes and friends (drivers/char/random.c), from
// the host's getrandom(2): the same quality of randomness Linux gives.
#include <simkernel/kapi.h>

#include <sys/random.h>
#include <simkernel/export.hpp>

extern "C" void get_random_bytes(void* buf, size_t len) {
    auto* p = static_cast<unsigned char*>(buf);
    while (len) {
        ssize_t n = getrandom(p, len, 0);
        if (n <= 0) continue;  // EINTR: try again (the pool never runs dry)
        p += n;
        len -= static_cast<size_t>(n);
    }
}
EXPORT_SYMBOL(get_random_bytes);

namespace {
template <typename T>
T random_value() {
    T v;
    get_random_bytes(&v, sizeof(v));
    return v;
}
}  // namespace

extern "C" u8 get_random_u8(void) { return random_value<u8>(); }
EXPORT_SYMBOL(get_random_u8);
extern "C" u16 get_random_u16(void) { return random_value<u16>(); }
EXPORT_SYMBOL(get_random_u16);
extern "C" u32 get_random_u32(void) { return random_value<u32>(); }
EXPORT_SYMBOL(get_random_u32);
extern "C" u64 get_random_u64(void) { return random_value<u64>(); }
EXPORT_SYMBOL(get_random_u64);

// Uniform in [0, ceil): values from the biased top of the range are drawn again.
extern "C" u32 get_random_u32_below(u32 ceil) {
    if (ceil <= 1) return 0;
    u32 limit = static_cast<u32>(-ceil) % ceil;  // 2^32 mod ceil
    for (;;) {
        u32 v = get_random_u32();
        if (v >= limit) return v % ceil;
    }
}
EXPORT_SYMBOL(get_random_u32_below);

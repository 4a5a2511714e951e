// kmod_hash.cpp - see kmod_hash.hpp.
#include "kmod_hash.hpp"

#include <cstring>

namespace tools {

namespace {
uint32_t get16(const char* p) {
    uint16_t v;
    memcpy(&v, p, 2);  // little-endian, as on the x86-64 kmod runs on
    return v;
}
}  // namespace

uint32_t kmod_hash_superfast(std::string_view key) {
    const char* p = key.data();
    uint32_t len = static_cast<uint32_t>(key.size());
    uint32_t hash = len, tmp;
    uint32_t rem = len & 3;
    for (len /= 4; len > 0; --len) {
        hash += get16(p);
        tmp = (get16(p + 2) << 11) ^ hash;
        hash = (hash << 16) ^ tmp;
        p += 4;
        hash += hash >> 11;
    }
    // kmod reads the odd bytes as (signed) char.
    switch (rem) {
    case 3:
        hash += get16(p);
        hash ^= hash << 16;
        hash ^= static_cast<uint32_t>(static_cast<int32_t>(static_cast<signed char>(p[2])) << 18);
        hash += hash >> 11;
        break;
    case 2:
        hash += get16(p);
        hash ^= hash << 11;
        hash += hash >> 17;
        break;
    case 1:
        hash += static_cast<uint32_t>(static_cast<signed char>(*p));
        hash ^= hash << 10;
        hash += hash >> 1;
        break;
    }
    hash ^= hash << 3;
    hash += hash >> 5;
    hash ^= hash << 4;
    hash += hash >> 17;
    hash ^= hash << 25;
    hash += hash >> 6;
    return hash;
}

}  // namespace tools

// kmod_hash.hpp - the order in which kmod's hash table (libkmod-hash.c)
// hands back its keys: by bucket (Paul Hsieh's "superfast" hash of the key,
// modulo the power-of-two bucket count), then by strcmp within a bucket.
//
// kmod's depmod lists modules and symbols in that order wherever
// modules.order says nothing, so simkernel's depmod uses it too and writes
// the very same files.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tools {

uint32_t kmod_hash_superfast(std::string_view key);

// Sorts items into the iteration order of a kmod hash with n_buckets
// buckets (depmod: 512 for modules, 2048 for symbols); key(item) -> string.
template <typename T, typename KeyFn>
void sort_in_kmod_hash_order(std::vector<T>& items, unsigned n_buckets, KeyFn key) {
    struct Keyed {
        uint32_t bucket;
        std::string_view key;
        size_t index;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        std::string_view k = key(items[i]);
        keyed.push_back({kmod_hash_superfast(k) & (n_buckets - 1), k, i});
    }
    std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
        return a.bucket != b.bucket ? a.bucket < b.bucket : a.key < b.key;
    });
    std::vector<T> sorted;
    sorted.reserve(items.size());
    for (const Keyed& k : keyed) sorted.push_back(std::move(items[k.index]));
    items = std::move(sorted);
}

}  // namespace tools

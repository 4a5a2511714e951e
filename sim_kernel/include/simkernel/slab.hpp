// slab.hpp - kmalloc with an owner: every allocation is charged to the
// module that made it, so the kernel can tell what a module leaked.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace sk {

struct Module;

struct AllocStats {
    size_t count = 0;
    size_t bytes = 0;
};

class Slab {
public:
    void* alloc(const Module* owner, size_t size, bool zero);
    void free(const void* p);  // logs and ignores pointers it did not hand out
    size_t size_of(const void* p) const;
    AllocStats stats(const Module* owner) const;
    AllocStats total() const;
    // Frees what owner still holds; returns what was freed.
    AllocStats release_owned_by(const Module* owner);

    struct Header;  // precedes each block (slab.cpp)

private:
    mutable std::mutex mutex_;
    std::unordered_map<const Module*, Header*> lists_;  // per owner, doubly linked
    std::unordered_map<const Module*, AllocStats> stats_;
};

}  // namespace sk

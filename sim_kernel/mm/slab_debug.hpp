// slab_debug.hpp - the checks and reports of SLUB's debugging (mm/slub.c:
// check_object, check_bytes_and_report, print_trailer, slab_fix), shared by
// slab.cpp, which owns the objects, and slab_debug.cpp, which says what is
// wrong with one. Checks run under the allocator's lock and only gather a
// SlabReport; print_slab_report says it after the lock is dropped (it looks
// up symbols, which takes the module list's lock).
#pragma once

#include <simkernel/kapi.h>
#include <simkernel/slab.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace sk {

constexpr size_t kSlabMeta = 192;         // header + left red zone, before each object
constexpr size_t kSlabLeftRedzone = 16;   // Linux: red_left_pad
constexpr size_t kSlabRightRedzone = 16;  // past the cache's object size

// SLUB's byte values (include/linux/poison.h).
constexpr uint8_t kRedInactive = 0xbb;  // SLUB_RED_INACTIVE: red zone of a free object
constexpr uint8_t kRedActive = 0xcc;    // SLUB_RED_ACTIVE: red zone of a live one
constexpr uint8_t kPoisonInuse = 0x5a;  // POISON_INUSE: padding
constexpr uint8_t kPoisonFree = 0x6b;   // POISON_FREE: a free (or not yet written) object
constexpr uint8_t kPoisonEnd = 0xa5;    // POISON_END: its last byte

// Where an object's parts are: the object at `object`, size bytes asked
// for, its cache's object size slot; tail bytes from object to block end.
struct SlabLayout {
    uintptr_t object = 0;
    size_t size = 0;
    size_t slot = 0;
    size_t tail = 0;
};

struct SlabObjectInfo {
    const char* cache = "";
    SlabLayout layout;
    SlabTrack alloc;
    SlabTrack free;  // addr 0 while live
};

struct SlabReport {
    std::string cache;
    std::string headline;        // "Right Redzone overwritten"
    std::string detail;          // "0x...-0x... @offset=N. First byte 0x78 instead of 0xcc"
    bool trailer = false;        // tracking, slab and object lines, and the hex dump
    bool warning = false;        // a kfree of what kmalloc never returned: a WARNING
    SlabObjectInfo obj;
    size_t cache_live = 0;
    std::vector<uint8_t> bytes;  // left red zone through padding, as found
    uintptr_t caller = 0;        // the call trace starts there (0: where we are)
    std::string fix;             // "Restoring Right Redzone 0x...-0x...=0xcc"
    std::string note;            // simkernel's word to the student
};

// Fill a new object's red zones and padding (and poison it unless zeroed).
void slab_init_live(const SlabLayout& l, bool poison);
// Poison a freed object and mark its red zones inactive.
void slab_poison_free(const SlabLayout& l);
// Check an object, restore what was overwritten, add a report for each part.
void slab_check_live(const SlabObjectInfo& o, size_t cache_live, uintptr_t caller, std::vector<SlabReport>* out);
void slab_check_free(const SlabObjectInfo& o, size_t cache_live, uintptr_t caller, std::vector<SlabReport>* out);

SlabReport slab_already_free(const SlabObjectInfo& o, uintptr_t caller, size_t cache_live);
SlabReport slab_invalid_pointer(const SlabObjectInfo& o, const void* p, uintptr_t caller, size_t cache_live);
SlabReport slab_unknown_pointer(const void* p, uintptr_t caller);

void print_slab_report(const SlabReport& r);

// kmalloc and kfree for a given call site (slab_common.cpp's kmem_cache_*).
void* kmalloc_caller(struct module* owner, size_t size, gfp_t flags, uintptr_t caller, const char* cache);
void kfree_caller(const void* p, uintptr_t caller);

}  // namespace sk

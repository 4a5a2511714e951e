// slab.hpp - kmalloc with an owner and with SLUB's debugging (mm/slub.c,
// slub_debug=FZPU): every allocation is charged to the module that made it,
// so the kernel can tell what a module leaked, and is surrounded by red
// zones and poisoned when free, so that a write past its end, a write after
// kfree and a double kfree are reported in Linux's words (slab_debug.cpp).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace sk {

struct Module;

struct AllocStats {
    size_t count = 0;
    size_t bytes = 0;
};

// Who allocated or freed an object, and when (Linux's struct track).
struct SlabTrack {
    uintptr_t addr = 0;       // the call site: the caller of kmalloc/kfree
    unsigned long when = 0;   // jiffies
    int pid = 0;
    char comm[16] = "";       // the task's name (it may be gone by the report)
};

// An object a module still held when it was unloaded (kmemleak's report).
struct LeakedObject {
    uintptr_t addr = 0;
    size_t size = 0;
    const char* cache = "";
    SlabTrack alloc;
};

struct SlabReport;  // slab_debug.cpp

// What rmmod says of each leaked object, as kmemleak's report reads:
// "unreferenced object 0x... (size 64):", who allocated it and where.
void report_leaked_objects(const std::vector<LeakedObject>& leaks);

// "kmalloc-64": the kmalloc cache a request of size bytes comes from, and
// that cache's object size (Linux's kmalloc_index: 8, 16, 32, 64, 96, 128,
// 192, 256, 512, 1k, 2k, 4k, 8k; above 8k Linux asks the page allocator).
const char* kmalloc_cache_name(size_t size);
size_t kmalloc_cache_size(size_t size);

class Slab {
public:
    Slab() = default;
    ~Slab();  // gives back every block still held (the quarantine's too)
    Slab(const Slab&) = delete;
    Slab& operator=(const Slab&) = delete;

    // cache: a kmem_cache's name (its objects are size bytes), or nullptr
    // for kmalloc (the kmalloc-N cache of that size). caller: the call site.
    void* alloc(const Module* owner, size_t size, bool zero, uintptr_t caller, const char* cache = nullptr);
    // Checks the object's red zones, then poisons it. A pointer never
    // returned by alloc, or freed already, is reported and left alone.
    void free(const void* p, uintptr_t caller);
    size_t size_of(const void* p) const;  // 0 for what alloc did not return
    AllocStats stats(const Module* owner) const;
    AllocStats total() const;
    // Checks and frees what owner still holds (and its freed objects still
    // waiting in quarantine); returns what was freed, each object in leaks.
    AllocStats release_owned_by(const Module* owner, std::vector<LeakedObject>* leaks = nullptr);
    // Checks every object now (writing 1 to /proc/sys/debug/slab_validate):
    // the number of problems reported.
    int validate();
    std::string slabinfo() const;  // /proc/slabinfo
    // A name for a kmem_cache that outlives the cache (freed objects keep it).
    const char* intern_cache_name(const std::string& name);

    // Red zones, poison and tracking on (the default) or off: Linux's
    // slub_debug boot option; here /proc/sys/debug/slub_debug. Objects
    // allocated while off are not checked.
    std::atomic<bool> debug{true};

    struct Header;  // precedes each object (slab.cpp)

private:
    struct CacheCounts {
        size_t object_size = 0;
        size_t live = 0;
        size_t quarantined = 0;
    };
    void unlink(Header* h);
    void push_quarantine(Header* h, uintptr_t caller, std::vector<SlabReport>* reports);
    void destroy(Header* h);  // forgets and releases the memory
    const Header* containing(const void* p) const;

    mutable std::mutex mutex_;
    std::unordered_map<const Module*, Header*> lists_;  // live objects per owner, doubly linked
    std::unordered_map<const Module*, AllocStats> stats_;
    std::map<uintptr_t, Header*> objects_;  // every object, live or in quarantine, by address
    std::deque<Header*> quarantine_;        // freed, poisoned, checked when they leave
    size_t quarantine_bytes_ = 0;
    std::map<std::string, CacheCounts, std::less<>> caches_;  // for /proc/slabinfo
    std::set<std::string, std::less<>> names_;
};

}  // namespace sk

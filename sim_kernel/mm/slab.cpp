// slab.cpp - kmalloc/kfree (mm/slub.c, mm/slab_common.c), with every
// allocation charged to its owner and laid out as SLUB lays out an object
// when slub_debug=FZPU is on:
//
//   | header (owner, size, tracks) | left red zone | object | right red zone | padding |
//     176 bytes                      16 bytes        size     up to the cache    to 64
//                                                             size, + 16
//
// A live object's red zones hold 0xcc (SLUB_RED_ACTIVE), its padding 0x5a
// (POISON_INUSE), and memory it did not ask to be zeroed reads 0x6b...0xa5
// (POISON_FREE, POISON_END): an uninitialised field is easy to spot. kfree
// checks the red zones, poisons the object and sets its red zones to 0xbb
// (SLUB_RED_INACTIVE), and keeps it a while in a quarantine: a write after
// kfree is found when it leaves, at rmmod, or on demand. What is wrong is
// reported by slab_debug.cpp, in Linux's words.
#include "mm/slab_debug.hpp"

#include <simkernel/kernel.hpp>
#include <simkernel/fault_inject.hpp>
#include <simkernel/lockdep.hpp>
#include <simkernel/slab.hpp>
#include <simkernel/timers.hpp>

#include <fmt/format.h>

#include <cstdlib>
#include <cstring>
#include <simkernel/export.hpp>

namespace sk {

// The header, then the left red zone, fill kSlabMeta bytes: every object
// starts on a cache line, as Linux's kmalloc caches of 64 bytes and up give,
// so ____cacheline_aligned structures that a driver kmallocs are aligned.
struct alignas(16) Slab::Header {
    static constexpr uint64_t kLive = 0x6b6d616c6c6f6321ULL;  // "kmalloc!"
    static constexpr uint64_t kFree = 0x6b6672656564212eULL;  // "kfreed!."
    uint64_t magic;
    const Module* owner;
    size_t size;         // what was asked for
    size_t slot;         // the cache's object size
    const char* cache;   // "kmalloc-64", or a kmem_cache's name
    Header* prev;
    Header* next;
    SlabTrack alloc_track;
    SlabTrack free_track;
    uint32_t debug;      // laid out with red zones and poison
};
static_assert(sizeof(Slab::Header) <= kSlabMeta - kSlabLeftRedzone);

namespace {

struct KmallocCache {
    size_t size;
    const char* name;
};
// Linux's kmalloc caches (KMALLOC_MIN_SIZE 8, with the 96 and 192 caches).
constexpr KmallocCache kKmallocCaches[] = {
    {8, "kmalloc-8"},     {16, "kmalloc-16"},   {32, "kmalloc-32"},   {64, "kmalloc-64"},
    {96, "kmalloc-96"},   {128, "kmalloc-128"}, {192, "kmalloc-192"}, {256, "kmalloc-256"},
    {512, "kmalloc-512"}, {1024, "kmalloc-1k"}, {2048, "kmalloc-2k"}, {4096, "kmalloc-4k"},
    {8192, "kmalloc-8k"},
};

// Freed objects wait here before their memory is reused.
constexpr size_t kQuarantineObjects = 1024;
constexpr size_t kQuarantineBytes = 1 << 20;

char* object_of(Slab::Header* h) { return reinterpret_cast<char*>(h) + kSlabMeta; }
const char* object_of(const Slab::Header* h) { return reinterpret_cast<const char*>(h) + kSlabMeta; }
size_t block_size(size_t slot) { return (kSlabMeta + slot + kSlabRightRedzone + 63) & ~size_t{63}; }

SlabTrack track_here(uintptr_t caller) {
    Task* t = current_task();
    SlabTrack track{caller, jiffies_now(), t ? t->pid : 0, ""};
    if (t) t->comm.copy(track.comm, sizeof track.comm - 1);
    return track;
}

SlabLayout layout_of(const Slab::Header* h) {
    return {reinterpret_cast<uintptr_t>(object_of(h)), h->size, h->slot, block_size(h->slot) - kSlabMeta};
}

SlabObjectInfo info_of(const Slab::Header* h) {
    return {h->cache, layout_of(h), h->alloc_track, h->magic == Slab::Header::kFree ? h->free_track : SlabTrack{}};
}

}  // namespace

const char* kmalloc_cache_name(size_t size) {
    for (const KmallocCache& c : kKmallocCaches)
        if (size <= c.size) return c.name;
    return "kmalloc-large";  // Linux: kmalloc_large(), pages with no cache
}

size_t kmalloc_cache_size(size_t size) {
    for (const KmallocCache& c : kKmallocCaches)
        if (size <= c.size) return c.size;
    return (size + 4095) & ~size_t{4095};
}

Slab::~Slab() {
    for (auto& [addr, h] : objects_) std::free(h);
}

const char* Slab::intern_cache_name(const std::string& name) {
    std::lock_guard lock(mutex_);
    return names_.insert(name).first->c_str();
}

void* Slab::alloc(const Module* owner, size_t size, bool zero, uintptr_t caller, const char* cache) {
    if (size > KMALLOC_MAX_SIZE) return nullptr;
    size_t slot = cache ? size : kmalloc_cache_size(size);
    auto* h = static_cast<Header*>(std::aligned_alloc(64, block_size(slot)));
    if (!h) return nullptr;
    bool checked = debug.load(std::memory_order_relaxed);
    *h = Header{Header::kLive, owner, size, slot, cache ? cache : kmalloc_cache_name(size), nullptr, nullptr,
                track_here(caller), {}, checked};
    char* p = object_of(h);
    if (zero) std::memset(p, 0, size);
    if (checked) slab_init_live(layout_of(h), !zero);
    std::lock_guard lock(mutex_);
    Header*& head = lists_[owner];
    h->next = head;
    if (head) head->prev = h;
    head = h;
    AllocStats& s = stats_[owner];
    ++s.count;
    s.bytes += size;
    objects_.emplace(reinterpret_cast<uintptr_t>(p), h);
    CacheCounts& c = caches_[h->cache];
    c.object_size = slot;
    ++c.live;
    return p;
}

void Slab::unlink(Header* h) {
    if (h->prev) h->prev->next = h->next;
    else if (h->next) lists_[h->owner] = h->next;
    else lists_.erase(h->owner);
    if (h->next) h->next->prev = h->prev;
    AllocStats& s = stats_[h->owner];
    --s.count;
    s.bytes -= h->size;
    if (s.count == 0) stats_.erase(h->owner);
    --caches_[h->cache].live;
}

void Slab::destroy(Header* h) {
    objects_.erase(reinterpret_cast<uintptr_t>(object_of(h)));
    h->magic = 0;
    std::free(h);
}

// The oldest freed objects leave the quarantine: their poison must be
// intact, or something wrote to them after kfree.
void Slab::push_quarantine(Header* h, uintptr_t caller, std::vector<SlabReport>* reports) {
    quarantine_.push_back(h);
    quarantine_bytes_ += h->slot;
    ++caches_[h->cache].quarantined;
    while (quarantine_.size() > kQuarantineObjects || quarantine_bytes_ > kQuarantineBytes) {
        Header* old = quarantine_.front();
        quarantine_.pop_front();
        quarantine_bytes_ -= old->slot;
        --caches_[old->cache].quarantined;
        slab_check_free(info_of(old), caches_[old->cache].live, caller, reports);
        destroy(old);
    }
}

const Slab::Header* Slab::containing(const void* p) const {
    auto a = reinterpret_cast<uintptr_t>(p);
    auto it = objects_.upper_bound(a);
    if (it == objects_.begin()) return nullptr;
    --it;
    const Header* h = it->second;
    return a < it->first + h->slot ? h : nullptr;
}

void Slab::free(const void* p, uintptr_t caller) {
    if (ZERO_OR_NULL_PTR(p)) return;
    std::vector<SlabReport> reports;
    {
        std::lock_guard lock(mutex_);
        auto it = objects_.find(reinterpret_cast<uintptr_t>(p));
        if (it == objects_.end()) {
            const Header* inside = containing(p);
            reports.push_back(inside ? slab_invalid_pointer(info_of(inside), p, caller, caches_[inside->cache].live)
                                     : slab_unknown_pointer(p, caller));
        } else if (Header* h = it->second; h->magic == Header::kFree) {
            reports.push_back(slab_already_free(info_of(h), caller, caches_[h->cache].live));
        } else {
            unlink(h);
            if (h->debug) {
                slab_check_live(info_of(h), caches_[h->cache].live, caller, &reports);
                h->magic = Header::kFree;
                h->free_track = track_here(caller);
                slab_poison_free(layout_of(h));
                push_quarantine(h, caller, &reports);
            } else {
                destroy(h);
            }
        }
    }
    for (const SlabReport& r : reports) print_slab_report(r);
}

size_t Slab::size_of(const void* p) const {
    if (ZERO_OR_NULL_PTR(p)) return 0;
    std::lock_guard lock(mutex_);
    auto it = objects_.find(reinterpret_cast<uintptr_t>(p));
    return it != objects_.end() && it->second->magic == Header::kLive ? it->second->size : 0;
}

AllocStats Slab::stats(const Module* owner) const {
    std::lock_guard lock(mutex_);
    auto it = stats_.find(owner);
    return it == stats_.end() ? AllocStats{} : it->second;
}

AllocStats Slab::total() const {
    std::lock_guard lock(mutex_);
    AllocStats t;
    for (const auto& kv : stats_) {
        t.count += kv.second.count;
        t.bytes += kv.second.bytes;
    }
    return t;
}

AllocStats Slab::release_owned_by(const Module* owner, std::vector<LeakedObject>* leaks) {
    auto caller = reinterpret_cast<uintptr_t>(__builtin_return_address(0));  // the trace starts at rmmod's
    std::vector<SlabReport> reports;
    AllocStats freed;
    {
        std::lock_guard lock(mutex_);
        auto found = stats_.find(owner);
        if (found != stats_.end()) freed = found->second;
        auto head = lists_.find(owner);
        for (Header* h = head == lists_.end() ? nullptr : head->second; h;) {
            Header* next = h->next;
            if (h->debug) slab_check_live(info_of(h), caches_[h->cache].live, caller, &reports);
            if (leaks) leaks->push_back({reinterpret_cast<uintptr_t>(object_of(h)), h->size, h->cache, h->alloc_track});
            --caches_[h->cache].live;
            destroy(h);
            h = next;
        }
        lists_.erase(owner);
        stats_.erase(owner);
        // Its freed objects: checked now, while the module's name means something.
        std::erase_if(quarantine_, [&](Header* h) {
            if (h->owner != owner) return false;
            quarantine_bytes_ -= h->slot;
            --caches_[h->cache].quarantined;
            slab_check_free(info_of(h), caches_[h->cache].live, caller, &reports);
            destroy(h);
            return true;
        });
    }
    for (const SlabReport& r : reports) print_slab_report(r);
    return freed;
}

int Slab::validate() {
    auto caller = reinterpret_cast<uintptr_t>(__builtin_return_address(0));
    std::vector<SlabReport> reports;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [addr, h] : objects_) {
            if (!h->debug) continue;
            if (h->magic == Header::kLive) slab_check_live(info_of(h), caches_[h->cache].live, caller, &reports);
            else slab_check_free(info_of(h), caches_[h->cache].live, caller, &reports);
        }
    }
    for (const SlabReport& r : reports) print_slab_report(r);
    return static_cast<int>(reports.size());
}

// "slabinfo - version: 2.1", one line per cache in use, as mm/slab_common.c
// prints it (a simkernel "slab" is one page of objects).
std::string Slab::slabinfo() const {
    std::lock_guard lock(mutex_);
    std::string out =
        "slabinfo - version: 2.1\n"
        "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> "
        "<batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n";
    for (const auto& [name, c] : caches_) {
        if (!c.live && !c.quarantined) continue;
        size_t per_slab = std::max<size_t>(1, 4096 / c.object_size);
        size_t pages = std::max<size_t>(1, c.object_size / 4096);
        size_t num = c.live + c.quarantined;
        size_t slabs = (num + per_slab - 1) / per_slab;
        out += fmt::format("{:<17} {:6} {:6} {:6} {:4} {:4} : tunables {:4} {:4} {:4} : slabdata {:6} {:6} {:6}\n",
                           name, c.live, num, c.object_size, per_slab, pages, 0, 0, 0, slabs, slabs, 0);
    }
    return out;
}

}  // namespace sk

// ---- the module API ----

namespace {

// Every kmalloc goes through here: GFP_KERNEL may sleep, then the
// allocator. caller is the module's call site.
void* kmalloc_from(struct module* owner, size_t size, gfp_t flags, uintptr_t caller, const char* cache = nullptr) {
    if (flags & __GFP_RECLAIM) sk::might_sleep_at("include/linux/sched/mm.h", 274, caller);
    if (sk::should_failslab(size, caller)) return nullptr;
    return sk::kernel().slab.alloc(sk::module_of(owner), size, flags & __GFP_ZERO, caller, cache);
}

}  // namespace

namespace sk {
void* kmalloc_caller(struct module* owner, size_t size, gfp_t flags, uintptr_t caller, const char* cache) {
    if (size == 0) return ZERO_SIZE_PTR;  // as Linux: a unique non-NULL "nothing"
    return kmalloc_from(owner, size, flags, caller, cache);
}

void kfree_caller(const void* p, uintptr_t caller) {
    if (ZERO_OR_NULL_PTR(p)) return;
    Kernel& k = kernel();
    // Freeing a timer that is still pending, or a tasklet still scheduled:
    // Linux's debugobjects say so (and it would later run from freed
    // memory). We also dequeue it.
    if (size_t n = k.slab.size_of(p)) {
        for (const void* t : k.timers.release_in_range(p, n))
            printk(KERN_ERR "ODEBUG: free active object type: timer_list (%p, function %s); the kernel deleted the timer\n",
                   t, describe_code_address(reinterpret_cast<const void*>(
                          static_cast<const struct timer_list*>(t)->function)).c_str());
        for (const struct tasklet_struct* t : k.tasklets.release_in_range(p, n))
            printk(KERN_ERR "ODEBUG: free active object type: tasklet_struct (%p, function %s); the kernel killed "
                   "the tasklet\n", static_cast<const void*>(t), describe_code_address(tasklet_function(t)).c_str());
    }
    k.slab.free(p, caller);
}
}  // namespace sk

extern "C" void* sk_kmalloc(struct module* owner, size_t size, gfp_t flags) {
    return sk::kmalloc_caller(owner, size, flags, reinterpret_cast<uintptr_t>(__builtin_return_address(0)), nullptr);
}
EXPORT_SYMBOL(sk_kmalloc);

extern "C" void* sk_krealloc(struct module* owner, const void* p, size_t new_size, gfp_t flags) {
    auto caller = reinterpret_cast<uintptr_t>(__builtin_return_address(0));
    if (new_size == 0) {
        sk::kfree_caller(p, caller);
        return ZERO_SIZE_PTR;
    }
    size_t old = ZERO_OR_NULL_PTR(p) ? 0 : sk::kernel().slab.size_of(p);
    void* n = sk::kmalloc_caller(owner, new_size, flags, caller, nullptr);
    if (!n) return nullptr;
    if (old) memcpy(n, p, old < new_size ? old : new_size);
    sk::kfree_caller(p, caller);
    return n;
}
EXPORT_SYMBOL(sk_krealloc);

extern "C" void kfree(const void* p) {
    sk::kfree_caller(p, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
}
EXPORT_SYMBOL(kfree);

extern "C" size_t ksize(const void* p) { return sk::kernel().slab.size_of(p); }
EXPORT_SYMBOL(ksize);

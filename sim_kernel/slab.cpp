// slab.cpp - kmalloc/kfree, with every allocation charged to its owner.
//
// Each block carries a small header: who owns it, how big it is, and links
// in its owner's list, so rmmod can find and report what a module leaked.
#include <simkernel/kernel.hpp>
#include <simkernel/slab.hpp>

#include <cstdlib>
#include <cstring>

namespace sk {

// 64-byte headers: every block starts on a cache line, as Linux's kmalloc
// caches of 64 bytes and up give, so ____cacheline_aligned structures that
// a driver kmallocs are aligned as declared.
struct alignas(64) Slab::Header {
    static constexpr uint64_t kMagic = 0x6b6d616c6c6f6321ULL;  // "kmalloc!"
    uint64_t magic;
    const Module* owner;
    size_t size;
    Header* prev;
    Header* next;
};

namespace {
Slab::Header* header_of(const void* p) {
    return reinterpret_cast<Slab::Header*>(const_cast<char*>(static_cast<const char*>(p)) -
                                           sizeof(Slab::Header));
}
}  // namespace

void* Slab::alloc(const Module* owner, size_t size, bool zero) {
    if (size > KMALLOC_MAX_SIZE) return nullptr;
    constexpr size_t kAlign = alignof(Header);
    auto* h = static_cast<Header*>(std::aligned_alloc(kAlign, (sizeof(Header) + size + kAlign - 1) & ~(kAlign - 1)));
    if (!h) return nullptr;
    h->magic = Header::kMagic;
    h->owner = owner;
    h->size = size;
    h->prev = nullptr;
    void* p = h + 1;
    if (zero) std::memset(p, 0, size);
    std::lock_guard lock(mutex_);
    Header*& head = lists_[owner];
    h->next = head;
    if (head) head->prev = h;
    head = h;
    AllocStats& s = stats_[owner];
    ++s.count;
    s.bytes += size;
    return p;
}

void Slab::free(const void* p) {
    if (ZERO_OR_NULL_PTR(p)) return;
    Header* h = header_of(p);
    std::lock_guard lock(mutex_);
    if (h->magic != Header::kMagic) {
        printk(KERN_ERR "kfree: %p was not allocated by kmalloc, or was already freed\n", p);
        return;
    }
    if (h->prev) h->prev->next = h->next;
    else lists_[h->owner] = h->next;
    if (h->next) h->next->prev = h->prev;
    AllocStats& s = stats_[h->owner];
    --s.count;
    s.bytes -= h->size;
    h->magic = 0;
    std::free(h);
}

size_t Slab::size_of(const void* p) const {
    if (ZERO_OR_NULL_PTR(p)) return 0;
    const Header* h = header_of(p);
    return h->magic == Header::kMagic ? h->size : 0;
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

AllocStats Slab::release_owned_by(const Module* owner) {
    std::lock_guard lock(mutex_);
    AllocStats freed = stats_[owner];
    for (Header* h = lists_[owner]; h;) {
        Header* next = h->next;
        h->magic = 0;
        std::free(h);
        h = next;
    }
    lists_.erase(owner);
    stats_.erase(owner);
    return freed;
}

}  // namespace sk

// ---- the module API ----

extern "C" void* sk_kmalloc(struct module* owner, size_t size, gfp_t flags) {
    if (size == 0) return ZERO_SIZE_PTR;  // as Linux: a unique non-NULL "nothing"
    return sk::kernel().slab.alloc(sk::module_of(owner), size, flags & __GFP_ZERO);
}

extern "C" void* sk_krealloc(struct module* owner, const void* p, size_t new_size, gfp_t flags) {
    if (new_size == 0) {
        kfree(p);
        return ZERO_SIZE_PTR;
    }
    size_t old = ZERO_OR_NULL_PTR(p) ? 0 : sk::kernel().slab.size_of(p);
    void* n = sk_kmalloc(owner, new_size, flags);
    if (!n) return nullptr;
    if (old) memcpy(n, p, old < new_size ? old : new_size);
    kfree(p);
    return n;
}

extern "C" void kfree(const void* p) {
    if (ZERO_OR_NULL_PTR(p)) return;
    sk::Kernel& k = sk::kernel();
    // Freeing a timer that is still pending: Linux's debugobjects say so
    // (and the timer would later fire into freed memory). We also dequeue it.
    if (size_t n = k.slab.size_of(p))
        for (const void* t : k.timers.release_in_range(p, n))
            printk(KERN_ERR "ODEBUG: free active object type: timer_list (%p, function %s); the kernel deleted the timer\n",
                   t, sk::describe_code_address(reinterpret_cast<const void*>(
                          static_cast<const struct timer_list*>(t)->function)).c_str());
    k.slab.free(p);
}

extern "C" size_t ksize(const void* p) { return sk::kernel().slab.size_of(p); }

// slab_common.cpp - kmem_cache_create/alloc/free/destroy (mm/slab_common.c).
//
// A cache is a named size of object with an optional constructor. Its
// objects come from kmalloc and are charged to the module that made the
// cache, so what a module forgets is reported at rmmod like any kmalloc.
#include "mm/slab_debug.hpp"

#include <simkernel/kernel.hpp>

#include <atomic>
#include <new>
#include <string>
#include <simkernel/export.hpp>

struct kmem_cache {
    std::string name;
    const char* slab_name;  // the same, for slab reports (outlives the cache)
    unsigned int size;
    slab_flags_t flags;
    void (*ctor)(void*);
    struct module* owner;
    std::atomic<long> objects{0};  // allocated and not yet freed
};

extern "C" struct kmem_cache* sk_kmem_cache_create(struct module* owner, const char* name, unsigned int size,
                                                   unsigned int /*align: kmalloc gives 64*/,
                                                   slab_flags_t flags, void (*ctor)(void*)) {
    if (!name || !*name || size == 0 || size > KMALLOC_MAX_SIZE) {
        printk(KERN_ERR "kmem_cache_create(%s) failed with error -22\n", name ? name : "(null)");
        return nullptr;
    }
    auto caller = reinterpret_cast<uintptr_t>(__builtin_return_address(0));
    void* mem = sk::kmalloc_caller(owner, sizeof(struct kmem_cache), GFP_KERNEL, caller, nullptr);
    if (!mem) return nullptr;
    return new (mem) kmem_cache{name, sk::kernel().slab.intern_cache_name(name), size, flags, ctor, owner};
}
EXPORT_SYMBOL(sk_kmem_cache_create);

extern "C" void* kmem_cache_alloc(struct kmem_cache* s, gfp_t flags) {
    if (!s) return nullptr;
    auto caller = reinterpret_cast<uintptr_t>(__builtin_return_address(0));
    void* p = sk::kmalloc_caller(s->owner, s->size, flags, caller, s->slab_name);
    if (!p) return nullptr;
    if (s->ctor) s->ctor(p);
    s->objects.fetch_add(1);
    return p;
}
EXPORT_SYMBOL(kmem_cache_alloc);

extern "C" void kmem_cache_free(struct kmem_cache* s, void* obj) {
    if (!s || !obj) return;
    s->objects.fetch_sub(1);
    sk::kfree_caller(obj, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
}
EXPORT_SYMBOL(kmem_cache_free);

// Linux refuses to destroy a cache that still has objects, and says so.
extern "C" void kmem_cache_destroy(struct kmem_cache* s) {
    if (!s) return;
    long left = s->objects.load();
    if (left > 0) {
        printk(KERN_ERR "kmem_cache_destroy %s: Slab cache still has objects (%ld)\n", s->name.c_str(), left);
        return;
    }
    s->~kmem_cache();
    sk::kfree_caller(s, reinterpret_cast<uintptr_t>(__builtin_return_address(0)));
}
EXPORT_SYMBOL(kmem_cache_destroy);

extern "C" unsigned int kmem_cache_size(struct kmem_cache* s) { return s ? s->size : 0; }
EXPORT_SYMBOL(kmem_cache_size);

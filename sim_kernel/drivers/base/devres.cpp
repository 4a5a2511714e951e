// devres.cpp - managed device memory: devm_kmalloc and friends
// (drivers/base/devres.c).
//
// A block devm_kmalloc()s for a device is recorded on the device and freed
// when the device goes away (device_destroy, or rmmod cleaning up a device
// its module forgot), so a driver's error paths and exit need no kfree.
#include <simkernel/devtmpfs.hpp>
#include <simkernel/kernel.hpp>

#include <algorithm>
#include <mutex>
#include <simkernel/export.hpp>

namespace sk {
namespace {
std::mutex devres_mutex;  // every device's devres list
}

void devres_release_all(struct device* dev) {
    std::vector<void*> blocks;
    {
        std::lock_guard lock(devres_mutex);
        blocks.swap(dev->devres);
    }
    for (void* p : blocks) kfree(p);
}

}  // namespace sk

extern "C" void* sk_devm_kmalloc(struct module* owner, struct device* dev, size_t size, gfp_t gfp) {
    if (IS_ERR_OR_NULL(dev)) {
        // Linux dereferences the device and oopses; the allocation is refused here.
        printk(KERN_ERR "devm_kmalloc: no device (%p): managed memory belongs to a struct device\n",
               static_cast<void*>(dev));
        return nullptr;
    }
    if (size == 0) return ZERO_SIZE_PTR;  // as Linux's devm_kmalloc
    void* p = sk_kmalloc(owner, size, gfp);
    if (!p) return nullptr;
    std::lock_guard lock(sk::devres_mutex);
    dev->devres.push_back(p);
    return p;
}
EXPORT_SYMBOL_GPL(sk_devm_kmalloc);

extern "C" char* sk_devm_kstrdup(struct module* owner, struct device* dev, const char* s, gfp_t gfp) {
    if (!s) return nullptr;
    size_t n = strlen(s) + 1;
    auto* p = static_cast<char*>(sk_devm_kmalloc(owner, dev, n, gfp));
    if (p) memcpy(p, s, n);
    return p;
}
EXPORT_SYMBOL_GPL(sk_devm_kstrdup);

extern "C" void devm_kfree(struct device* dev, const void* p) {
    if (IS_ERR_OR_NULL(dev) || ZERO_OR_NULL_PTR(p)) return;
    {
        std::lock_guard lock(sk::devres_mutex);
        auto it = std::find(dev->devres.begin(), dev->devres.end(), p);
        if (it == dev->devres.end()) {
            // Linux: WARN_ON(rc) in devm_kfree, for memory not from devm_kmalloc.
            printk(KERN_WARNING "WARNING: devm_kfree: %p was not devm_kmalloc'ed for %s\n", p, dev->name.c_str());
            sk::kernel().add_taint(sk::TAINT_WARN);
            return;
        }
        dev->devres.erase(it);
    }
    kfree(p);
}
EXPORT_SYMBOL_GPL(devm_kfree);

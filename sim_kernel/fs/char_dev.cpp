// char_dev.cpp - character-device registration (fs/char_dev.c in Linux);
// the open every device node shares is in chrdev_open.cpp.
#include <simkernel/chrdev.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/fault_inject.hpp>
#include <simkernel/module.hpp>
#include <simkernel/module_calls.hpp>
#include <simkernel/vfs.hpp>

#include <algorithm>

namespace sk {

// A driver (an entry with fops) already on some of these numbers?
bool ChrdevTable::find_driver_locked(unsigned major, unsigned baseminor, unsigned count) const {
    return std::any_of(regions_.begin(), regions_.end(), [&](const ChrdevRegion& r) {
        return r.fops && r.major == major && baseminor < r.baseminor + r.count && r.baseminor < baseminor + count;
    });
}

bool ChrdevTable::overlaps_locked(unsigned major, unsigned baseminor, unsigned count) const {
    for (const ChrdevRegion& r : regions_) {
        if (r.major != major || !r.is_region) continue;
        if (baseminor < r.baseminor + r.count && r.baseminor < baseminor + count) return true;
    }
    return false;
}

// Dynamic majors, as Linux hands them out: 254 down to 234, then 511 down to 384.
int ChrdevTable::find_free_major_locked() const {
    auto taken = [this](unsigned m) {
        return std::any_of(regions_.begin(), regions_.end(),
                           [m](const ChrdevRegion& r) { return r.major == m && r.is_region; });
    };
    for (unsigned m = 254; m >= CHRDEV_MAJOR_DYN_END; --m)
        if (!taken(m)) return static_cast<int>(m);
    for (unsigned m = 511; m >= 384; --m)
        if (!taken(m)) return static_cast<int>(m);
    return -EBUSY;
}

int ChrdevTable::register_region(unsigned major, unsigned baseminor, unsigned count,
                                 const std::string& name, const struct file_operations* fops,
                                 Module* owner) {
    // The name is a word of a /proc/devices line: not empty, no control
    // characters. ('/' is fine: Linux itself registers "/dev/console".)
    if (name.empty() || std::any_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; })) {
        printk(KERN_ERR "CHRDEV \"%s\": a device name must not be empty or hold control characters\n",
               name.substr(0, 64).c_str());
        return -EINVAL;
    }
    if (major > kMajorMax) {
        printk(KERN_ERR "CHRDEV \"%s\" major requested (%u) is greater than the maximum (%u)\n",
               name.c_str(), major, kMajorMax);
        return -EINVAL;
    }
    if (count == 0 || baseminor + count - 1 > MINORMASK) {
        printk(KERN_ERR "CHRDEV \"%s\" minor range requested (%u-%u) is out of range of maximum range (%u-%u) for a single major\n",
               name.c_str(), baseminor, baseminor + count - 1, 0U, MINORMASK);
        return -EINVAL;
    }
    std::unique_lock lock(mutex_);
    bool dynamic = major == 0;
    if (dynamic) {
        int m = find_free_major_locked();
        if (m < 0) {
            printk(KERN_ERR "CHRDEV \"%s\" dynamic allocation region is full\n", name.c_str());
            return m;
        }
        major = static_cast<unsigned>(m);
    } else if (overlaps_locked(major, baseminor, count)) {
        return -EBUSY;
    }
    if (fops && find_driver_locked(major, baseminor, count)) return -EBUSY;
    regions_.push_back({major, baseminor, count, name, fops, owner});
    // As Linux: the allocated major when one was asked for, else 0.
    return dynamic ? static_cast<int>(major) : 0;
}

bool ChrdevTable::unregister_region(unsigned major, unsigned baseminor, unsigned count) {
    std::unique_lock lock(mutex_);
    auto it = std::find_if(regions_.begin(), regions_.end(), [&](const ChrdevRegion& r) {
        return r.is_region && r.major == major && r.baseminor == baseminor && r.count == count;
    });
    if (it == regions_.end()) return false;
    regions_.erase(it);
    return true;
}

int ChrdevTable::add_cdev(__kernel_dev_t dev, unsigned count, const struct file_operations* fops,
                          struct cdev* cdev, Module* owner) {
    if (count == 0 || MINOR(dev) + count - 1 > MINORMASK || MAJOR(dev) > kMajorMax) return -EINVAL;
    std::unique_lock lock(mutex_);
    if (find_driver_locked(MAJOR(dev), MINOR(dev), count)) return -EBUSY;
    regions_.push_back({MAJOR(dev), MINOR(dev), count, {}, fops, owner, false, cdev});
    return 0;
}

bool ChrdevTable::del_cdev(const struct cdev* cdev) {
    std::unique_lock lock(mutex_);
    return std::erase_if(regions_, [cdev](const ChrdevRegion& r) { return !r.is_region && r.cdev == cdev; }) > 0;
}

namespace {
const ChrdevRegion* find_driver(const std::vector<ChrdevRegion>& regions, __kernel_dev_t dev) {
    for (const ChrdevRegion& r : regions)
        if (r.fops && r.major == MAJOR(dev) && MINOR(dev) >= r.baseminor && MINOR(dev) < r.baseminor + r.count)
            return &r;
    return nullptr;
}
}  // namespace

ChrdevRegion ChrdevTable::lookup(__kernel_dev_t dev) const {
    std::shared_lock lock(mutex_);
    const ChrdevRegion* r = find_driver(regions_, dev);
    return r ? *r : ChrdevRegion{0, 0, 0, {}, nullptr, nullptr};
}

ChrdevRegion ChrdevTable::lookup_and_get(__kernel_dev_t dev, bool* got) const {
    std::shared_lock lock(mutex_);
    const ChrdevRegion* r = find_driver(regions_, dev);
    if (!r) {
        *got = false;
        return {0, 0, 0, {}, nullptr, nullptr};
    }
    Module* owner = r->owner ? r->owner : module_of(r->fops->owner);
    *got = module_get(owner);
    return *r;
}

std::vector<ChrdevRegion> ChrdevTable::all() const {
    std::shared_lock lock(mutex_);
    std::vector<ChrdevRegion> out;
    for (const ChrdevRegion& r : regions_)
        if (r.is_region) out.push_back(r);
    std::sort(out.begin(), out.end(), [](const ChrdevRegion& a, const ChrdevRegion& b) {
        return a.major != b.major ? a.major < b.major : a.baseminor < b.baseminor;
    });
    return out;
}

std::vector<ChrdevRegion> ChrdevTable::release_owned_by(const Module* owner) {
    std::unique_lock lock(mutex_);
    std::vector<ChrdevRegion> removed;
    std::erase_if(regions_, [&](const ChrdevRegion& r) {
        if (r.owner != owner) return false;
        removed.push_back(r);
        return true;
    });
    return removed;
}


}  // namespace sk

#include "mm/slab_debug.hpp"  // kmalloc_caller
#include <simkernel/export.hpp>

// ---- the module API ----

extern "C" int sk_register_chrdev(struct module* owner, unsigned int major, unsigned int baseminor,
                                  unsigned int count, const char* name,
                                  const struct file_operations* fops) {
    if (sk::should_fail("register_chrdev", 0, reinterpret_cast<uintptr_t>(__builtin_return_address(0)))) return -ENOMEM;  // fault injection
    return sk::kernel().chrdevs.register_region(major, baseminor, count, name ? name : "",
                                                fops, sk::module_of(owner));
}
EXPORT_SYMBOL(sk_register_chrdev);

extern "C" void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
                                    const char* name) {
    if (!sk::kernel().chrdevs.unregister_region(major, baseminor, count))
        printk(KERN_WARNING "unregister_chrdev: \"%s\" (major %u) was not registered\n",
               name ? name : "", major);
}
EXPORT_SYMBOL(__unregister_chrdev);

// Reserving numbers without a driver, and attaching drivers with cdevs.

extern "C" int sk_register_chrdev_region(struct module* owner, __kernel_dev_t from, unsigned count,
                                         const char* name) {
    if (sk::should_fail("register_chrdev_region", 0, reinterpret_cast<uintptr_t>(__builtin_return_address(0)))) return -ENOMEM;  // fault injection
    int ret = sk::kernel().chrdevs.register_region(MAJOR(from), MINOR(from), count, name ? name : "",
                                                   nullptr, sk::module_of(owner));
    return ret < 0 ? ret : 0;
}
EXPORT_SYMBOL(sk_register_chrdev_region);

extern "C" int sk_alloc_chrdev_region(struct module* owner, __kernel_dev_t* dev, unsigned baseminor,
                                      unsigned count, const char* name) {
    if (sk::should_fail("alloc_chrdev_region", 0, reinterpret_cast<uintptr_t>(__builtin_return_address(0)))) return -ENOMEM;  // fault injection
    int major = sk::kernel().chrdevs.register_region(0, baseminor, count, name ? name : "", nullptr,
                                                     sk::module_of(owner));
    if (major < 0) return major;
    *dev = MKDEV(static_cast<unsigned>(major), baseminor);
    return 0;
}
EXPORT_SYMBOL(sk_alloc_chrdev_region);

extern "C" void unregister_chrdev_region(__kernel_dev_t from, unsigned count) {
    if (!sk::kernel().chrdevs.unregister_region(MAJOR(from), MINOR(from), count))
        printk(KERN_WARNING "unregister_chrdev_region: %u:%u (%u minors) was not registered\n", MAJOR(from),
               MINOR(from), count);
}
EXPORT_SYMBOL(unregister_chrdev_region);

extern "C" void cdev_init(struct cdev* cdev, const struct file_operations* fops) {
    memset(cdev, 0, sizeof *cdev);
    cdev->ops = fops;
}
EXPORT_SYMBOL(cdev_init);

extern "C" struct cdev* sk_cdev_alloc(struct module* owner) {
    return static_cast<struct cdev*>(
        sk::kmalloc_caller(owner, sizeof(struct cdev), GFP_KERNEL | __GFP_ZERO, reinterpret_cast<uintptr_t>(__builtin_return_address(0)), nullptr));
}
EXPORT_SYMBOL(sk_cdev_alloc);

extern "C" int sk_cdev_add(struct module* owner, struct cdev* p, __kernel_dev_t dev, unsigned count) {
    if (sk::should_fail("cdev_add", 0, reinterpret_cast<uintptr_t>(__builtin_return_address(0)))) return -ENOMEM;  // fault injection
    p->dev = dev;
    p->count = count;
    return sk::kernel().chrdevs.add_cdev(dev, count, p->ops, p, sk::module_of(p->owner ? p->owner : owner));
}
EXPORT_SYMBOL(sk_cdev_add);

extern "C" void cdev_del(struct cdev* p) {
    if (!sk::kernel().chrdevs.del_cdev(p))
        printk(KERN_WARNING "cdev_del: the cdev for %u:%u was not added\n", MAJOR(p->dev), MINOR(p->dev));
}
EXPORT_SYMBOL(cdev_del);

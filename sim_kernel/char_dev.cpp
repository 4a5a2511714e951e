// char_dev.cpp - character-device registration and chrdev_open
// (fs/char_dev.c in Linux).
#include <simkernel/chrdev.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/module.hpp>
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

#ifndef SK_SWITCH_KERNEL  // the switch kernel has its own: switch/switch_dispatch.cpp
// Every device node is opened through here: find the driver that owns the
// major/minor, pin its module, and hand the file to the driver's table.
long chrdev_open(Kernel& k, KFile* kf) {
    bool got = false;
    ChrdevRegion r = k.chrdevs.lookup_and_get(kf->inode.i_rdev, &got);
    if (!r.fops) return -ENXIO;
    if (!got) return -ENXIO;  // its module is going away
    Module* owner = r.owner ? r.owner : module_of(r.fops->owner);
    kf->module = owner;
    kf->inode.i_cdev = r.cdev;
    kf->f.f_op = r.fops;
    if (!r.fops->llseek) kf->f.f_mode &= ~FMODE_LSEEK;
    if (r.fops->open) {
        int err = r.fops->open(&kf->inode, &kf->f);
        if (err) {
            kf->f.f_op = nullptr;
            kf->module = nullptr;
            if (owner) module_put_ref(owner);
            return err;
        }
    }
    return 0;
}
#endif

}  // namespace sk

// ---- the module API ----

extern "C" int sk_register_chrdev(struct module* owner, unsigned int major, unsigned int baseminor,
                                  unsigned int count, const char* name,
                                  const struct file_operations* fops) {
    return sk::kernel().chrdevs.register_region(major, baseminor, count, name ? name : "",
                                                fops, sk::module_of(owner));
}

extern "C" void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
                                    const char* name) {
    if (!sk::kernel().chrdevs.unregister_region(major, baseminor, count))
        printk(KERN_WARNING "unregister_chrdev: \"%s\" (major %u) was not registered\n",
               name ? name : "", major);
}

// Reserving numbers without a driver, and attaching drivers with cdevs.

extern "C" int sk_register_chrdev_region(struct module* owner, __kernel_dev_t from, unsigned count,
                                         const char* name) {
    int ret = sk::kernel().chrdevs.register_region(MAJOR(from), MINOR(from), count, name ? name : "",
                                                   nullptr, sk::module_of(owner));
    return ret < 0 ? ret : 0;
}

extern "C" int sk_alloc_chrdev_region(struct module* owner, __kernel_dev_t* dev, unsigned baseminor,
                                      unsigned count, const char* name) {
    int major = sk::kernel().chrdevs.register_region(0, baseminor, count, name ? name : "", nullptr,
                                                     sk::module_of(owner));
    if (major < 0) return major;
    *dev = MKDEV(static_cast<unsigned>(major), baseminor);
    return 0;
}

extern "C" void unregister_chrdev_region(__kernel_dev_t from, unsigned count) {
    if (!sk::kernel().chrdevs.unregister_region(MAJOR(from), MINOR(from), count))
        printk(KERN_WARNING "unregister_chrdev_region: %u:%u (%u minors) was not registered\n", MAJOR(from),
               MINOR(from), count);
}

extern "C" void cdev_init(struct cdev* cdev, const struct file_operations* fops) {
    memset(cdev, 0, sizeof *cdev);
    cdev->ops = fops;
}

extern "C" struct cdev* sk_cdev_alloc(struct module* owner) {
    return static_cast<struct cdev*>(sk_kmalloc(owner, sizeof(struct cdev), GFP_KERNEL | __GFP_ZERO));
}

extern "C" int sk_cdev_add(struct module* owner, struct cdev* p, __kernel_dev_t dev, unsigned count) {
    p->dev = dev;
    p->count = count;
    return sk::kernel().chrdevs.add_cdev(dev, count, p->ops, p, sk::module_of(p->owner ? p->owner : owner));
}

extern "C" void cdev_del(struct cdev* p) {
    if (!sk::kernel().chrdevs.del_cdev(p))
        printk(KERN_WARNING "cdev_del: the cdev for %u:%u was not added\n", MAJOR(p->dev), MINOR(p->dev));
}

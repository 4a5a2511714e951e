// char_dev.cpp - character-device registration and chrdev_open
// (fs/char_dev.c in Linux).
#include <simkernel/chrdev.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/module.hpp>
#include <simkernel/vfs.hpp>

#include <algorithm>

namespace sk {

bool ChrdevTable::overlaps_locked(unsigned major, unsigned baseminor, unsigned count) const {
    for (const ChrdevRegion& r : regions_) {
        if (r.major != major) continue;
        if (baseminor < r.baseminor + r.count && r.baseminor < baseminor + count) return true;
    }
    return false;
}

// Dynamic majors, as Linux hands them out: 254 down to 234, then 511 down to 384.
int ChrdevTable::find_free_major_locked() const {
    auto taken = [this](unsigned m) {
        return std::any_of(regions_.begin(), regions_.end(),
                           [m](const ChrdevRegion& r) { return r.major == m; });
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
    regions_.push_back({major, baseminor, count, name, fops, owner});
    // As Linux: the allocated major when one was asked for, else 0.
    return dynamic ? static_cast<int>(major) : 0;
}

bool ChrdevTable::unregister_region(unsigned major, unsigned baseminor, unsigned count) {
    std::unique_lock lock(mutex_);
    auto it = std::find_if(regions_.begin(), regions_.end(), [&](const ChrdevRegion& r) {
        return r.major == major && r.baseminor == baseminor && r.count == count;
    });
    if (it == regions_.end()) return false;
    regions_.erase(it);
    return true;
}

ChrdevRegion ChrdevTable::lookup(__kernel_dev_t dev) const {
    std::shared_lock lock(mutex_);
    for (const ChrdevRegion& r : regions_)
        if (r.major == MAJOR(dev) && MINOR(dev) >= r.baseminor && MINOR(dev) < r.baseminor + r.count)
            return r;
    return {0, 0, 0, {}, nullptr, nullptr};
}

std::vector<ChrdevRegion> ChrdevTable::all() const {
    std::shared_lock lock(mutex_);
    std::vector<ChrdevRegion> out = regions_;
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

// Every device node is opened through here: find the driver that owns the
// major/minor, pin its module, and hand the file to the driver's table.
long chrdev_open(Kernel& k, KFile* kf) {
    ChrdevRegion r = k.chrdevs.lookup(kf->inode.i_rdev);
    if (!r.fops) return -ENXIO;
    Module* owner = r.owner ? r.owner : module_of(r.fops->owner);
    if (owner && !module_get(owner)) return -ENXIO;  // its module is going away
    kf->module = owner;
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

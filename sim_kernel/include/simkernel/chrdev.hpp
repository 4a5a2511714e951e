// chrdev.hpp - the character-device table: (major, minor range) -> the
// driver's struct file_operations, and the module that registered it.
#pragma once

#include <simkernel/kapi.h>

#include <shared_mutex>
#include <string>
#include <vector>

namespace sk {

struct Module;

struct ChrdevRegion {
    unsigned major;
    unsigned baseminor;
    unsigned count;
    std::string name;
    const struct file_operations* fops;
    Module* owner;  // nullptr: built into the kernel
};

class ChrdevTable {
public:
    static constexpr unsigned kMajorMax = CHRDEV_MAJOR_MAX - 1;  // 511

    // Returns the allocated major if major == 0, else 0; or -EBUSY / -EINVAL.
    int register_region(unsigned major, unsigned baseminor, unsigned count,
                        const std::string& name, const struct file_operations* fops,
                        Module* owner);
    // Returns false if no such region was registered.
    bool unregister_region(unsigned major, unsigned baseminor, unsigned count);
    // The region that holds dev, copied under the lock (nullopt-like: fops null).
    ChrdevRegion lookup(__kernel_dev_t dev) const;
    std::vector<ChrdevRegion> all() const;
    // Removes what owner left registered; returns the regions removed.
    std::vector<ChrdevRegion> release_owned_by(const Module* owner);

private:
    bool overlaps_locked(unsigned major, unsigned baseminor, unsigned count) const;
    int find_free_major_locked() const;

    mutable std::shared_mutex mutex_;
    std::vector<ChrdevRegion> regions_;
};

}  // namespace sk

// chrdev.hpp - the character-device table: (major, minor range) -> the
// driver's struct file_operations, and the module that registered it.
//
// Two kinds of entry, as in Linux: a *region* reserves numbers under a name
// (register_chrdev_region, alloc_chrdev_region; /proc/devices lists them),
// a *cdev* attaches a file_operations table to numbers (cdev_add). The old
// register_chrdev() makes one entry that is both.
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
    const struct file_operations* fops;  // nullptr: numbers reserved, no driver yet
    Module* owner;                       // nullptr: built into the kernel
    bool is_region = true;               // listed in /proc/devices
    struct cdev* cdev = nullptr;         // set for cdev_add entries (inode->i_cdev)
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
    // cdev_add / cdev_del: 0 or -EBUSY if the numbers already have a driver.
    int add_cdev(__kernel_dev_t dev, unsigned count, const struct file_operations* fops,
                 struct cdev* cdev, Module* owner);
    bool del_cdev(const struct cdev* cdev);
    // The driver entry that holds dev, copied under the lock (fops null if none).
    ChrdevRegion lookup(__kernel_dev_t dev) const;
    // Looks dev up and, under the same lock, takes a reference on the
    // driver's module: between the two, rmmod could free it.
    ChrdevRegion lookup_and_get(__kernel_dev_t dev, bool* got) const;
    std::vector<ChrdevRegion> all() const;
    // Removes what owner left registered; returns the regions removed.
    std::vector<ChrdevRegion> release_owned_by(const Module* owner);

private:
    bool overlaps_locked(unsigned major, unsigned baseminor, unsigned count) const;
    bool find_driver_locked(unsigned major, unsigned baseminor, unsigned count) const;
    int find_free_major_locked() const;

    mutable std::shared_mutex mutex_;
    std::vector<ChrdevRegion> regions_;
};

}  // namespace sk

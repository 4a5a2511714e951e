// chrdev_open.cpp - the open every device node shares (chrdev_open in
// fs/char_dev.c in Linux): device number -> the driver's file_operations.
//
// Its own file because it is the one place the two kernels differ in how a
// file reaches its device: the switch kernel links switch/switch_dispatch.cpp
// in its place, whose f_op hands every call to a switch on the device kind.
#include <simkernel/chrdev.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/module.hpp>
#include <simkernel/module_calls.hpp>
#include <simkernel/vfs.hpp>

namespace sk {

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
        int err;
        {
            ModuleCall call(owner);
            err = call ? r.fops->open(&kf->inode, &kf->f) : -ENODEV;
            // Forced out (rmmod -f) while its open slept: the open fails,
            // and the driver's release, whose code is going, is not called.
            if (err == 0 && module_closed(owner)) err = -ENODEV;
        }
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

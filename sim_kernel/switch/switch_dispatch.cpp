// switch_dispatch.cpp - how the switch kernel's VFS reaches its devices,
// and its answer to insmod.
//
// In the loadable kernel, chrdev_open (char_dev.cpp) looks the device
// number up in the table drivers register, and sets f_op to that driver's
// own struct file_operations. Here a device file's f_op is a door into the
// device layer: its entries hand every call, with the file's device kind,
// to the dev_func_* switches of dev_switch.c. (Files that are not devices -
// the host's, /proc's - keep their file system's f_op, as in any Unix since
// the VFS.)
//
// Which calls a device has at all is settled once, at open, as Linux's
// do_dentry_open sets FMODE_CAN_READ and FMODE_CAN_WRITE: the door has no
// .write for a device whose driver registered none. So a call the device
// lacks fails in the order Linux fails it (write on the keyboard: EINVAL,
// before the buffer is looked at). The calls themselves always go through
// the switches, never through the driver's table.
//
// Linked into libsimkernel-switch.so in place of two core files:
// fs/chrdev_open.cpp (chrdev_open is here) and kernel/module/init_module.cpp
// (init_module and finit_module are here).
#include "dev_switch.h"
#include "ksys.hpp"

#include <simkernel/kernel.hpp>
#include <simkernel/vfs.hpp>

#include <array>

namespace sk {

namespace {

int kind(struct file* f) { return kfile(f)->dev_kind; }

loff_t dev_llseek(struct file* f, loff_t offset, int whence) {
    return dev_func_lseek(kind(f), f, offset, whence);
}
ssize_t dev_read(struct file* f, char* buf, size_t count, loff_t* pos) {
    return dev_func_read(kind(f), f, buf, count, pos);
}
ssize_t dev_write(struct file* f, const char* buf, size_t count, loff_t* pos) {
    return dev_func_write(kind(f), f, buf, count, pos);
}
long dev_ioctl(struct file* f, unsigned int cmd, unsigned long arg) {
    return dev_func_ioctl(kind(f), f, cmd, arg);
}
int dev_release(struct inode* inode, struct file* f) { return dev_func_close(kind(f), inode, f); }

// The doors: one entry per system call, none per device; one door for each
// set of calls a device may lack, indexed by the calls it has.
constexpr unsigned kRead = 1, kWrite = 2, kLseek = 4, kIoctl = 8, kDoors = 16;

const std::array<struct file_operations, kDoors> doors = [] {
    std::array<struct file_operations, kDoors> all{};
    for (unsigned has = 0; has < kDoors; ++has) {
        all[has].llseek = (has & kLseek) ? dev_llseek : nullptr;
        all[has].read = (has & kRead) ? dev_read : nullptr;
        all[has].write = (has & kWrite) ? dev_write : nullptr;
        all[has].unlocked_ioctl = (has & kIoctl) ? dev_ioctl : nullptr;
        all[has].release = dev_release;
    }
    return all;
}();

const struct file_operations* door_for(const struct file_operations* registered) {
    unsigned has = (registered->read ? kRead : 0) | (registered->write ? kWrite : 0) |
                   (registered->llseek ? kLseek : 0) | (registered->unlocked_ioctl ? kIoctl : 0);
    return &doors[has];
}

// At boot, say what kind of kernel this is.
int switch_kernel_banner() {
    printk(KERN_INFO "switch kernel: devices are compiled into dev_func_open/close/read/write/lseek/ioctl; no module loader\n");
    return 0;
}
const bool banner_registered = [] {
    builtin_drivers().push_back({"dev_switch", switch_kernel_banner, nullptr});
    return true;
}();

}  // namespace

// Every device node is opened through here. The number must be one a
// driver registered at boot, and one dev_switch.c has a case for.
long chrdev_open(Kernel& k, KFile* kf) {
    const ChrdevRegion r = k.chrdevs.lookup(kf->inode.i_rdev);
    if (!r.fops) return -ENXIO;
    int dev = dev_kind_of(kf->inode.i_rdev);
    if (dev == 0) return -ENXIO;
    kf->dev_kind = dev;
    kf->inode.i_cdev = r.cdev;  // as char_dev.cpp: a driver may find its device from it
    kf->f.f_op = door_for(r.fops);
    if (!kf->f.f_op->llseek) kf->f.f_mode &= ~FMODE_LSEEK;  // as char_dev.cpp
    int err = dev_func_open(dev, &kf->inode, &kf->f);
    if (err) {
        kf->f.f_op = nullptr;
        kf->dev_kind = 0;
    }
    return err;
}

// init_module and finit_module: there is nothing to load a module into.
// Linux built without CONFIG_MODULES has no such system calls (ENOSYS);
// this kernel also says why, on the console and in the log.
long no_module_loader() {
    printk(KERN_ERR "init_module: this kernel has no module loader: its devices are the cases of its "
                    "dev_func_* switches. To add one, add a case to each, rebuild the kernel and restart it.\n");
    return -ENOSYS;
}

long ksys_init_module(Kernel&, Task&, const void*, unsigned long, const char*) { return no_module_loader(); }
// Silent: kmod's tools try finit_module first and, on ENOSYS, init_module,
// which says why; the log has the explanation once per insmod.
long ksys_finit_module(Kernel&, Task&, int, const char*, int) { return -ENOSYS; }

}  // namespace sk

// misc.cpp - misc devices (drivers/char/misc.c): one node per driver on
// major 10, minors handed out from the top down as Linux does.
#include <simkernel/fault_inject.hpp>
#include <simkernel/kernel.hpp>

#include <mutex>
#include <simkernel/export.hpp>

namespace sk {
namespace {

std::mutex misc_mutex;  // one misc_register at a time: minors are chosen, then taken

bool minor_taken(Kernel& k, int minor) {
    return k.chrdevs.lookup(MKDEV(MISC_MAJOR, static_cast<unsigned>(minor))).fops != nullptr;
}

}  // namespace
}  // namespace sk

extern "C" int sk_misc_register(struct module* owner, struct miscdevice* misc) {
    if (sk::should_fail("misc_register", 0, reinterpret_cast<uintptr_t>(__builtin_return_address(0)))) return -ENOMEM;  // fault injection
    sk::Kernel& k = sk::kernel();
    std::lock_guard lock(sk::misc_mutex);
    if (misc->minor == MISC_DYNAMIC_MINOR) {
        int minor = -1;
        for (int m = 254; m >= 0 && minor < 0; --m)
            if (!sk::minor_taken(k, m)) minor = m;
        if (minor < 0) return -EBUSY;
        misc->minor = minor;
    } else if (misc->minor < 0 || misc->minor >= MISC_DYNAMIC_MINOR) {
        return -EINVAL;
    } else if (sk::minor_taken(k, misc->minor)) {
        return -EBUSY;
    }
    __kernel_dev_t dev = MKDEV(MISC_MAJOR, static_cast<unsigned>(misc->minor));
    sk::Module* m = sk::module_of(owner);
    // The cdev key is the miscdevice itself: misc_deregister finds it by that.
    int err = k.chrdevs.add_cdev(dev, 1, misc->fops, reinterpret_cast<struct cdev*>(misc), m);
    if (err) return err;
    const char* node = misc->nodename ? misc->nodename : misc->name;
    umode_t mode = misc->mode ? misc->mode : 0600;
    err = k.devfs.create_node({node, static_cast<umode_t>(S_IFCHR | (mode & 07777)), 0, 0, dev, m, nullptr});
    if (err) {
        k.chrdevs.del_cdev(reinterpret_cast<struct cdev*>(misc));
        return err;
    }
    return 0;
}
EXPORT_SYMBOL(sk_misc_register);

extern "C" void misc_deregister(struct miscdevice* misc) {
    sk::Kernel& k = sk::kernel();
    std::lock_guard lock(sk::misc_mutex);
    k.chrdevs.del_cdev(reinterpret_cast<struct cdev*>(misc));
    k.devfs.remove_node(misc->nodename ? misc->nodename : misc->name);
}
EXPORT_SYMBOL(misc_deregister);

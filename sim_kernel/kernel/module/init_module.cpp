// init_module.cpp - the init_module and finit_module system calls
// (SYSCALL_DEFINE3(init_module) and (finit_module) in kernel/module/main.c):
// copy the image and the parameters in, then load_module().
//
// Its own file because a kernel built without modules lacks exactly these,
// as Linux with CONFIG_MODULES=n has only sys_ni_syscall for them: the
// switch kernel links switch/switch_dispatch.cpp's answer in their place.
#include "ksys.hpp"

#include <simkernel/kernel.hpp>
#include <simkernel/loader.hpp>
#include <simkernel/vfs.hpp>

#include <elf.h>

#include <string>
#include <vector>

namespace sk {

long ksys_init_module(Kernel& k, Task& t, const void* image, unsigned long len, const char* uparams) {
    if (t.uid != 0) return -EPERM;
    if (!image || len < sizeof(Elf64_Ehdr)) return -ENOEXEC;
    std::string params;
    if (uparams) {
        if (long err = getname(uparams, &params)) return err;
    }
    return load_module(k, image, len, params, 0);
}

long ksys_finit_module(Kernel& k, Task& t, int fd, const char* uparams, int flags) {
    if (t.uid != 0) return -EPERM;
    if (flags & ~(kInitIgnoreVermagic | kInitIgnoreModversions)) return -EINVAL;
    struct file* f = t.files.get(fd);
    if (!f) return -EBADF;
    std::vector<char> image;
    if (long err = kernel_read_file(t, f, &image)) return err;
    if (image.size() < sizeof(Elf64_Ehdr)) return -ENOEXEC;
    std::string params;
    if (uparams) {
        if (long err = getname(uparams, &params)) return err;
    }
    return load_module(k, image.data(), image.size(), params, static_cast<unsigned>(flags));
}

}  // namespace sk

// open.cpp - from a path to a struct file, and the last fput
// (fs/open.c and fs/file_table.c in Linux).
#include <simkernel/kernel.hpp>
#include <simkernel/module_calls.hpp>
#include <simkernel/oops.hpp>
#include <simkernel/vfs.hpp>

#include <fmt/format.h>

namespace sk {

namespace {

fmode_t fmode_from_flags(int flags) {
    fmode_t m = FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
    switch (flags & O_ACCMODE) {
    case O_RDONLY: m |= FMODE_READ; break;
    case O_WRONLY: m |= FMODE_WRITE; break;
    case O_RDWR: m |= FMODE_READ | FMODE_WRITE; break;
    default: break;
    }
    return m;
}

}  // namespace

long vfs_open(Kernel& k, Task& t, std::string_view path, int flags, umode_t mode,
              struct file** out) {
    if (path.empty()) return -ENOENT;
    if ((flags & O_ACCMODE) == O_ACCMODE) return -EINVAL;
    ResolvedPath p = resolve_path(k, t.cwd, path);

    auto* kf = new KFile;
    kf->path = p.path;
    kf->name = p.path == "/" ? "/" : p.path.substr(p.path.find_last_of('/') + 1);
    kf->dentry.d_name = {kf->name.c_str(), static_cast<unsigned>(kf->name.size())};
    kf->dentry.d_inode = &kf->inode;
    kf->f.f_path.dentry = &kf->dentry;
    kf->f.f_inode = &kf->inode;
    kf->f.f_flags = static_cast<unsigned>(flags);
    kf->f.f_mode = fmode_from_flags(flags);
    kf->f.f_count = 1;

    long err = p.fs->open(k, t, p, flags, mode, kf);
    if (err == 0 && kf->is_dir && (flags & O_ACCMODE) != O_RDONLY) {
        fput(&kf->f);
        return -EISDIR;
    }
    if (err == 0 && !kf->is_dir && (flags & O_DIRECTORY)) {
        fput(&kf->f);
        return -ENOTDIR;
    }
    if (err) {
        if (kf->host_fd >= 0) ::close(kf->host_fd);
        module_put_ref(kf->module);  // a filesystem that pinned a module before failing
        delete kf;
        return err;
    }
    *out = &kf->f;
    return 0;
}

void get_file(struct file* f) { __atomic_add_fetch(&f->f_count, 1, __ATOMIC_RELAXED); }

void fput(struct file* f) {
    if (!f || __atomic_sub_fetch(&f->f_count, 1, __ATOMIC_ACQ_REL) != 0) return;
    KFile* kf = kfile(f);
    // rmmod -f may be detaching this file right now: it takes the module
    // (and its reference) or this does, never both.
    Module* m = std::atomic_ref(kf->module).exchange(nullptr);
    {
        ModuleCall call(m);
        const struct file_operations* fop = file_fops(f);
        // As Linux's __fput: a file still on a driver's SIGIO list leaves it.
        if (call && fop && fop->fasync && (f->f_flags & FASYNC)) fop->fasync(-1, f, 0);
        if (call && fop && fop->release) {
            int err = fop->release(&kf->inode, f);
            if (err) {
                driver_contract_violation(reinterpret_cast<uintptr_t>(fop->release),
                                          fmt::format("returned {} from release: close() cannot fail because of "
                                                      "it (Linux ignores it too); release must clean up and return 0",
                                                      err));
            }
        }
    }
    module_put_ref(m);
    if (kf->host_fd >= 0) ::close(kf->host_fd);
    delete kf;
}

}  // namespace sk

namespace sk {

// What a file of a module removed with rmmod -f calls instead. On Linux the
// file keeps pointing into the freed module, and its next read or its close
// oopses; here it fails, saying the device is gone.
namespace {
loff_t gone_llseek(struct file*, loff_t, int) { return -ENODEV; }
ssize_t gone_read(struct file*, char*, size_t, loff_t*) { return -ENODEV; }
ssize_t gone_write(struct file*, const char*, size_t, loff_t*) { return -ENODEV; }
long gone_ioctl(struct file*, unsigned, unsigned long) { return -ENODEV; }

const struct file_operations gone_fops = {
    .owner = nullptr,
    .llseek = gone_llseek,
    .read = gone_read,
    .write = gone_write,
    .unlocked_ioctl = gone_ioctl,
    .compat_ioctl = gone_ioctl,
};
}  // namespace

std::vector<std::string> detach_module_files(Kernel& k, const Module* m) {
    std::vector<std::string> paths;
    k.tasks.for_each([&](Task* t) {
        // Under the table's lock: its task may be closing files right now.
        t->files.for_each([&](int, struct file* f) {
            if (file_module(f) != m) return;  // a file in several tables: once
            KFile* kf = kfile(f);
            std::atomic_ref(kf->f.f_op).store(&gone_fops, std::memory_order_release);
            // The forced removal took its reference; a racing last close
            // (fput) may have taken it first, then the file is gone anyway.
            Module* expected = const_cast<Module*>(m);
            if (std::atomic_ref(kf->module).compare_exchange_strong(expected, nullptr)) paths.push_back(kf->path);
        });
    });
    return paths;
}

}  // namespace sk

// kmod_module.cpp - see kmod_module.hpp; libkmod-module.c in kmod.
#include "kmod_module.hpp"

#include <simkernel/user.hpp>
#include <uapi/linux/module.h>

#include <fcntl.h>

namespace tools {

KmodModule KmodModule::from_path(const std::string& path) {
    KmodModule m;
    m.name_ = module_name_from_arg(path);
    m.path_ = path;
    return m;
}

KmodModule KmodModule::from_name(const std::string& name, const std::string& path) {
    KmodModule m;
    m.name_ = name;
    m.path_ = path;
    return m;
}

long KmodModule::from_loaded(std::vector<KmodModule>* out) {
    std::vector<LoadedModule> lines;
    if (long err = read_proc_modules(&lines)) return err;
    out->clear();
    for (LoadedModule& l : lines) {
        KmodModule m = from_name(l.name);
        m.loaded_ = std::move(l);
        out->push_back(std::move(m));
    }
    return 0;
}

long KmodModule::insert(const std::string& options, unsigned flags, Failure* where) const {
    auto fail = [where](Failure f, long err) {
        if (where) *where = f;
        return err;
    };
    long fd = sk::user::open(path_.c_str(), O_RDONLY);
    if (fd < 0) return fail(Failure::File, fd);
    int kernel_flags = 0;
    if (flags & KMOD_INSERT_FORCE_VERMAGIC) kernel_flags |= MODULE_INIT_IGNORE_VERMAGIC;
    if (flags & KMOD_INSERT_FORCE_MODVERSION) kernel_flags |= MODULE_INIT_IGNORE_MODVERSIONS;
    long err = sk::user::finit_module(static_cast<int>(fd), options.c_str(), kernel_flags);
    sk::user::close(static_cast<int>(fd));
    if (err == -ENOSYS) {  // no finit_module: the image itself (kmod's do_init_module)
        std::string image;
        if (long rerr = read_whole_file(path_, &image)) return fail(Failure::File, rerr);
        err = sk::user::init_module(image.data(), image.size(), options.c_str());
    }
    return fail(err < 0 ? Failure::Kernel : Failure::None, err);
}

long KmodModule::remove(bool force) const {
    return sk::user::delete_module(name_.c_str(), O_NONBLOCK | (force ? O_TRUNC : 0));
}

long KmodModule::info(ModuleFile* out) const { return read_module_file(path_, out); }

}  // namespace tools

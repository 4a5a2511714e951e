// kmod_module.hpp - one module, as libkmod's struct kmod_module: the one
// place the module tools (insmod, rmmod, lsmod, modinfo, modprobe, depmod)
// insert a module, remove it, or read what its file says. The tools parse
// their options and print their messages; what they do to a module is here.
#pragma once

#include "kmod.hpp"
#include "modfile.hpp"

#include <string>
#include <vector>

namespace tools {

// kmod_module_insert_module's flags.
enum KmodInsertFlags : unsigned {
    KMOD_INSERT_FORCE_VERMAGIC = 1u << 0,    // insmod -f, modprobe --force-vermagic
    KMOD_INSERT_FORCE_MODVERSION = 1u << 1,  // insmod -f, modprobe --force-modversion
};

class KmodModule {
public:
    // kmod_module_new_from_path: the module in that file ("hello" from
    // "dir/hello.ko").
    static KmodModule from_path(const std::string& path);
    // kmod_module_new_from_name: a module known by name (rmmod's argument),
    // with its file if one is known (modules.dep's path).
    static KmodModule from_name(const std::string& name, const std::string& path = {});
    // kmod_module_new_from_loaded: every module in /proc/modules, in its
    // order, each with what that line says. Returns -errno or 0.
    static long from_loaded(std::vector<KmodModule>* out);

    const std::string& name() const { return name_; }
    const std::string& path() const { return path_; }
    // What /proc/modules said (from_loaded only).
    const LoadedModule& loaded() const { return loaded_; }

    // Where an insert failed: reading the file, or in the kernel.
    enum class Failure { None, File, Kernel };
    // kmod_module_insert_module: finit_module on the opened file, as kmod
    // does; init_module with the file's bytes if the kernel has no
    // finit_module (ENOSYS). Returns 0 or -errno, and says where it failed.
    long insert(const std::string& options, unsigned flags, Failure* where = nullptr) const;
    // kmod_module_remove_module: delete_module without waiting (O_NONBLOCK);
    // force is rmmod -f (O_TRUNC). Returns 0 or -errno.
    long remove(bool force = false) const;
    // kmod_module_get_info (and the ELF reading depmod does): the file's
    // .modinfo, exports and needed symbols. Returns 0 or -errno.
    long info(ModuleFile* out) const;

private:
    std::string name_;
    std::string path_;
    LoadedModule loaded_;
};

}  // namespace tools

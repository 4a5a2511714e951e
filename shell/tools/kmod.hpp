// kmod.hpp - what the module tools share, as kmod's libkmod is shared by
// insmod, rmmod, lsmod and modprobe: reading /proc/modules, naming modules,
// and kmod's wording for the kernel's errors.
#pragma once

#include <string>
#include <vector>

namespace tools {

struct LoadedModule {
    std::string name;
    long size = 0;
    long refcnt = 0;
    std::vector<std::string> holders;
    std::string state;
    std::string address;
    std::string taints;  // "OE", or empty
    bool permanent = false;  // has init but no cleanup_module: cannot be removed
};

// Parses /proc/modules (through the system calls); returns -errno or 0.
// KmodModule::from_loaded (kmod_module.hpp) is what the tools call.
long read_proc_modules(std::vector<LoadedModule>* out);

// "hello" from "hello", "hello.ko" or "dir/hello.ko"; '-' becomes '_'.
std::string module_name_from_arg(const std::string& arg);

// kmod's insmod wording: ENOEXEC "Invalid module format", ENOENT "Unknown
// symbol in module", EINVAL "Invalid parameters", else strerror.
std::string insert_error_text(int err);

// Reads a whole file through open/read; returns -errno or 0.
long read_whole_file(const std::string& path, std::string* out);

}  // namespace tools

// kmod.cpp - the module tools' shared library.
#include "kmod.hpp"

#include "uio.hpp"

#include <simkernel/user.hpp>

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <sstream>

namespace tools {

long read_proc_modules(std::vector<LoadedModule>* out) {
    std::string text;
    long n = sk::user::read_file("/proc/modules", &text);
    if (n < 0) return n;
    out->clear();
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        // name size refcnt holders state address [(taints)]
        std::istringstream f(line);
        LoadedModule m;
        std::string holders;
        f >> m.name >> m.size >> m.refcnt >> holders >> m.state >> m.address;
        std::string taints;
        if (f >> taints && taints.size() > 2) m.taints = taints.substr(1, taints.size() - 2);
        if (holders != "-") {
            std::istringstream h(holders);
            std::string one;
            while (std::getline(h, one, ',')) {
                if (one == "[permanent]") m.permanent = true;  // no cleanup_module
                else if (!one.empty()) m.holders.push_back(one);
            }
        }
        out->push_back(m);
    }
    return 0;
}

const LoadedModule* find_module(const std::vector<LoadedModule>& mods, const std::string& name) {
    for (const auto& m : mods)
        if (m.name == name) return &m;
    return nullptr;
}

std::string module_name_from_arg(const std::string& arg) {
    std::string name = arg.substr(arg.find_last_of('/') + 1);
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".ko") == 0) name.resize(name.size() - 3);
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

std::string insert_error_text(int err) {
    switch (err) {
    case ENOEXEC: return "Invalid module format";
    case ENOENT: return "Unknown symbol in module";
    case ESRCH: return "Unknown symbol in module";
    case EINVAL: return "Invalid parameters";
    default: return errno_text(err);
    }
}

long read_whole_file(const std::string& path, std::string* out) {
    long fd = sk::user::open(path.c_str(), O_RDONLY);
    if (fd < 0) return fd;
    // Straight into the string, sized by fstat when the file has a size
    // (depmod reads thousands of modules; /proc files say 0 and grow).
    struct stat st;
    size_t size = sk::user::fstat(static_cast<int>(fd), &st) == 0 && st.st_size > 0 ? st.st_size : 0;
    out->resize(size + 1);
    size_t done = 0;
    for (;;) {
        if (done == out->size()) out->resize(out->size() + 65536);
        long n = sk::user::read(static_cast<int>(fd), out->data() + done, out->size() - done);
        if (n < 0) {
            sk::user::close(static_cast<int>(fd));
            return n;
        }
        if (n == 0) break;
        done += static_cast<size_t>(n);
    }
    out->resize(done);
    sk::user::close(static_cast<int>(fd));
    return 0;
}

}  // namespace tools

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
    long n = sk::user::read_file(path.c_str(), out);  // the one whole-file reader
    return n < 0 ? n : 0;
}

}  // namespace tools

// ufs.cpp - see ufs.hpp.
#include "ufs.hpp"

#include <simkernel/user.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/utsname.h>

namespace tools {

long list_dir(const std::string& path, std::vector<DirEntry>* out) {
    long fd = sk::user::open(path.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return fd;
    char buf[32768];
    long n;
    while ((n = sk::user::getdents64(static_cast<int>(fd), buf, sizeof buf)) > 0) {
        for (long off = 0; off < n;) {
            auto* d = reinterpret_cast<struct dirent64*>(buf + off);
            std::string_view name = d->d_name;
            if (name != "." && name != "..") out->push_back({std::string(name), d->d_type});
            off += d->d_reclen;
        }
    }
    sk::user::close(static_cast<int>(fd));
    return n < 0 ? n : 0;
}

long stat_path(const std::string& path, struct stat* st) { return sk::user::stat(path.c_str(), st); }

bool is_regular_file(const std::string& path) {
    struct stat st;
    return stat_path(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool is_directory(const std::string& path) {
    struct stat st;
    return stat_path(path, &st) == 0 && S_ISDIR(st.st_mode);
}

long write_file(const std::string& path, std::string_view data, mode_t mode) {
    long fd = sk::user::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0) return fd;
    while (!data.empty()) {
        long n = sk::user::write(static_cast<int>(fd), data.data(), data.size());
        if (n <= 0) {
            sk::user::close(static_cast<int>(fd));
            return n < 0 ? n : -EIO;
        }
        data.remove_prefix(static_cast<size_t>(n));
    }
    return sk::user::close(static_cast<int>(fd));
}

std::string kernel_release() {
    struct utsname u;
    if (sk::user::uname(&u) < 0) return {};
    return u.release;
}

}  // namespace tools

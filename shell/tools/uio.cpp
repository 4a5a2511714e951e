// uio.cpp - write(2) until done, and errno names for strace-style output.
#include "uio.hpp"

#include <simkernel/user.hpp>

#include <cerrno>
#include <cstring>

namespace tools {

long write_all(int fd, std::string_view s) {
    while (!s.empty()) {
        long n = sk::user::write(fd, s.data(), s.size());
        if (n <= 0) return n < 0 ? n : -ENOSPC;
        s.remove_prefix(static_cast<size_t>(n));
    }
    return 0;
}

std::string errno_name(int err) {
    const char* name = strerrorname_np(err);
    return name ? name : fmt::format("E{}", err);
}

std::string errno_text(int err) { return strerror(err); }

}  // namespace tools

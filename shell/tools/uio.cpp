// uio.cpp - write(2) until done, and errno names for strace-style output.
#include "uio.hpp"

#include <simkernel/user.hpp>

#include <cstring>

namespace tools {

void write_all(int fd, std::string_view s) {
    while (!s.empty()) {
        long n = sk::user::write(fd, s.data(), s.size());
        if (n <= 0) return;  // nowhere to report a failing stdout
        s.remove_prefix(static_cast<size_t>(n));
    }
}

std::string errno_name(int err) {
    const char* name = strerrorname_np(err);
    return name ? name : fmt::format("E{}", err);
}

std::string errno_text(int err) { return strerror(err); }

}  // namespace tools

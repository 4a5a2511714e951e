// path_route.cpp - the kernel's own mount table (namei.cpp) decides, with a
// few host paths kept for the program's own sake: its terminal and its own
// /proc/self, which the C library and shells use for themselves.
#include "path_route.hpp"

#include <simkernel/vfs.hpp>

#include <string_view>

namespace bridge {

namespace {

// Host files under /dev and /proc that belong to the program, not to the
// simulated machine: its terminal, its fds, shared memory, its own /proc.
const std::string_view host_exceptions[] = {
    "/dev/tty", "/dev/pts", "/dev/ptmx", "/dev/fd", "/dev/stdin", "/dev/stdout", "/dev/stderr",
    "/dev/shm", "/dev/mqueue", "/proc/self", "/proc/thread-self",
};

bool under(std::string_view path, std::string_view prefix) {
    return path == prefix || (path.size() > prefix.size() && path.substr(0, prefix.size()) == prefix &&
                              path[prefix.size()] == '/');
}

}  // namespace

RoutedPath route_path(const sk::Kernel& k, const std::string& path) {
    sk::ResolvedPath r = sk::resolve_path(k, "/", path);
    RoutedPath out;
    out.path = r.path;
    for (std::string_view ex : host_exceptions)
        if (under(r.path, ex)) return out;
    // The kernel's own filesystems (/dev, /proc, /sys) are simulated; of the
    // host's files, those the mount table moves into the simulated root
    // (/lib/modules, /etc/modprobe.d, ...) are handed over from there.
    if (r.fs != &sk::hostfs_ops) out.route = Route::Sim;
    else if (r.host != r.path) out.route = Route::Root, out.host = r.host;
    else out.route = Route::Host;
    return out;
}

}  // namespace bridge

// path_route.hpp - which kernel answers for a path a bridged program names.
#pragma once

#include <string>

namespace sk {
class Kernel;
}

namespace bridge {

enum class Route {
    Host,  // the host's own file: the call runs on the host, untouched
    Sim,   // /dev, /proc, /sys: the simulated kernel's filesystems
    Root,  // /lib/modules, /etc/modprobe.d, ...: a host file under --root
};

struct RoutedPath {
    Route route = Route::Host;
    std::string path;  // absolute, normalised: what the simulated kernel is given
    std::string host;  // for Root: the file under the simulated root directory
};

// `path` must be absolute (the caller joins it to the right directory).
RoutedPath route_path(const sk::Kernel& k, const std::string& path);

}  // namespace bridge

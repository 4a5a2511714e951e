// ioport.hpp - the I/O port resource table (kernel/ioport.cpp): one per
// kernel, so a kernel that boots starts with only the keyboard's claims.
#pragma once

#include <simkernel/kapi.h>

#include <linux/ioport.h>

#include <list>
#include <mutex>
#include <string>
#include <vector>

namespace sk {

class IoPortTable {
public:
    struct Region {
        struct resource res;
        std::string name;  // res.name points here
        struct module* owner;
    };

    IoPortTable();  // the keyboard controller's ports, claimed at boot
    // NULL when any port of the range is claimed already (Linux's answer too).
    struct resource* request(resource_size_t start, resource_size_t n, const char* name, struct module* owner);
    bool release(resource_size_t start, resource_size_t n);  // false: no such claim
    // /proc/ioports as kernel/resource.c's r_show prints it: "0060-0060 : keyboard".
    // Without CAP_SYS_ADMIN the ranges read 0000-0000, as on Linux.
    std::string show(bool privileged) const;
    // Releases the ranges owner still holds; returns them, "0378-037a \"short\"".
    std::vector<std::string> release_owned_by(const struct module* owner);

private:
    struct resource* claim_locked(resource_size_t start, resource_size_t end, const char* name,
                                  struct module* owner);

    mutable std::mutex mutex_;
    std::list<Region> regions_;  // ordered by first port; a list: res pointers stay valid
};

}  // namespace sk

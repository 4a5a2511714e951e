// ioport.cpp - the I/O port resource table (kernel/resource.c's ioport_resource):
// request_region claims a range of ports for a driver, release_region gives
// it back. The keyboard controller's ports are claimed at boot, as on a PC.
#include <simkernel/ioport.hpp>
#include <simkernel/kernel.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <simkernel/export.hpp>

namespace sk {

IoPortTable::IoPortTable() {
    claim_locked(0x60, 0x60, "keyboard", nullptr);
    claim_locked(0x64, 0x64, "keyboard", nullptr);
}

struct resource* IoPortTable::claim_locked(resource_size_t start, resource_size_t end, const char* name,
                                           struct module* owner) {
    auto at = std::find_if(regions_.begin(), regions_.end(), [&](const Region& r) { return r.res.start > start; });
    Region& r = *regions_.emplace(at);
    r.name = name ? name : "";
    r.res = {start, end, nullptr, IORESOURCE_IO};
    r.res.name = r.name.c_str();
    r.owner = owner;
    return &r.res;
}

struct resource* IoPortTable::request(resource_size_t start, resource_size_t n, const char* name,
                                      struct module* owner) {
    if (n == 0 || start + n - 1 < start || start + n - 1 > 0xffff) return nullptr;
    resource_size_t end = start + n - 1;
    std::lock_guard g(mutex_);
    for (const Region& r : regions_)
        if (start <= r.res.end && r.res.start <= end) return nullptr;
    return claim_locked(start, end, name, owner);
}

bool IoPortTable::release(resource_size_t start, resource_size_t n) {
    std::lock_guard g(mutex_);
    auto it = std::find_if(regions_.begin(), regions_.end(),
                           [&](const Region& r) { return r.res.start == start && r.res.end == start + n - 1; });
    if (it == regions_.end()) return false;
    regions_.erase(it);
    return true;
}

std::string IoPortTable::show(bool privileged) const {
    std::lock_guard g(mutex_);
    std::string out;
    for (const Region& r : regions_) {
        unsigned long long start = privileged ? r.res.start : 0, end = privileged ? r.res.end : 0;
        out += fmt::format("{:04x}-{:04x} : {}\n", start, end, r.name);
    }
    return out;
}

std::vector<std::string> IoPortTable::release_owned_by(const struct module* owner) {
    std::lock_guard g(mutex_);
    std::vector<std::string> released;
    if (!owner) return released;  // built-in claims stay
    std::erase_if(regions_, [&](const Region& r) {
        if (r.owner != owner) return false;
        released.push_back(fmt::format("{:04x}-{:04x} \"{}\"", r.res.start, r.res.end, r.name));
        return true;
    });
    return released;
}

}  // namespace sk

extern "C" struct resource* sk_request_region(struct module* owner, resource_size_t start, resource_size_t n,
                                              const char* name) {
    return sk::kernel().ioports.request(start, n, name, owner);
}
EXPORT_SYMBOL(sk_request_region);

extern "C" void release_region(resource_size_t start, resource_size_t n) {
    if (!sk::kernel().ioports.release(start, n))
        printk(KERN_WARNING "Trying to free nonexistent resource <0x%016llx-0x%016llx>\n",
               static_cast<unsigned long long>(start), static_cast<unsigned long long>(start + n - 1));
}
EXPORT_SYMBOL(release_region);

// devtmpfs.cpp - device nodes, classes and devices (drivers/base/core.c,
// drivers/base/devtmpfs.c): device_create() makes the /dev node at once.
#include <simkernel/devtmpfs.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/fault_inject.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdarg>
#include <simkernel/export.hpp>

namespace sk {

int DevTmpfs::create_node(const DevNode& node) {
    std::lock_guard lock(mutex_);
    if (nodes_.count(node.name)) return -EEXIST;
    nodes_.emplace(node.name, node);
    return 0;
}

bool DevTmpfs::remove_node(const std::string& name) {
    std::lock_guard lock(mutex_);
    return nodes_.erase(name) > 0;
}

std::optional<DevNode> DevTmpfs::lookup(const std::string& name) const {
    std::lock_guard lock(mutex_);
    auto it = nodes_.find(name);
    if (it == nodes_.end()) return std::nullopt;
    return it->second;
}

std::vector<DevNode> DevTmpfs::list() const {
    std::lock_guard lock(mutex_);
    std::vector<DevNode> out;
    for (const auto& kv : nodes_) out.push_back(kv.second);
    return out;
}

// A name that becomes a sysfs directory or a /dev node: as Linux's
// kobject names, never empty, ".", ".." or holding '/' (simkernel's /dev
// has no subdirectories) or control characters.
static bool valid_node_name(const std::string& name) {
    return !name.empty() && name != "." && name != ".." &&
           std::none_of(name.begin(), name.end(), [](unsigned char c) { return c == '/' || c < 0x20; });
}

struct class_* DevTmpfs::add_class(const std::string& name, Module* owner, int* err) {
    if (!valid_node_name(name)) {
        printk(KERN_ERR "class_create: invalid class name '%s' (empty, '.', '..', or holds '/')\n",
               name.substr(0, 64).c_str());
        *err = -EINVAL;
        return nullptr;
    }
    std::lock_guard lock(mutex_);
    for (const auto& c : classes_) {
        if (c->name == name) {
            // Linux's sysfs says so (with a call trace); without it, the
            // EEXIST an init returns reads like "already loaded".
            printk(KERN_WARNING "sysfs: cannot create duplicate filename '/class/%s'\n", name.c_str());
            *err = -EEXIST;
            return nullptr;
        }
    }
    auto c = std::make_unique<DeviceClass>();
    c->name = name;
    c->owner = owner;
    c->cls.name = c->name.c_str();
    c->cls.devnode = nullptr;
    classes_.push_back(std::move(c));
    return &classes_.back()->cls;
}

bool DevTmpfs::remove_class(const struct class_* cls) {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(classes_.begin(), classes_.end(),
                           [cls](const auto& c) { return &c->cls == cls; });
    if (it == classes_.end()) return false;
    classes_.erase(it);
    return true;
}

struct device* DevTmpfs::add_device(const struct class_* cls, __kernel_dev_t devt,
                                       void* drvdata, const std::string& name, Module* owner,
                                       int* err) {
    if (!valid_node_name(name)) {
        printk(KERN_ERR "device_create: invalid device name '%s' (empty, '.', '..', or holds '/')\n",
               name.substr(0, 64).c_str());
        *err = -EINVAL;
        return nullptr;
    }
    auto dev = std::make_unique<struct device>();
    dev->name = name;
    dev->cls = cls;
    dev->devt = devt;
    dev->drvdata = drvdata;
    // As udev's default: root-owned, 0600, unless the class says otherwise.
    umode_t mode = 0600;
    if (cls && cls->devnode) cls->devnode(dev.get(), &mode);
    std::lock_guard lock(mutex_);
    if (nodes_.count(name)) {
        printk(KERN_WARNING "sysfs: cannot create duplicate filename '/devices/virtual/%s/%s'\n",
               cls && cls->name ? cls->name : "misc", name.c_str());
        *err = -EEXIST;
        return nullptr;
    }
    nodes_.emplace(name, DevNode{name, static_cast<umode_t>(S_IFCHR | (mode & 07777)), 0, 0,
                                 devt, owner, cls});
    device_owner_[dev.get()] = owner;
    devices_.push_back(std::move(dev));
    return devices_.back().get();
}

bool DevTmpfs::remove_device(const struct class_* cls, __kernel_dev_t devt) {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(devices_.begin(), devices_.end(), [&](const auto& d) {
        return d->cls == cls && d->devt == devt;
    });
    if (it == devices_.end()) return false;
    nodes_.erase((*it)->name);
    device_owner_.erase(it->get());
    devres_release_all(it->get());
    devices_.erase(it);
    return true;
}

int DevTmpfs::add_device_attr(struct device* dev, const struct device_attribute* attr) {
    if (!attr || !attr->attr.name || !*attr->attr.name || strchr(attr->attr.name, '/')) return -EINVAL;
    std::string name = attr->attr.name;
    if (name == "." || name == "..") return -EINVAL;
    std::lock_guard lock(mutex_);
    auto it = std::find_if(devices_.begin(), devices_.end(), [dev](const auto& d) { return d.get() == dev; });
    if (it == devices_.end()) return -EINVAL;  // not a device of ours (or already destroyed)
    if (name == "dev") return -EEXIST;         // the kernel's own file: "major:minor"
    for (const struct device_attribute* a : dev->attrs)
        if (name == a->attr.name) return -EEXIST;
    dev->attrs.push_back(attr);
    return 0;
}

bool DevTmpfs::remove_device_attr(struct device* dev, const struct device_attribute* attr) {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(devices_.begin(), devices_.end(), [dev](const auto& d) { return d.get() == dev; });
    if (it == devices_.end()) return false;
    return std::erase(dev->attrs, attr) > 0;
}

std::vector<std::string> DevTmpfs::class_names() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& c : classes_) out.push_back(c->name);
    return out;
}

bool DevTmpfs::class_device_names(const std::string& cls, std::vector<std::string>* out) const {
    std::lock_guard lock(mutex_);
    auto c = std::find_if(classes_.begin(), classes_.end(), [&](const auto& x) { return x->name == cls; });
    if (c == classes_.end()) return false;
    for (const auto& d : devices_)
        if (d->cls == &(*c)->cls) out->push_back(d->name);
    return true;
}

std::optional<struct device> DevTmpfs::find_class_device(const std::string& cls, const std::string& name,
                                                         struct device** live) const {
    std::lock_guard lock(mutex_);
    auto c = std::find_if(classes_.begin(), classes_.end(), [&](const auto& x) { return x->name == cls; });
    if (c == classes_.end()) return std::nullopt;
    for (const auto& d : devices_) {
        if (d->cls != &(*c)->cls || d->name != name) continue;
        if (live) *live = d.get();
        return *d;
    }
    return std::nullopt;
}

std::vector<std::string> DevTmpfs::release_owned_by(const Module* owner) {
    std::lock_guard lock(mutex_);
    std::vector<std::string> removed;
    std::erase_if(devices_, [&](const auto& d) {
        if (device_owner_[d.get()] != owner) return false;
        removed.push_back(fmt::format("device {} ({}:{})", d->name, MAJOR(d->devt), MINOR(d->devt)));
        nodes_.erase(d->name);
        device_owner_.erase(d.get());
        devres_release_all(d.get());
        return true;
    });
    std::erase_if(classes_, [&](const auto& c) {
        if (c->owner != owner) return false;
        removed.push_back(fmt::format("class {}", c->name));
        return true;
    });
    std::erase_if(nodes_, [&](const auto& kv) { return kv.second.owner == owner; });
    return removed;
}

}  // namespace sk

// ---- the module API ----

extern "C" struct class_* sk_class_create(struct module* owner, const char* name) {
    if (sk::should_fail("class_create", 0, reinterpret_cast<uintptr_t>(__builtin_return_address(0)))) return static_cast<struct class_*>(ERR_PTR(-ENOMEM));  // fault injection
    int err = 0;
    struct class_* c = sk::kernel().devfs.add_class(name ? name : "", sk::module_of(owner), &err);
    return c ? c : static_cast<struct class_*>(ERR_PTR(err));
}
EXPORT_SYMBOL_GPL(sk_class_create);

extern "C" void class_destroy(const struct class_* cls) {
    if (IS_ERR_OR_NULL(cls)) return;
    sk::kernel().devfs.remove_class(cls);
}
EXPORT_SYMBOL_GPL(class_destroy);

extern "C" struct device* sk_device_create(struct module* owner, const struct class_* cls,
                                           struct device* /*parent*/, __kernel_dev_t devt,
                                           void* drvdata, const char* fmt, ...) {
    if (sk::should_fail("device_create", 0, reinterpret_cast<uintptr_t>(__builtin_return_address(0)))) return static_cast<struct device*>(ERR_PTR(-ENOMEM));  // fault injection
    char name[256];
    va_list args;
    va_start(args, fmt);
    sk_vsnprintf(name, sizeof name, fmt, args);
    va_end(args);
    int err = 0;
    struct device* d =
        sk::kernel().devfs.add_device(cls, devt, drvdata, name, sk::module_of(owner), &err);
    return d ? d : static_cast<struct device*>(ERR_PTR(err));
}
EXPORT_SYMBOL_GPL(sk_device_create);

extern "C" void device_destroy(const struct class_* cls, __kernel_dev_t devt) {
    sk::kernel().devfs.remove_device(cls, devt);
}
EXPORT_SYMBOL_GPL(device_destroy);

extern "C" void* dev_get_drvdata(const struct device* dev) { return dev ? dev->drvdata : nullptr; }
EXPORT_SYMBOL_GPL(dev_get_drvdata);
extern "C" void dev_set_drvdata(struct device* dev, void* data) {
    if (!IS_ERR_OR_NULL(dev)) dev->drvdata = data;
}
EXPORT_SYMBOL(dev_set_drvdata);
extern "C" const char* dev_name(const struct device* dev) { return dev ? dev->name.c_str() : ""; }
EXPORT_SYMBOL(dev_name);

extern "C" int device_create_file(struct device* dev, const struct device_attribute* attr) {
    if (IS_ERR_OR_NULL(dev)) return -EINVAL;
    int err = sk::kernel().devfs.add_device_attr(dev, attr);
    if (err == -EEXIST)
        printk(KERN_WARNING "sysfs: cannot create duplicate filename '/class/%s/%s/%s'\n",
               dev->cls && dev->cls->name ? dev->cls->name : "?", dev->name.c_str(), attr->attr.name);
    return err;
}
EXPORT_SYMBOL_GPL(device_create_file);

extern "C" void device_remove_file(struct device* dev, const struct device_attribute* attr) {
    if (IS_ERR_OR_NULL(dev) || !attr) return;
    sk::kernel().devfs.remove_device_attr(dev, attr);
}
EXPORT_SYMBOL_GPL(device_remove_file);

extern "C" int sysfs_emit(char* buf, const char* fmt, ...) {
    if (!buf) return 0;
    va_list args;
    va_start(args, fmt);
    int n = sk_vsnprintf(buf, PAGE_SIZE, fmt, args);
    va_end(args);
    if (n < 0) return 0;
    return n < static_cast<int>(PAGE_SIZE) ? n : static_cast<int>(PAGE_SIZE) - 1;
}
EXPORT_SYMBOL_GPL(sysfs_emit);

// devtmpfs.hpp - /dev: the device nodes, made by device_create() (as udev
// would on Linux) or by the kernel for its built-in devices.
#pragma once

#include <simkernel/kapi.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct device {
    std::string name;
    const struct class_* cls;
    __kernel_dev_t devt;
    void* drvdata;
    std::vector<const struct device_attribute*> attrs;  // its files in /sys/class/<cls>/<name>/
    std::vector<void*> devres;  // devm_kmalloc'ed blocks, freed with it (devres.cpp)
};

namespace sk {
// Frees what devm_* allocated for dev: when the device goes away.
void devres_release_all(struct device* dev);
}

namespace sk {

struct Module;

struct DevNode {
    std::string name;
    umode_t mode;  // S_IFCHR | permissions
    uid_t uid;
    gid_t gid;
    __kernel_dev_t rdev;
    Module* owner;          // who created it
    const struct class_* cls;  // nullptr for nodes made with mknod
};

struct DeviceClass {
    struct class_ cls;  // first: the driver sees &cls
    std::string name;
    Module* owner;
};

class DevTmpfs {
public:
    int create_node(const DevNode& node);  // -EEXIST if the name is taken
    bool remove_node(const std::string& name);
    std::optional<DevNode> lookup(const std::string& name) const;
    std::vector<DevNode> list() const;

    struct class_* add_class(const std::string& name, Module* owner, int* err);
    bool remove_class(const struct class_* cls);
    struct device* add_device(const struct class_* cls, __kernel_dev_t devt, void* drvdata,
                                 const std::string& name, Module* owner, int* err);
    bool remove_device(const struct class_* cls, __kernel_dev_t devt);

    // Attribute files (device_create_file): 0, -EINVAL or -EEXIST.
    int add_device_attr(struct device* dev, const struct device_attribute* attr);
    bool remove_device_attr(struct device* dev, const struct device_attribute* attr);

    // What /sys/class shows: the classes, a class's devices (false if there
    // is no such class), and one device (a copy, attrs included).
    std::vector<std::string> class_names() const;
    bool class_device_names(const std::string& cls, std::vector<std::string>* out) const;
    std::optional<struct device> find_class_device(const std::string& cls, const std::string& name,
                                                   struct device** live) const;

    // What owner forgot to undo: returns a description of each item removed.
    std::vector<std::string> release_owned_by(const Module* owner);

private:
    mutable std::mutex mutex_;
    std::map<std::string, DevNode> nodes_;
    std::vector<std::unique_ptr<DeviceClass>> classes_;
    std::vector<std::unique_ptr<struct device>> devices_;
    std::map<const struct device*, Module*> device_owner_;
};

}  // namespace sk

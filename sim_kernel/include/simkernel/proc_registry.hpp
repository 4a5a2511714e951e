// proc_registry.hpp - the /proc files and directories modules create with
// proc_create / proc_mkdir (the kernel's own /proc files are a fixed table
// in procfs.cpp).
#pragma once

#include <simkernel/kapi.h>
#include <linux/proc_fs.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

// What proc_create hands the module: an entry, named by its path under /proc.
struct proc_dir_entry {
    std::string path;  // "driver/hello"
    umode_t mode;
    bool is_dir;
    const struct proc_ops* ops;
    void* data;
    sk::Module* owner;
    // proc_set_size, proc_set_user: what stat shows (Linux: 0 and root).
    loff_t size = 0;
    uid_t uid = 0;
    gid_t gid = 0;
};

namespace sk {

class ProcRegistry {
public:
    // nullptr if the name is taken, the parent is gone, or the name is bad.
    struct proc_dir_entry* add(const std::string& name, struct proc_dir_entry* parent, umode_t mode,
                               bool is_dir, const struct proc_ops* ops, void* data, Module* owner);
    // Removes an entry and everything under it.
    bool remove(const std::string& path);
    std::optional<proc_dir_entry> find(const std::string& path) const;
    // proc_set_size / proc_set_user on a live entry (false if it is gone).
    bool set_size(const struct proc_dir_entry* de, loff_t size);
    bool set_user(const struct proc_dir_entry* de, uid_t uid, gid_t gid);
    std::vector<proc_dir_entry> children(const std::string& dir) const;
    // Entries owner forgot to remove; returns their paths.
    std::vector<std::string> release_owned_by(const Module* owner);

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::unique_ptr<proc_dir_entry>> entries_;
};

}  // namespace sk

// debugfs.hpp - the tree of /sys/kernel/debug: the directories and files
// modules create with <linux/debugfs.h> (debugfs.cpp), each owned by its
// module.
#pragma once

#include <simkernel/kapi.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sk {

struct Module;

// One entry. The dentry comes first: modules hold a struct dentry*, which
// converts back. Its inode's i_private is the data given at creation.
struct DebugfsNode {
    struct dentry dentry {};
    struct inode inode {};
    std::string name;  // what d_name points at
    std::string path;  // under /sys/kernel/debug: "hello/hits"
    bool is_dir = false;
    const struct file_operations* fops = nullptr;
    Module* owner = nullptr;
};

// A copy of what an open needs, taken under the tree's lock.
struct DebugfsEntry {
    std::string path;
    umode_t mode;
    bool is_dir;
    loff_t size;
    void* data;
    const struct file_operations* fops;
    Module* owner;
};

class DebugfsTree {
public:
    // The new entry's dentry, or an ERR_PTR: -EEXIST (taken), -EACCES (a bad
    // name), -ENOENT (a parent that is not a live debugfs directory).
    struct dentry* add(const char* name, struct dentry* parent, umode_t mode, bool is_dir,
                       const struct file_operations* fops, void* data, loff_t size, Module* owner);
    struct dentry* lookup(const char* name, struct dentry* parent) const;
    // Removes the entry and everything under it; false if d is not one.
    bool remove(struct dentry* d);
    bool find(const std::string& path, DebugfsEntry* out) const;
    std::vector<std::pair<std::string, bool>> children(const std::string& dir) const;  // name, is_dir
    // Entries owner left behind (their paths), removed.
    std::vector<std::string> release_owned_by(const Module* owner);

private:
    DebugfsNode* node_of(struct dentry* d) const;  // under mutex_
    std::string parent_path(struct dentry* parent, long* err) const;

    mutable std::mutex mutex_;
    std::map<std::string, std::unique_ptr<DebugfsNode>> nodes_;  // by path
};

}  // namespace sk

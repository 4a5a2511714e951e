// proc_registry.cpp - proc_create, proc_mkdir, proc_remove (fs/proc/generic.c).
#include <simkernel/kernel.hpp>
#include <simkernel/proc_registry.hpp>
#include <simkernel/fault_inject.hpp>

#include <algorithm>
#include <simkernel/export.hpp>

namespace sk {

struct proc_dir_entry* ProcRegistry::add(const std::string& name, struct proc_dir_entry* parent,
                                         umode_t mode, bool is_dir, const struct proc_ops* ops, void* data,
                                         Module* owner) {
    bool control = std::any_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
    if (name.empty() || control || name.find('/') != std::string::npos || name == "." || name == "..") {
        printk(KERN_ERR "proc_create: invalid name '%s' (empty, '.', '..', or holds '/' or control characters)\n", name.substr(0, 64).c_str());
        return nullptr;
    }
    std::lock_guard lock(mutex_);
    std::string path = parent ? parent->path + "/" + name : name;
    if (parent && !entries_.count(parent->path)) return nullptr;
    if (entries_.count(path)) return nullptr;
    auto e = std::make_unique<proc_dir_entry>(proc_dir_entry{path, mode, is_dir, ops, data, owner});
    struct proc_dir_entry* raw = e.get();
    entries_.emplace(path, std::move(e));
    return raw;
}

bool ProcRegistry::remove(const std::string& path) {
    std::lock_guard lock(mutex_);
    size_t n = std::erase_if(entries_, [&](const auto& kv) {
        return kv.first == path || kv.first.rfind(path + "/", 0) == 0;
    });
    return n > 0;
}

std::optional<proc_dir_entry> ProcRegistry::find(const std::string& path) const {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(path);
    if (it == entries_.end()) return std::nullopt;
    return *it->second;
}

bool ProcRegistry::set_size(const struct proc_dir_entry* de, loff_t size) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(de->path);
    if (it == entries_.end() || it->second.get() != de) return false;
    it->second->size = size;
    return true;
}

bool ProcRegistry::set_user(const struct proc_dir_entry* de, uid_t uid, gid_t gid) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(de->path);
    if (it == entries_.end() || it->second.get() != de) return false;
    it->second->uid = uid;
    it->second->gid = gid;
    return true;
}

std::vector<proc_dir_entry> ProcRegistry::children(const std::string& dir) const {
    std::lock_guard lock(mutex_);
    std::vector<proc_dir_entry> out;
    std::string prefix = dir.empty() ? "" : dir + "/";
    for (const auto& [path, e] : entries_)
        if (path.rfind(prefix, 0) == 0 && path.find('/', prefix.size()) == std::string::npos) out.push_back(*e);
    return out;
}

std::vector<std::string> ProcRegistry::release_owned_by(const Module* owner) {
    std::lock_guard lock(mutex_);
    std::vector<std::string> removed;
    std::erase_if(entries_, [&](const auto& kv) {
        if (kv.second->owner != owner) return false;
        removed.push_back("/proc/" + kv.first);
        return true;
    });
    return removed;
}

}  // namespace sk

extern "C" struct proc_dir_entry* sk_proc_create_data(struct module* owner, const char* name, umode_t mode,
                                                      struct proc_dir_entry* parent,
                                                      const struct proc_ops* proc_ops, void* data) {
    if (sk::should_fail("proc_create", 0, reinterpret_cast<uintptr_t>(__builtin_return_address(0)))) return nullptr;  // fault injection
    if (!(mode & 0777)) mode |= 0444;  // as Linux: no permissions given means read-only
    return sk::kernel().proc.add(name ? name : "", parent, mode, false, proc_ops, data, sk::module_of(owner));
}
EXPORT_SYMBOL(sk_proc_create_data);

extern "C" struct proc_dir_entry* sk_proc_mkdir(struct module* owner, const char* name,
                                                struct proc_dir_entry* parent) {
    if (sk::should_fail("proc_mkdir", 0, reinterpret_cast<uintptr_t>(__builtin_return_address(0)))) return nullptr;  // fault injection
    return sk::kernel().proc.add(name ? name : "", parent, 0555, true, nullptr, nullptr, sk::module_of(owner));
}
EXPORT_SYMBOL(sk_proc_mkdir);

extern "C" void proc_remove(struct proc_dir_entry* de) {
    if (de) sk::kernel().proc.remove(std::string(de->path));
}
EXPORT_SYMBOL(proc_remove);

extern "C" void remove_proc_entry(const char* name, struct proc_dir_entry* parent) {
    std::string path = parent ? parent->path + "/" + name : std::string(name ? name : "");
    if (!sk::kernel().proc.remove(path))
        printk(KERN_WARNING "remove_proc_entry: '%s' not found\n", path.c_str());
}
EXPORT_SYMBOL(remove_proc_entry);

// The size and owner stat shows for the entry (Linux: 0 and root).
extern "C" void proc_set_size(struct proc_dir_entry* de, loff_t size) {
    if (de) sk::kernel().proc.set_size(de, size);
}
EXPORT_SYMBOL(proc_set_size);

extern "C" void proc_set_user(struct proc_dir_entry* de, kuid_t uid, kgid_t gid) {
    if (de) sk::kernel().proc.set_user(de, __kuid_val(uid), __kgid_val(gid));
}
EXPORT_SYMBOL(proc_set_user);

extern "C" void* pde_data(const struct inode* inode) { return inode->i_private; }
EXPORT_SYMBOL(pde_data);

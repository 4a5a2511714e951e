// proc_registry.cpp - proc_create, proc_mkdir, proc_remove (fs/proc/generic.c).
#include <simkernel/kernel.hpp>
#include <simkernel/proc_registry.hpp>

namespace sk {

struct proc_dir_entry* ProcRegistry::add(const std::string& name, struct proc_dir_entry* parent,
                                         umode_t mode, bool is_dir, const struct proc_ops* ops, void* data,
                                         Module* owner) {
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") return nullptr;
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
    if (!(mode & 0777)) mode |= 0444;  // as Linux: no permissions given means read-only
    return sk::kernel().proc.add(name ? name : "", parent, mode, false, proc_ops, data, sk::module_of(owner));
}

extern "C" struct proc_dir_entry* sk_proc_mkdir(struct module* owner, const char* name,
                                                struct proc_dir_entry* parent) {
    return sk::kernel().proc.add(name ? name : "", parent, 0555, true, nullptr, nullptr, sk::module_of(owner));
}

extern "C" void proc_remove(struct proc_dir_entry* de) {
    if (de) sk::kernel().proc.remove(std::string(de->path));
}

extern "C" void remove_proc_entry(const char* name, struct proc_dir_entry* parent) {
    std::string path = parent ? parent->path + "/" + name : std::string(name ? name : "");
    if (!sk::kernel().proc.remove(path))
        printk(KERN_WARNING "remove_proc_entry: '%s' not found\n", path.c_str());
}

extern "C" void* pde_data(const struct inode* inode) { return inode->i_private; }

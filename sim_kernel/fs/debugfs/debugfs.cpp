// debugfs.cpp - /sys/kernel/debug, the files modules make for debugging
// (fs/debugfs/inode.c and fs/debugfs/file.c in Linux).
//
// A module makes directories and files with <linux/debugfs.h>; each file
// has the module's file_operations and data (i_private), or one of the
// kernel's number files (debugfs_create_u32, ...). The mount's root is
// mode 0700, owned by root: only root reaches anything below it. An open
// file holds its owner module, whose data it reads, so rmmod waits ("in
// use") rather than leave the file pointing at freed memory.
#include <simkernel/debugfs.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/module_calls.hpp>
#include <simkernel/vfs.hpp>

#include <linux/debugfs.h>

#include <algorithm>
#include <dirent.h>
#include <simkernel/export.hpp>

namespace sk {

namespace {

constexpr umode_t kRootMode = 0700;

struct dentry* err_dentry(long err) { return reinterpret_cast<struct dentry*>(err); }

}  // namespace

DebugfsNode* DebugfsTree::node_of(struct dentry* d) const {
    for (const auto& [path, n] : nodes_)
        if (&n->dentry == d) return n.get();
    return nullptr;
}

// "" for the root (no parent), the directory's path, or *err set.
std::string DebugfsTree::parent_path(struct dentry* parent, long* err) const {
    *err = 0;
    if (!parent) return "";
    DebugfsNode* p = node_of(parent);
    if (!p) *err = -ENOENT;
    else if (!p->is_dir) *err = -ENOTDIR;
    return p ? p->path : "";
}

struct dentry* DebugfsTree::add(const char* name, struct dentry* parent, umode_t mode, bool is_dir,
                                const struct file_operations* fops, void* data, loff_t size, Module* owner) {
    if (IS_ERR(parent)) return parent;  // as Linux: an earlier failure passes through
    std::string n = name ? name : "";
    // lookup_one_len's rule: no empty name, ".", ".." or '/'.
    if (n.empty() || n == "." || n == ".." || n.find('/') != std::string::npos) {
        printk(KERN_ERR "debugfs: invalid name '%s'\n", n.substr(0, 64).c_str());
        return err_dentry(-EACCES);
    }
    std::lock_guard lock(mutex_);
    long err;
    std::string dir = parent_path(parent, &err);
    if (err) {
        printk(KERN_ERR "debugfs: cannot create '%s': its parent is not a debugfs directory\n", n.c_str());
        return err_dentry(err);
    }
    std::string path = dir.empty() ? n : dir + "/" + n;
    if (auto it = nodes_.find(path); it != nodes_.end()) {
        const char* pname = parent ? parent->d_name.name : "/";
        if (it->second->is_dir)
            printk(KERN_ERR "debugfs: Directory '%s' with parent '%s' already present!\n", n.c_str(), pname);
        else
            printk(KERN_ERR "debugfs: File '%s' in directory '%s' already present!\n", n.c_str(), pname);
        return err_dentry(-EEXIST);
    }
    auto node = std::make_unique<DebugfsNode>();
    node->name = n;
    node->path = path;
    node->is_dir = is_dir;
    node->fops = fops;
    node->owner = owner;
    node->inode.i_mode = is_dir ? (S_IFDIR | 0755) : (S_IFREG | (mode & 07777));
    node->inode.i_private = data;
    node->inode.i_size = size;
    node->dentry.d_name = {node->name.c_str(), static_cast<unsigned>(node->name.size())};
    node->dentry.d_inode = &node->inode;
    struct dentry* d = &node->dentry;
    nodes_.emplace(path, std::move(node));
    return d;
}

struct dentry* DebugfsTree::lookup(const char* name, struct dentry* parent) const {
    if (!name || IS_ERR(parent)) return nullptr;
    std::lock_guard lock(mutex_);
    long err;
    std::string dir = parent_path(parent, &err);
    if (err) return nullptr;
    auto it = nodes_.find(dir.empty() ? name : dir + "/" + name);
    return it == nodes_.end() ? nullptr : &it->second->dentry;
}

bool DebugfsTree::remove(struct dentry* d) {
    std::lock_guard lock(mutex_);
    DebugfsNode* n = node_of(d);
    if (!n) return false;
    std::string path = n->path;
    std::erase_if(nodes_, [&](const auto& kv) { return kv.first == path || kv.first.rfind(path + "/", 0) == 0; });
    return true;
}

bool DebugfsTree::find(const std::string& path, DebugfsEntry* out) const {
    std::lock_guard lock(mutex_);
    auto it = nodes_.find(path);
    if (it == nodes_.end()) return false;
    const DebugfsNode& n = *it->second;
    *out = {n.path, n.inode.i_mode, n.is_dir, n.inode.i_size, n.inode.i_private, n.fops, n.owner};
    return true;
}

std::vector<std::pair<std::string, bool>> DebugfsTree::children(const std::string& dir) const {
    std::lock_guard lock(mutex_);
    std::vector<std::pair<std::string, bool>> out;
    std::string prefix = dir.empty() ? "" : dir + "/";
    for (const auto& [path, n] : nodes_)
        if (path.rfind(prefix, 0) == 0 && path.find('/', prefix.size()) == std::string::npos)
            out.emplace_back(n->name, n->is_dir);
    return out;
}

std::vector<std::string> DebugfsTree::release_owned_by(const Module* owner) {
    std::lock_guard lock(mutex_);
    std::vector<std::string> removed;
    // An entry of another module inside this one's directory goes with it.
    std::vector<std::string> roots;
    for (const auto& [path, n] : nodes_)
        if (n->owner == owner) roots.push_back(path);
    std::erase_if(nodes_, [&](const auto& kv) {
        bool gone = std::any_of(roots.begin(), roots.end(), [&](const std::string& r) {
            return kv.first == r || kv.first.rfind(r + "/", 0) == 0;
        });
        if (gone && kv.second->owner == owner) removed.push_back("/sys/kernel/debug/" + kv.first);
        return gone;
    });
    return removed;
}

// The filesystem: open and stat of a path under /sys/kernel/debug.

namespace {

long may_enter(const Task& t) { return t.uid == 0 ? 0 : -EACCES; }  // the root is 0700 root

void list_children(Kernel& k, const std::string& dir, KFile* kf) {
    for (const auto& [name, is_dir] : k.debugfs.children(dir))
        kf->dir.push_back({name, static_cast<unsigned char>(is_dir ? DT_DIR : DT_REG)});
}

long debugfs_open(Kernel& k, Task& t, const ResolvedPath& p, int flags, umode_t, KFile* kf) {
    if (long err = may_enter(t)) return err;
    if (p.rel.empty()) {
        kf->is_dir = true;
        kf->inode.i_mode = S_IFDIR | kRootMode;
        kf->f.f_op = &dir_fops;
        list_children(k, "", kf);
        return 0;
    }
    DebugfsEntry e;
    if (!k.debugfs.find(p.rel, &e)) return (flags & O_CREAT) ? -EACCES : -ENOENT;
    if (e.is_dir) {
        kf->is_dir = true;
        kf->inode.i_mode = e.mode;
        kf->f.f_op = &dir_fops;
        list_children(k, p.rel, kf);
        return 0;
    }
    if (!module_get(e.owner)) return -ENOENT;  // its module is going away
    kf->module = e.owner;
    kf->inode.i_mode = e.mode;
    kf->inode.i_size = e.size;
    kf->inode.i_private = e.data;
    kf->f.f_op = e.fops;
    if (!e.fops || !e.fops->open) return 0;
    int err;
    {
        ModuleCall call(e.owner);  // its open may sleep: rmmod -f waits for it
        err = call ? e.fops->open(&kf->inode, &kf->f) : -ENODEV;
        if (err == 0 && module_closed(e.owner)) err = -ENODEV;  // forced out meanwhile
    }
    if (err) kf->f.f_op = nullptr;  // no release: the open did not happen
    return err;
}

long debugfs_stat(Kernel& k, Task& t, const ResolvedPath& p, struct stat* st) {
    memset(st, 0, sizeof *st);
    st->st_mtime = st->st_atime = st->st_ctime = k.boot_time();
    if (p.rel.empty()) {  // the mount point itself: anyone may look at it
        st->st_mode = S_IFDIR | kRootMode;
        st->st_nlink = 2;
        return 0;
    }
    if (long err = may_enter(t)) return err;
    DebugfsEntry e;
    if (!k.debugfs.find(p.rel, &e)) return -ENOENT;
    st->st_mode = e.mode;
    st->st_nlink = e.is_dir ? 2 : 1;
    st->st_size = e.size;
    return 0;
}

}  // namespace

const FsOps debugfs_ops = {
    .name = "debugfs",
    .open = debugfs_open,
    .stat = debugfs_stat,
};

}  // namespace sk

// The module API (<linux/debugfs.h>).

namespace {

using sk::kernel;
using sk::module_of;

// debugfs_create_u8 and friends: one get and set per kind of number, and
// the format it prints in, as fs/debugfs/file.c.
template <class T>
int get_num(void* data, u64* val) {
    *val = static_cast<u64>(*static_cast<T*>(data));
    return 0;
}
template <class T>
int set_num(void* data, u64 val) {
    *static_cast<T*>(data) = static_cast<T>(val);
    return 0;
}
int get_atomic(void* data, u64* val) {
    *val = static_cast<u64>(static_cast<long long>(__atomic_load_n(&static_cast<atomic_t*>(data)->counter, __ATOMIC_RELAXED)));
    return 0;
}
int set_atomic(void* data, u64 val) {
    __atomic_store_n(&static_cast<atomic_t*>(data)->counter, static_cast<int>(val), __ATOMIC_RELAXED);
    return 0;
}

constexpr char kDec[] = "%llu\n";
constexpr char kSigned[] = "%lld\n";
constexpr char kHex8[] = "0x%02llx\n";
constexpr char kHex16[] = "0x%04llx\n";
constexpr char kHex32[] = "0x%08llx\n";
constexpr char kHex64[] = "0x%016llx\n";

template <int (*Get)(void*, u64*), int (*Set)(void*, u64), const char* Fmt>
int attr_open(struct inode* inode, struct file* file) {
    return simple_attr_open(inode, file, Get, Set, Fmt);
}

// The three tables of one kind of number: read-write, read-only, write-only
// (Linux picks by the mode, so a 0444 file has no write at all).
struct NumberFops {
    struct file_operations rw, ro, wo;
};

template <int (*Get)(void*, u64*), int (*Set)(void*, u64), const char* Fmt, bool Signed = false>
constexpr NumberFops number_fops() {
    auto write = Signed ? debugfs_attr_write_signed : debugfs_attr_write;
    return {
        {.owner = nullptr, .llseek = no_llseek, .read = debugfs_attr_read, .write = write,
         .open = attr_open<Get, Set, Fmt>, .release = simple_attr_release},
        {.owner = nullptr, .llseek = no_llseek, .read = debugfs_attr_read, .write = nullptr,
         .open = attr_open<Get, nullptr, Fmt>, .release = simple_attr_release},
        {.owner = nullptr, .llseek = no_llseek, .read = nullptr, .write = write,
         .open = attr_open<nullptr, Set, Fmt>, .release = simple_attr_release},
    };
}

// bool: "Y\n" or "N\n", and anything kstrtobool takes.
ssize_t read_bool(struct file* f, char* buf, size_t count, loff_t* ppos) {
    bool v = __atomic_load_n(static_cast<bool*>(f->f_inode->i_private), __ATOMIC_RELAXED);
    char text[] = {v ? 'Y' : 'N', '\n'};
    return simple_read_from_buffer(buf, count, ppos, text, sizeof text);
}
ssize_t write_bool(struct file* f, const char* buf, size_t count, loff_t*) {
    bool v;
    if (int err = kstrtobool_from_user(buf, count, &v)) return err;
    __atomic_store_n(static_cast<bool*>(f->f_inode->i_private), v, __ATOMIC_RELAXED);
    return static_cast<ssize_t>(count);
}

const NumberFops bool_fops = {
    {.owner = nullptr, .llseek = default_llseek, .read = read_bool, .write = write_bool},
    {.owner = nullptr, .llseek = default_llseek, .read = read_bool},
    {.owner = nullptr, .llseek = default_llseek, .write = write_bool},
};

// Indexed by SK_DEBUGFS_U8 ... SK_DEBUGFS_BOOL (linux/debugfs.h).
const NumberFops* const number_table[] = {
    [] { static constexpr NumberFops f = number_fops<get_num<u8>, set_num<u8>, kDec>(); return &f; }(),
    [] { static constexpr NumberFops f = number_fops<get_num<u16>, set_num<u16>, kDec>(); return &f; }(),
    [] { static constexpr NumberFops f = number_fops<get_num<u32>, set_num<u32>, kDec>(); return &f; }(),
    [] { static constexpr NumberFops f = number_fops<get_num<u64>, set_num<u64>, kDec>(); return &f; }(),
    [] { static constexpr NumberFops f = number_fops<get_num<u8>, set_num<u8>, kHex8>(); return &f; }(),
    [] { static constexpr NumberFops f = number_fops<get_num<u16>, set_num<u16>, kHex16>(); return &f; }(),
    [] { static constexpr NumberFops f = number_fops<get_num<u32>, set_num<u32>, kHex32>(); return &f; }(),
    [] { static constexpr NumberFops f = number_fops<get_num<u64>, set_num<u64>, kHex64>(); return &f; }(),
    [] { static constexpr NumberFops f = number_fops<get_num<unsigned long>, set_num<unsigned long>, kDec>(); return &f; }(),
    [] { static constexpr NumberFops f = number_fops<get_num<size_t>, set_num<size_t>, kDec>(); return &f; }(),
    [] { static constexpr NumberFops f = number_fops<get_atomic, set_atomic, kSigned, true>(); return &f; }(),
    &bool_fops,
};

const struct file_operations* fops_for_mode(const NumberFops& f, umode_t mode) {
    if (!(mode & 0222)) return &f.ro;
    if (!(mode & 0444)) return &f.wo;
    return &f.rw;
}

ssize_t read_blob(struct file* f, char* buf, size_t count, loff_t* ppos) {
    auto* blob = static_cast<struct debugfs_blob_wrapper*>(f->f_inode->i_private);
    return simple_read_from_buffer(buf, count, ppos, blob->data, blob->size);
}
const struct file_operations blob_fops = {.owner = nullptr, .llseek = default_llseek, .read = read_blob};

}  // namespace

extern "C" struct dentry* sk_debugfs_create_dir(struct module* owner, const char* name, struct dentry* parent) {
    return kernel().debugfs.add(name, parent, 0755, true, nullptr, nullptr, 0, module_of(owner));
}
EXPORT_SYMBOL_GPL(sk_debugfs_create_dir);

extern "C" struct dentry* sk_debugfs_create_file(struct module* owner, const char* name, umode_t mode,
                                                 struct dentry* parent, void* data,
                                                 const struct file_operations* fops, loff_t size) {
    return kernel().debugfs.add(name, parent, mode, false, fops, data, size, module_of(owner));
}
EXPORT_SYMBOL_GPL(sk_debugfs_create_file);

extern "C" struct dentry* sk_debugfs_create_number(struct module* owner, int kind, const char* name, umode_t mode,
                                                   struct dentry* parent, void* value) {
    if (kind < 0 || static_cast<size_t>(kind) >= std::size(number_table)) return reinterpret_cast<struct dentry*>(-EINVAL);
    return kernel().debugfs.add(name, parent, mode, false, fops_for_mode(*number_table[kind], mode), value, 0,
                                module_of(owner));
}
EXPORT_SYMBOL_GPL(sk_debugfs_create_number);

extern "C" struct dentry* sk_debugfs_create_blob(struct module* owner, const char* name, umode_t mode,
                                                 struct dentry* parent, struct debugfs_blob_wrapper* blob) {
    return kernel().debugfs.add(name, parent, mode & ~0222, false, &blob_fops, blob,
                                blob ? static_cast<loff_t>(blob->size) : 0, module_of(owner));
}
EXPORT_SYMBOL_GPL(sk_debugfs_create_blob);

extern "C" struct dentry* debugfs_lookup(const char* name, struct dentry* parent) {
    return kernel().debugfs.lookup(name, parent);
}
EXPORT_SYMBOL_GPL(debugfs_lookup);

extern "C" void debugfs_remove(struct dentry* dentry) {
    if (!dentry || IS_ERR(dentry)) return;  // as Linux: a failed create's result may be passed
    if (!kernel().debugfs.remove(dentry))
        printk(KERN_WARNING "debugfs_remove: %p is not a debugfs entry (removed already?)\n", static_cast<void*>(dentry));
}
EXPORT_SYMBOL_GPL(debugfs_remove);

extern "C" void debugfs_lookup_and_remove(const char* name, struct dentry* parent) {
    if (struct dentry* d = debugfs_lookup(name, parent)) debugfs_remove(d);
}
EXPORT_SYMBOL_GPL(debugfs_lookup_and_remove);

extern "C" bool debugfs_initialized(void) { return true; }
EXPORT_SYMBOL_GPL(debugfs_initialized);
extern "C" void dput(struct dentry*) {}
EXPORT_SYMBOL(dput);

// debugfs's attribute files are simple_attr files (simple_attr.cpp); Linux
// adds the removal proxy simkernel does without (an open file pins its module).
extern "C" ssize_t debugfs_attr_read(struct file* file, char* buf, size_t len, loff_t* ppos) {
    return simple_attr_read(file, buf, len, ppos);
}
EXPORT_SYMBOL_GPL(debugfs_attr_read);
extern "C" ssize_t debugfs_attr_write(struct file* file, const char* buf, size_t len, loff_t* ppos) {
    return simple_attr_write(file, buf, len, ppos);
}
EXPORT_SYMBOL_GPL(debugfs_attr_write);
extern "C" ssize_t debugfs_attr_write_signed(struct file* file, const char* buf, size_t len, loff_t* ppos) {
    return simple_attr_write_signed(file, buf, len, ppos);
}
EXPORT_SYMBOL_GPL(debugfs_attr_write_signed);

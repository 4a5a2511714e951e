// sysfs.cpp - /sys: kernel objects as directories of one-value files.
//
// Today that is /sys/module, one directory per loaded module, as Linux
// lays it out (kernel/module/sysfs.c, kernel/params.c), and an empty one
// per driver built into the kernel:
//
//   /sys/module/<name>/initstate        live | coming | going
//   /sys/module/<name>/refcnt           the reference count lsmod shows
//   /sys/module/<name>/coresize, initsize, taint, version (if it has one)
//   /sys/module/<name>/holders/<mod>    the modules that use this one
//   /sys/module/<name>/sections/<sec>   load addresses (root only; for gdb)
//   /sys/module/<name>/parameters/<p>   each parameter with perm != 0,
//                                       mode = its perm: reading calls the
//                                       param's ops->get, writing ops->set
//
// and /sys/class, one directory per device class (class_create) holding one
// per device (device_create), as Linux's /sys/class/<class>/<device>:
//
//   /sys/class/<cls>/<dev>/dev          "major:minor"
//   /sys/class/<cls>/<dev>/<attr>       each device_create_file() attribute,
//                                       mode = its mode: reading calls its
//                                       show(), writing its store()
//
// As procfs does, a read returns the text made when the file was opened. A
// write is one store: the whole buffer goes to ops->set, like kernfs.
// Every lookup holds the module-load lock, so a module cannot go away
// between finding its parameter and calling into it.
#include <simkernel/kernel.hpp>
#include <simkernel/params.hpp>
#include <simkernel/vfs.hpp>

#include <fmt/format.h>

#include <dirent.h>

#include <algorithm>

namespace sk {

namespace {

constexpr size_t kPageSize = 4096;  // a sysfs value fits in one page

struct SysNode {
    bool is_dir = false;
    umode_t mode = 0;               // permission bits only
    std::vector<DirEntry> entries;  // directories
    std::string content;            // files
    Module* module = nullptr;       // parameter files
    const struct kernel_param* param = nullptr;
    struct device* dev = nullptr;   // device attribute files
    const struct device_attribute* attr = nullptr;
};

std::vector<std::string> split_path(const std::string& rel) {
    std::vector<std::string> parts;
    size_t i = 0;
    while (i < rel.size()) {
        size_t j = rel.find('/', i);
        if (j == std::string::npos) j = rel.size();
        if (j > i) parts.push_back(rel.substr(i, j - i));
        i = j + 1;
    }
    return parts;
}

const char* initstate(ModuleState s) {
    switch (s) {
    case ModuleState::Loading: return "coming";
    case ModuleState::Live: return "live";
    case ModuleState::Unloading: return "going";
    }
    return "unknown";
}

// Parameters that appear in sysfs: Linux shows only those with a mode.
std::vector<const struct kernel_param*> sysfs_params(const Module& m) {
    std::vector<const struct kernel_param*> out;
    for (const auto& p : module_params(m))
        if (p.perm) out.push_back(&p);
    return out;
}

// Sections with a load address (allocated ones); their names start with '.'.
std::vector<const ElfSection*> loaded_sections(const Module& m) {
    std::vector<const ElfSection*> out;
    for (const ElfSection& s : m.image.sections)
        if (s.addr && !s.name.empty()) out.push_back(&s);
    return out;
}

void dir_node(SysNode* n, std::vector<DirEntry> entries) {
    std::sort(entries.begin(), entries.end(), [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
    n->is_dir = true;
    n->mode = 0755;
    n->entries = std::move(entries);
}

void file_node(SysNode* n, umode_t mode, std::string content) {
    n->is_dir = false;
    n->mode = mode;
    n->content = std::move(content);
}

// The drivers built into this kernel and started at boot: each has a
// /sys/module/<name> directory too, as a built-in module with parameters
// has on Linux, but no initstate or refcnt (it cannot be unloaded). That
// is how kmod's tools tell "builtin" from "not loaded".
std::vector<std::string> builtin_module_names(Kernel& k) {
    std::vector<std::string> names;
    if (!k.options().builtin_drivers) return names;
    for (const BuiltinDriver& d : builtin_drivers())
        if (d.init && !k.modules.find(d.name)) names.push_back(d.name);
    return names;
}

// /sys/module/<name>/...; parts[0] == "module", parts[1] == name.
long lookup_module(Kernel& k, std::vector<std::string> parts, bool want_content, SysNode* out) {
    Module* m = k.modules.find(parts[1]);
    if (!m) {
        auto builtin = builtin_module_names(k);
        if (parts.size() != 2 || std::find(builtin.begin(), builtin.end(), parts[1]) == builtin.end()) return -ENOENT;
        dir_node(out, {});
        return 0;
    }
    // holders/<h> is a link to ../../<h>: follow it.
    if (parts.size() >= 4 && parts[2] == "holders") {
        if (std::none_of(m->used_by.begin(), m->used_by.end(), [&](Module* h) { return h->name == parts[3]; }))
            return -ENOENT;
        std::vector<std::string> target{"module", parts[3]};
        target.insert(target.end(), parts.begin() + 4, parts.end());
        return lookup_module(k, target, want_content, out);
    }
    if (parts.size() == 2) {
        std::vector<DirEntry> e = {{"coresize", DT_REG}, {"holders", DT_DIR},  {"initsize", DT_REG},
                                   {"initstate", DT_REG}, {"refcnt", DT_REG}, {"sections", DT_DIR},
                                   {"taint", DT_REG}};
        if (!sysfs_params(*m).empty()) e.push_back({"parameters", DT_DIR});
        if (m->image.has_info("version")) e.push_back({"version", DT_REG});
        dir_node(out, std::move(e));
        return 0;
    }
    const std::string& what = parts[2];
    if (parts.size() == 3) {
        if (what == "holders") {
            std::vector<DirEntry> e;
            for (Module* h : m->used_by) e.push_back({h->name, DT_LNK});
            dir_node(out, std::move(e));
            return 0;
        }
        if (what == "sections") {
            std::vector<DirEntry> e;
            for (const ElfSection* s : loaded_sections(*m)) e.push_back({s->name, DT_REG});
            dir_node(out, std::move(e));
            return 0;
        }
        if (what == "parameters") {
            auto params = sysfs_params(*m);
            if (params.empty()) return -ENOENT;
            std::vector<DirEntry> e;
            for (const auto* p : params) e.push_back({p->name, DT_REG});
            dir_node(out, std::move(e));
            return 0;
        }
        std::string v;
        if (what == "initstate") v = initstate(m->state.load());
        else if (what == "refcnt") v = std::to_string(std::max(0L, m->refcnt.load()));
        else if (what == "coresize") v = std::to_string(m->size);
        else if (what == "initsize") v = "0";
        else if (what == "taint") v = taint_letters(m->taints, true);
        else if (what == "version" && m->image.has_info("version")) v = m->image.info("version");
        else return -ENOENT;
        file_node(out, 0444, v + "\n");
        return 0;
    }
    if (parts.size() != 4) return -ENOENT;
    if (what == "sections") {
        for (const ElfSection* s : loaded_sections(*m)) {
            if (s->name != parts[3]) continue;
            file_node(out, 0400, fmt::format("0x{:016x}\n", m->base + s->addr));
            return 0;
        }
        return -ENOENT;
    }
    if (what != "parameters") return -ENOENT;
    for (const struct kernel_param* p : sysfs_params(*m)) {
        if (parts[3] != p->name) continue;
        file_node(out, p->perm & 0777, "");
        out->module = m;
        out->param = p;
        if (want_content && (p->perm & 0444)) {
            if (!p->ops->get) return -EPERM;
            std::string buf(kPageSize, '\0');
            int n = p->ops->get(buf.data(), p);
            if (n < 0) return n;
            buf.resize(std::min<size_t>(static_cast<size_t>(n), kPageSize));
            out->content = std::move(buf);
        }
        return 0;
    }
    return -ENOENT;
}

// /sys/class/<cls>/<dev>/<attr>; parts[0] == "class". A driver's show()
// runs here, with the module-load lock held: its module cannot go away.
long lookup_class(Kernel& k, const std::vector<std::string>& parts, bool want_content, SysNode* out) {
    if (parts.size() == 1) {
        std::vector<DirEntry> e;
        for (const std::string& c : k.devfs.class_names()) e.push_back({c, DT_DIR});
        dir_node(out, std::move(e));
        return 0;
    }
    if (parts.size() == 2) {
        std::vector<std::string> devs;
        if (!k.devfs.class_device_names(parts[1], &devs)) return -ENOENT;
        std::vector<DirEntry> e;
        for (const std::string& d : devs) e.push_back({d, DT_LNK});  // links into /sys/devices on Linux
        dir_node(out, std::move(e));
        return 0;
    }
    struct device* live = nullptr;
    std::optional<struct device> dev = k.devfs.find_class_device(parts[1], parts[2], &live);
    if (!dev || parts.size() > 4) return -ENOENT;
    if (parts.size() == 3) {
        std::vector<DirEntry> e = {{"dev", DT_REG}};
        for (const struct device_attribute* a : dev->attrs) e.push_back({a->attr.name, DT_REG});
        dir_node(out, std::move(e));
        return 0;
    }
    if (parts[3] == "dev") {
        file_node(out, 0444, fmt::format("{}:{}\n", MAJOR(dev->devt), MINOR(dev->devt)));
        return 0;
    }
    for (const struct device_attribute* a : dev->attrs) {
        if (parts[3] != a->attr.name) continue;
        file_node(out, a->attr.mode & 0777, "");
        out->dev = live;
        out->attr = a;
        if (want_content && (a->attr.mode & 0444)) {
            if (!a->show) return -EIO;  // as kernfs: readable, but nothing to show
            std::string buf(kPageSize, '\0');
            ssize_t n = a->show(live, const_cast<struct device_attribute*>(a), buf.data());
            if (n < 0) return n;
            buf.resize(std::min<size_t>(static_cast<size_t>(n), kPageSize));
            out->content = std::move(buf);
        }
        return 0;
    }
    return -ENOENT;
}

long lookup(Kernel& k, const std::string& rel, bool want_content, SysNode* out) {
    std::vector<std::string> parts = split_path(rel);
    if (parts.empty()) {
        dir_node(out, {{"class", DT_DIR}, {"kernel", DT_DIR}, {"module", DT_DIR}});
        out->mode = 0555;  // as Linux's /sys
        return 0;
    }
    if (parts[0] == "class") return lookup_class(k, parts, want_content, out);
    if (parts[0] == "kernel" && parts.size() == 1) {  // where debugfs is mounted (namei.cpp)
        dir_node(out, {{"debug", DT_DIR}});
        return 0;
    }
    if (parts[0] != "module") return -ENOENT;
    if (parts.size() == 1) {
        std::vector<DirEntry> e;
        for (Module* m : k.modules.all()) e.push_back({m->name, DT_DIR});
        for (const std::string& b : builtin_module_names(k)) e.push_back({b, DT_DIR});
        dir_node(out, std::move(e));
        return 0;
    }
    return lookup_module(k, std::move(parts), want_content, out);
}

// Unix permissions for a root-owned file; and, as kernfs, a file with no
// read (write) bit cannot be opened for reading (writing), even by root.
long may_open(const Task& t, umode_t mode, int flags) {
    int acc = flags & O_ACCMODE;
    bool rd = acc == O_RDONLY || acc == O_RDWR;
    bool wr = acc == O_WRONLY || acc == O_RDWR;
    if ((rd && !(mode & 0444)) || (wr && !(mode & 0222))) return -EACCES;
    if (t.uid == 0) return 0;
    unsigned perm = t.gid == 0 ? (mode >> 3) & 7 : mode & 7;
    if ((rd && !(perm & 4)) || (wr && !(perm & 2))) return -EACCES;
    return 0;
}

// A write stores the whole buffer through the parameter's ops->set, and
// returns the full count or the error set returned (EINVAL for "abc").
ssize_t sysfs_write(struct file* f, const char* ubuf, size_t count, loff_t* pos) {
    if (count > kPageSize) return -E2BIG;
    if (count == 0) return 0;
    std::string val(count, '\0');
    if (copy_from_user(val.data(), ubuf, count)) return -EFAULT;
    Kernel& k = kernel();
    std::lock_guard serial(k.modules.load_mutex());
    SysNode n;
    const std::string& path = kfile(f)->path;  // "/sys/..."
    long err = lookup(k, path.size() > 5 ? path.substr(5) : "", false, &n);
    if (err) return err == -ENOENT ? -ENODEV : err;  // the module went away
    if (n.attr) {  // a device attribute: its store() takes the whole buffer
        if (!n.attr->store) return -EIO;
        ssize_t r = n.attr->store(n.dev, const_cast<struct device_attribute*>(n.attr), val.c_str(), count);
        if (r < 0) return r;
        *pos += r;
        return r;
    }
    if (!n.param || !n.param->ops->set) return -EPERM;
    err = n.param->ops->set(val.c_str(), n.param);
    if (err) return err;
    *pos += static_cast<loff_t>(count);
    return static_cast<ssize_t>(count);
}

const struct file_operations sysfs_fops = {
    .owner = nullptr,
    .llseek = default_llseek,
    .read = snapshot_read,
    .write = sysfs_write,
};

long sysfs_open(Kernel& k, Task& t, const ResolvedPath& p, int flags, umode_t, KFile* kf) {
    std::lock_guard serial(k.modules.load_mutex());
    SysNode n;
    int acc = flags & O_ACCMODE;
    bool reads = acc == O_RDONLY || acc == O_RDWR;
    if (long err = lookup(k, p.rel, false, &n)) return err;
    if (n.is_dir) {
        kf->is_dir = true;
        kf->inode.i_mode = S_IFDIR | n.mode;
        kf->dir = std::move(n.entries);
        kf->f.f_op = &dir_fops;
        return 0;
    }
    if (long err = may_open(t, n.mode, flags)) return err;
    if (reads) {
        if (long err = lookup(k, p.rel, true, &n)) return err;
    }
    kf->inode.i_mode = S_IFREG | n.mode;
    kf->inode.i_size = kPageSize;  // as Linux reports every attribute
    kf->content = std::move(n.content);
    kf->f.f_op = &sysfs_fops;
    return 0;
}

long sysfs_stat(Kernel& k, Task&, const ResolvedPath& p, struct stat* st) {
    std::lock_guard serial(k.modules.load_mutex());
    SysNode n;
    if (long err = lookup(k, p.rel, false, &n)) return err;
    memset(st, 0, sizeof *st);
    st->st_mode = (n.is_dir ? S_IFDIR : S_IFREG) | n.mode;
    st->st_nlink = n.is_dir ? 2 : 1;
    st->st_size = n.is_dir ? 0 : static_cast<off_t>(kPageSize);
    st->st_blksize = kPageSize;
    // sysfs files exist since boot (Linux stamps them when they are made;
    // boot is as close as simkernel keeps), never "Jan 1 1970".
    st->st_mtime = st->st_atime = st->st_ctime = k.boot_time();
    return 0;
}

}  // namespace

const FsOps sysfs_ops = {
    .name = "sysfs",
    .open = sysfs_open,
    .stat = sysfs_stat,
};

}  // namespace sk

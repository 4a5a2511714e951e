// procfs.cpp - /proc: files whose text the kernel writes when they are
// opened (a snapshot, as seq_file gives for small files).
#include <simkernel/kernel.hpp>
#include <simkernel/vfs.hpp>

#include <fmt/format.h>

#include <dirent.h>
#include <functional>

namespace sk {

namespace {

// /proc/modules: "name size refcount holders, state address (taints)",
// as kernel/module/procfs.c prints it.
std::string proc_modules(Kernel& k, const Task& t) {
    std::string out;
    auto mods = k.modules.all();
    // Newest first, as Linux lists them (a new module goes to the list head).
    for (auto it = mods.rbegin(); it != mods.rend(); ++it) {
        Module* m = *it;
        std::string holders;
        for (Module* h : m->used_by) holders += h->name + ",";
        if (m->init && !m->exit) holders += "[permanent],";
        if (holders.empty()) holders = "-";
        uintptr_t addr = t.uid == 0 ? m->base : 0;  // kptr_restrict: no addresses for users
        out += fmt::format("{} {} {} {} {} 0x{:016x}", m->name, m->size,
                           std::max(0L, m->refcnt.load()), holders, state_name(m->state.load()), addr);
        // Linux's module_flags(): a tainted module's letters, then '+'
        // while its init runs or '-' while its cleanup does: "(OE+)".
        if (m->taints) {
            std::string flags = taint_letters(m->taints, true);
            ModuleState st = m->state.load();
            if (st == ModuleState::Loading) flags += '+';
            else if (st == ModuleState::Unloading) flags += '-';
            out += " (" + flags + ")";
        }
        out += "\n";
    }
    return out;
}

std::string proc_devices(Kernel& k, const Task&) {
    std::string out = "Character devices:\n";
    unsigned last = ~0U;
    for (const ChrdevRegion& r : k.chrdevs.all()) {
        if (r.major == last) continue;  // one line per major, as Linux prints
        out += fmt::format("{:3} {}\n", r.major, r.name);
        last = r.major;
    }
    out += "\nBlock devices:\n";
    return out;
}

std::string proc_kallsyms(Kernel& k, const Task& t) {
    std::string out;
    for (const KernelSymbol& s : k.symbols.all()) {
        uintptr_t addr = t.uid == 0 ? reinterpret_cast<uintptr_t>(s.addr) : 0;
        out += fmt::format("{:016x} T {}", addr, s.name);
        if (s.owner) out += fmt::format("\t[{}]", s.owner->name);
        out += "\n";
    }
    return out;
}

struct ProcEntry {
    const char* path;
    umode_t mode;
    std::function<std::string(Kernel&, const Task&)> show;
};

// Every /proc file, in one table.
const std::vector<ProcEntry>& proc_entries() {
    static const std::vector<ProcEntry> entries = {
        {"modules", 0444, proc_modules},
        {"devices", 0444, proc_devices},
        {"kallsyms", 0444, proc_kallsyms},
        {"version", 0444,
         [](Kernel&, const Task&) {
             return fmt::format("Linux version {} (simkernel) #1 SMP PREEMPT_DYNAMIC\n", UTS_RELEASE);
         }},
        {"sys/kernel/tainted", 0644,
         [](Kernel& k, const Task&) { return fmt::format("{}\n", k.tainted()); }},
        {"sys/kernel/printk", 0644,
         [](Kernel& k, const Task&) {
             return fmt::format("{}\t{}\t{}\t{}\n", k.log.console_loglevel(),
                                LogBuffer::kDefaultMessageLevel, 1, 7);
         }},
        {"sys/kernel/osrelease", 0444,
         [](Kernel&, const Task&) { return std::string(UTS_RELEASE) + "\n"; }},
    };
    return entries;
}

// The directories are the prefixes of the entries' paths.
bool list_dir(const std::string& dir, std::vector<DirEntry>* out) {
    bool found = dir.empty();
    std::string prefix = dir.empty() ? "" : dir + "/";
    for (const ProcEntry& e : proc_entries()) {
        std::string path = e.path;
        if (path.compare(0, prefix.size(), prefix) != 0) continue;
        found = true;
        std::string rest = path.substr(prefix.size());
        size_t slash = rest.find('/');
        DirEntry d{rest.substr(0, slash), static_cast<unsigned char>(slash == std::string::npos ? DT_REG : DT_DIR)};
        bool dup = false;
        for (const DirEntry& x : *out) dup = dup || x.name == d.name;
        if (!dup) out->push_back(d);
    }
    return found;
}

// /proc/<pid>/{status,comm}: one directory per task (and /proc/self).
struct PidPath {
    Task* task = nullptr;
    std::string file;  // "" for the directory itself
};

bool parse_pid_path(Kernel& k, const Task& t, const std::string& rel, PidPath* out) {
    size_t slash = rel.find('/');
    std::string first = rel.substr(0, slash);
    pid_t pid = 0;
    if (first == "self") pid = t.pid;
    else if (!first.empty() && first.find_first_not_of("0123456789") == std::string::npos) pid = std::stoi(first);
    else return false;
    out->task = k.tasks.find(pid);
    out->file = slash == std::string::npos ? "" : rel.substr(slash + 1);
    return out->task != nullptr;
}

std::string pid_file(const Task& p, const std::string& file) {
    if (file == "comm") return p.comm + "\n";
    if (file == "status") {
        const char* state = p.state() == TASK_RUNNING           ? "R (running)"
                            : p.state() == TASK_UNINTERRUPTIBLE ? "D (disk sleep)"
                            : p.state() == EXIT_ZOMBIE          ? "Z (zombie)"
                                                                    : "S (sleeping)";
        return fmt::format(
            "Name:\t{}\nState:\t{}\nPid:\t{}\nPPid:\t{}\nUid:\t{}\t{}\t{}\t{}\nGid:\t{}\t{}\t{}\t{}\nKthread:\t{}\n",
            p.comm, state, p.pid, p.ppid, p.uid, p.uid, p.uid, p.uid, p.gid, p.gid, p.gid, p.gid, p.kthread ? 1 : 0);
    }
    return {};
}

const ProcEntry* find_entry(const std::string& rel) {
    for (const ProcEntry& e : proc_entries())
        if (rel == e.path) return &e;
    return nullptr;
}

// Reads the snapshot taken at open.
ssize_t proc_read(struct file* f, char* buf, size_t count, loff_t* pos) {
    const std::string& s = kfile(f)->content;
    if (*pos < 0) return -EINVAL;
    if (static_cast<size_t>(*pos) >= s.size()) return 0;
    size_t n = std::min(count, s.size() - static_cast<size_t>(*pos));
    if (copy_to_user(buf, s.data() + *pos, n)) return -EFAULT;
    *pos += static_cast<loff_t>(n);
    return static_cast<ssize_t>(n);
}

// A module's /proc file: its proc_ops, reached through these trampolines
// (Linux's proc_reg_file_ops), so a missing operation answers as Linux does.
const struct proc_ops* pops(struct file* f) { return static_cast<const struct proc_ops*>(kfile(f)->fs_private); }

int proc_reg_open(struct inode* inode, struct file* f) {
    return pops(f)->proc_open ? pops(f)->proc_open(inode, f) : 0;
}
ssize_t proc_reg_read(struct file* f, char* buf, size_t n, loff_t* pos) {
    return pops(f)->proc_read ? pops(f)->proc_read(f, buf, n, pos) : -EIO;
}
ssize_t proc_reg_write(struct file* f, const char* buf, size_t n, loff_t* pos) {
    return pops(f)->proc_write ? pops(f)->proc_write(f, buf, n, pos) : -EIO;
}
loff_t proc_reg_llseek(struct file* f, loff_t off, int whence) {
    return pops(f)->proc_lseek ? pops(f)->proc_lseek(f, off, whence) : default_llseek(f, off, whence);
}
long proc_reg_ioctl(struct file* f, unsigned cmd, unsigned long arg) {
    return pops(f)->proc_ioctl ? pops(f)->proc_ioctl(f, cmd, arg) : -ENOTTY;
}
int proc_reg_release(struct inode* inode, struct file* f) {
    return pops(f)->proc_release ? pops(f)->proc_release(inode, f) : 0;
}

const struct file_operations proc_reg_fops = {
    .owner = nullptr,
    .llseek = proc_reg_llseek,
    .read = proc_reg_read,
    .write = proc_reg_write,
    .unlocked_ioctl = proc_reg_ioctl,
    .compat_ioctl = nullptr,
    .open = nullptr,
    .flush = nullptr,
    .release = proc_reg_release,
};

bool may_access(const Task& t, umode_t mode, int flags) {
    if (t.uid == 0) return true;
    int acc = flags & O_ACCMODE;
    if ((acc == O_RDONLY || acc == O_RDWR) && !(mode & 0004)) return false;
    if ((acc == O_WRONLY || acc == O_RDWR) && !(mode & 0002)) return false;
    return true;
}

// Opens a module's entry; 1 if there is none by that path.
long open_module_entry(Kernel& k, Task& t, const std::string& rel, int flags, KFile* kf) {
    auto e = k.proc.find(rel);
    if (!e) return 1;
    if (e->is_dir) {
        if ((flags & O_ACCMODE) != O_RDONLY) return -EISDIR;
        kf->is_dir = true;
        kf->inode.i_mode = S_IFDIR | 0555;
        kf->f.f_op = &dir_fops;
        for (const proc_dir_entry& c : k.proc.children(rel))
            kf->dir.push_back({c.path.substr(c.path.find_last_of('/') + 1), static_cast<unsigned char>(c.is_dir ? DT_DIR : DT_REG)});
        return 0;
    }
    if (!may_access(t, e->mode, flags)) return -EACCES;
    if (!module_get(e->owner)) return -ENOENT;  // its module is going away
    kf->module = e->owner;
    kf->inode.i_mode = S_IFREG | (e->mode & 0777);
    kf->inode.i_private = e->data;
    kf->fs_private = e->ops;
    kf->f.f_op = &proc_reg_fops;
    if (int err = proc_reg_open(&kf->inode, &kf->f)) {
        kf->f.f_op = nullptr;  // no release: the open did not happen
        return err;            // vfs_open's cleanup drops the module reference
    }
    return 0;
}

const struct file_operations proc_fops = {
    .owner = nullptr,
    .llseek = default_llseek,
    .read = proc_read,
};

}  // namespace

long procfs_open(Kernel& k, Task& t, const ResolvedPath& p, int flags, KFile* kf) {
    if (PidPath pp; parse_pid_path(k, t, p.rel, &pp)) {
        if ((flags & O_ACCMODE) != O_RDONLY) return -EACCES;
        if (pp.file.empty()) {
            kf->is_dir = true;
            kf->inode.i_mode = S_IFDIR | 0555;
            kf->f.f_op = &dir_fops;
            kf->dir = {{"comm", DT_REG}, {"status", DT_REG}};
            return 0;
        }
        kf->content = pid_file(*pp.task, pp.file);
        if (kf->content.empty()) return -ENOENT;
        kf->inode.i_mode = S_IFREG | 0444;
        kf->f.f_op = &proc_fops;
        return 0;
    }
    if (const ProcEntry* e = find_entry(p.rel)) {
        int acc = flags & O_ACCMODE;
        bool wants_write = acc == O_WRONLY || acc == O_RDWR;
        if (wants_write && !(t.uid == 0 && (e->mode & 0200))) return -EACCES;
        kf->inode.i_mode = S_IFREG | e->mode;
        kf->content = e->show(k, t);
        kf->inode.i_size = 0;  // as Linux: /proc files report size 0
        kf->f.f_op = &proc_fops;
        return 0;
    }
    if (long r = open_module_entry(k, t, p.rel, flags, kf); r != 1) return r;
    if (!list_dir(p.rel, &kf->dir)) return -ENOENT;
    for (const proc_dir_entry& c : k.proc.children(p.rel))
        kf->dir.push_back({c.path.substr(c.path.find_last_of('/') + 1), static_cast<unsigned char>(c.is_dir ? DT_DIR : DT_REG)});
    if (p.rel.empty()) {
        kf->dir.push_back({"self", DT_DIR});
        for (Task* task : k.tasks.all()) kf->dir.push_back({std::to_string(task->pid), DT_DIR});
    }
    kf->is_dir = true;
    kf->inode.i_mode = S_IFDIR | 0555;
    kf->f.f_op = &dir_fops;
    return 0;
}

long procfs_stat(Kernel& k, const ResolvedPath& p, struct stat* st) {
    memset(st, 0, sizeof *st);
    st->st_mtime = st->st_atime = st->st_ctime = k.boot_time();
    PidPath pp;
    if (Task* self = current_task(); self && parse_pid_path(k, *self, p.rel, &pp)) {
        if (pp.file.empty()) {
            st->st_mode = S_IFDIR | 0555;
            st->st_nlink = 2;
        } else if (pp.file == "comm" || pp.file == "status") {
            st->st_mode = S_IFREG | 0444;
            st->st_nlink = 1;
        } else {
            return -ENOENT;
        }
        st->st_uid = st->st_gid = pp.task->uid;
        return 0;
    }
    if (const ProcEntry* e = find_entry(p.rel)) {
        st->st_mode = S_IFREG | e->mode;
        st->st_nlink = 1;
        return 0;
    }
    if (auto e = k.proc.find(p.rel)) {
        st->st_mode = e->is_dir ? (S_IFDIR | 0555) : (S_IFREG | (e->mode & 0777));
        st->st_nlink = e->is_dir ? 2 : 1;
        return 0;
    }
    std::vector<DirEntry> ignored;
    if (!list_dir(p.rel, &ignored)) return -ENOENT;
    st->st_mode = S_IFDIR | 0555;
    st->st_nlink = 2;
    return 0;
}

}  // namespace sk

// procfs.cpp - /proc: files whose text the kernel writes when they are
// opened (a snapshot, as seq_file gives for small files).
#include <simkernel/debug_files.hpp>
#include <simkernel/fault_inject.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/module_calls.hpp>
#include <simkernel/permission.hpp>
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
    // insmod and rmmod change the list and the holders under this lock (a
    // background rmmod could free a module read here); Linux reads under RCU.
    std::lock_guard serial(k.modules.load_mutex());
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
    // A writable sysctl: takes what root wrote; 0 or -EINVAL.
    std::function<int(Kernel&, const std::string&)> store = nullptr;
};

// A sysctl holding one whole number in [lo, hi].
std::function<int(Kernel&, const std::string&)> store_int(std::atomic<int> Watchdog::*field, int lo, int hi) {
    return [field, lo, hi](Kernel& k, const std::string& text) {
        int v = 0;
        if (kstrtoint(text.c_str(), 10, &v) || v < lo || v > hi) return -EINVAL;
        (k.watchdog.*field).store(v);
        return 0;
    };
}

// Every /proc file, in one table.
const std::vector<ProcEntry>& proc_entries() {
    static const std::vector<ProcEntry> entries = [] {
      std::vector<ProcEntry> v = {
        {"modules", 0444, proc_modules},
        {"devices", 0444, proc_devices},
        {"kallsyms", 0444, proc_kallsyms},
        {"ioports", 0444, [](Kernel& k, const Task& t) { return k.ioports.show(t.uid == 0); }},
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
        // The watchdog (watchdog.cpp): a soft lockup after twice this many seconds.
        {"sys/kernel/watchdog_thresh", 0644,
         [](Kernel& k, const Task&) { return fmt::format("{}\n", k.watchdog.watchdog_thresh.load()); },
         store_int(&Watchdog::watchdog_thresh, 0, 60)},
        {"sys/kernel/hung_task_timeout_secs", 0644,
         [](Kernel& k, const Task&) { return fmt::format("{}\n", k.watchdog.hung_task_timeout_secs.load()); },
         store_int(&Watchdog::hung_task_timeout_secs, 0, 1 << 20)},
        {"sys/kernel/osrelease", 0444,
         [](Kernel&, const Task&) { return std::string(UTS_RELEASE) + "\n"; }},
      };
      // The debugging checks' files (debug_files.cpp): slabinfo, prove_locking, failslab, ...
      for (const DebugFile& d : debug_files())
          v.push_back({d.path.c_str(), static_cast<umode_t>(d.mode),
                       [&d](Kernel& k, const Task&) { return d.show(k); }, d.store});
      return v;
    }();
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
// A task may exit at any moment (a background job): its fields are read
// only under the task table's lock (TaskTable::with_task).
struct PidPath {
    pid_t pid = 0;
    std::string file;  // "" for the directory itself
};

bool parse_pid_path(Kernel& k, const Task& t, const std::string& rel, PidPath* out) {
    size_t slash = rel.find('/');
    std::string first = rel.substr(0, slash);
    pid_t pid = 0;
    if (first == "self") pid = t.pid;
    else if (!first.empty() && first.find_first_not_of("0123456789") == std::string::npos) pid = std::stoi(first);
    else return false;
    out->pid = pid;
    out->file = slash == std::string::npos ? "" : rel.substr(slash + 1);
    return k.tasks.with_task(pid, [](const Task&) {});
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
            p.comm, state, p.pid, p.ppid, p.uid, p.uid, p.suid, p.uid, p.gid, p.gid, p.sgid, p.gid, p.kthread ? 1 : 0);
    }
    return {};
}

const ProcEntry* find_entry(const std::string& rel) {
    for (const ProcEntry& e : proc_entries())
        if (rel == e.path) return &e;
    return nullptr;
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
    int acc = flags & O_ACCMODE;
    int mask = (acc != O_WRONLY ? kMayRead : 0) | (acc != O_RDONLY ? kMayWrite : 0);
    if (!sk::may_access(t, e->uid, e->gid, e->mode, mask)) return -EACCES;  // proc_set_user's owner
    if (!module_get(e->owner)) return -ENOENT;  // its module is going away
    kf->module = e->owner;
    kf->inode.i_mode = S_IFREG | (e->mode & 0777);
    kf->inode.i_size = e->size;  // proc_set_size
    kf->inode.i_uid = e->uid;
    kf->inode.i_gid = e->gid;
    kf->inode.i_private = e->data;
    kf->fs_private = e->ops;
    kf->f.f_op = &proc_reg_fops;
    int err;
    {
        ModuleCall call(e->owner);  // its proc_open may sleep: rmmod -f waits for it
        err = call ? proc_reg_open(&kf->inode, &kf->f) : -ENODEV;
        if (err == 0 && module_closed(e->owner)) err = -ENODEV;  // forced out meanwhile
    }
    if (err) {
        kf->f.f_op = nullptr;  // no release: the open did not happen
        return err;            // vfs_open's cleanup drops the module reference
    }
    return 0;
}

const struct file_operations proc_fops = {
    .owner = nullptr,
    .llseek = default_llseek,
    .read = snapshot_read,
};

// A write to a sysctl: the whole value in one write, as proc_dointvec takes it.
ssize_t proc_sys_write(struct file* f, const char* buf, size_t count, loff_t*) {
    auto* e = static_cast<const ProcEntry*>(kfile(f)->fs_private);
    std::string text(std::min<size_t>(count, 64), '\0');
    if (copy_from_user(text.data(), buf, text.size())) return -EFAULT;
    int err = e->store(kernel(), text);
    return err ? err : static_cast<ssize_t>(count);
}

// /proc/<pid>/fail-nth (fault_inject.cpp): the task's N-th fallible call fails.
ssize_t fail_nth_write(struct file* f, const char* buf, size_t count, loff_t*) {
    std::string text(std::min<size_t>(count, 32), '\0');
    if (copy_from_user(text.data(), buf, text.size())) return -EFAULT;
    auto pid = static_cast<pid_t>(reinterpret_cast<intptr_t>(kfile(f)->fs_private));
    int err = fail_nth_set(pid, text);
    return err ? err : static_cast<ssize_t>(count);
}

const struct file_operations fail_nth_fops = {
    .owner = nullptr,
    .llseek = default_llseek,
    .read = snapshot_read,
    .write = fail_nth_write,
};

const struct file_operations proc_sys_fops = {
    .owner = nullptr,
    .llseek = default_llseek,
    .read = snapshot_read,
    .write = proc_sys_write,
};

long procfs_open(Kernel& k, Task& t, const ResolvedPath& p, int flags, umode_t, KFile* kf) {
    if (PidPath pp; parse_pid_path(k, t, p.rel, &pp)) {
        if (pp.file == "fail-nth") {  // 0644, the task's owner's (and root's)
            uid_t owner = 0;
            k.tasks.with_task(pp.pid, [&](const Task& task) { owner = task.uid; });
            if ((flags & O_ACCMODE) != O_RDONLY && t.uid != 0 && t.uid != owner) return -EACCES;
            kf->content = fmt::format("{}\n", fail_nth_get(pp.pid));
            kf->inode.i_mode = S_IFREG | 0644;
            kf->f.f_op = &fail_nth_fops;
            kf->fs_private = reinterpret_cast<void*>(static_cast<intptr_t>(pp.pid));
            return 0;
        }
        if ((flags & O_ACCMODE) != O_RDONLY) return -EACCES;
        if (pp.file.empty()) {
            kf->is_dir = true;
            kf->inode.i_mode = S_IFDIR | 0555;
            kf->f.f_op = &dir_fops;
            kf->dir = {{"comm", DT_REG}, {"fail-nth", DT_REG}, {"status", DT_REG}};
            return 0;
        }
        if (!k.tasks.with_task(pp.pid, [&](const Task& task) { kf->content = pid_file(task, pp.file); }))
            return -ENOENT;  // it exited meanwhile
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
        kf->f.f_op = e->store ? &proc_sys_fops : &proc_fops;
        kf->fs_private = e;
        return 0;
    }
    if (long r = open_module_entry(k, t, p.rel, flags, kf); r != 1) return r;
    if (!list_dir(p.rel, &kf->dir)) return -ENOENT;
    for (const proc_dir_entry& c : k.proc.children(p.rel))
        kf->dir.push_back({c.path.substr(c.path.find_last_of('/') + 1), static_cast<unsigned char>(c.is_dir ? DT_DIR : DT_REG)});
    if (p.rel.empty()) {
        kf->dir.push_back({"self", DT_DIR});
        k.tasks.for_each([&](Task* task) { kf->dir.push_back({std::to_string(task->pid), DT_DIR}); });
    }
    kf->is_dir = true;
    kf->inode.i_mode = S_IFDIR | 0555;
    kf->f.f_op = &dir_fops;
    return 0;
}

long procfs_stat(Kernel& k, Task& t, const ResolvedPath& p, struct stat* st) {
    memset(st, 0, sizeof *st);
    st->st_mtime = st->st_atime = st->st_ctime = k.boot_time();
    PidPath pp;
    if (parse_pid_path(k, t, p.rel, &pp)) {
        if (pp.file.empty()) {
            st->st_mode = S_IFDIR | 0555;
            st->st_nlink = 2;
        } else if (pp.file == "comm" || pp.file == "status" || pp.file == "fail-nth") {
            st->st_mode = S_IFREG | (pp.file == "fail-nth" ? 0644 : 0444);
            st->st_nlink = 1;
        } else {
            return -ENOENT;
        }
        k.tasks.with_task(pp.pid, [&](const Task& task) { st->st_uid = st->st_gid = task.uid; });
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
        st->st_size = e->size;  // proc_set_size, proc_set_user
        st->st_uid = e->uid;
        st->st_gid = e->gid;
        return 0;
    }
    std::vector<DirEntry> ignored;
    if (!list_dir(p.rel, &ignored)) return -ENOENT;
    st->st_mode = S_IFDIR | 0555;
    st->st_nlink = 2;
    return 0;
}

}  // namespace

const FsOps procfs_ops = {
    .name = "proc",
    .open = procfs_open,
    .stat = procfs_stat,
};

}  // namespace sk

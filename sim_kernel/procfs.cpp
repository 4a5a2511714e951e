// procfs.cpp - /proc: files whose text the kernel writes when they are
// opened (a snapshot, as seq_file gives for small files).
#include <simkernel/kernel.hpp>
#include <simkernel/vfs.hpp>

#include <fmt/format.h>

#include <dirent.h>
#include <functional>

namespace sk {

namespace {

// /proc/modules: "name size refcount holders, state address (taints)".
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
        std::string taints = taint_letters(m->taints, true);
        if (!taints.empty()) out += " (" + taints + ")";
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

const struct file_operations proc_fops = {
    .owner = nullptr,
    .llseek = default_llseek,
    .read = proc_read,
};

}  // namespace

long procfs_open(Kernel& k, Task& t, const ResolvedPath& p, int flags, KFile* kf) {
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
    if (!list_dir(p.rel, &kf->dir)) return -ENOENT;
    kf->is_dir = true;
    kf->inode.i_mode = S_IFDIR | 0555;
    kf->f.f_op = &dir_fops;
    return 0;
}

long procfs_stat(Kernel& k, const ResolvedPath& p, struct stat* st) {
    memset(st, 0, sizeof *st);
    st->st_mtime = st->st_atime = st->st_ctime = k.boot_time();
    if (const ProcEntry* e = find_entry(p.rel)) {
        st->st_mode = S_IFREG | e->mode;
        st->st_nlink = 1;
        return 0;
    }
    std::vector<DirEntry> ignored;
    if (!list_dir(p.rel, &ignored)) return -ENOENT;
    st->st_mode = S_IFDIR | 0555;
    st->st_nlink = 2;
    return 0;
}

}  // namespace sk

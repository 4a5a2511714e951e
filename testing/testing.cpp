// testing.cpp - see <simkernel/testing.hpp>.
#include <simkernel/testing.hpp>

#include <simkernel/elf_image.hpp>
#include <simkernel/fault_inject.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace skt {

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "simkernel-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

TestKernel::TestKernel(BootConfig cfg) {
    sk::BootOptions o;
    o.root = dir_.path();
    o.console = [this](std::string_view s) { console_.append(s); };
    o.log_buf_len = cfg.log_buf_len;
    o.builtin_drivers = cfg.builtin_drivers;
    o.log_to_file = cfg.log_to_file;
    kernel_.emplace(std::move(o));
    root_task = kernel_->tasks.spawn(kernel_->init_task(), "test-root", 0, 0);
    user_task = kernel_->tasks.spawn(kernel_->init_task(), "test-user", 1000, 1000);
    as_root();
}

TestKernel::~TestKernel() { shutdown(); }

void TestKernel::shutdown() {
    kernel_.reset();
    root_task = user_task = nullptr;
    other_tasks_.clear();
    sk::user::bind_thread(nullptr);
}

sk::Task* TestKernel::as(uid_t uid, gid_t gid) {
    sk::Task* t = nullptr;
    for (sk::Task* c : {root_task, user_task})
        if (c->uid == uid && c->gid == gid) t = c;
    for (sk::Task* c : other_tasks_)
        if (c->uid == uid && c->gid == gid) t = c;
    if (!t) {
        t = kernel_->tasks.spawn(kernel_->init_task(), fmt::format("test-{}", uid), uid, gid);
        other_tasks_.push_back(t);
    }
    sk::user::bind_thread(t);
    return t;
}

long TestKernel::insmod(const std::filesystem::path& ko, const std::string& params) {
    std::vector<char> image = read_host_file(ko);
    sk::Task* was = sk::user::bound_task();
    as_root();
    long r = skt::insmod(image, params.c_str());
    sk::user::bind_thread(was);
    return r;
}

long TestKernel::rmmod(const std::string& name, unsigned flags) {
    sk::Task* was = sk::user::bound_task();
    as_root();
    long r = skt::rmmod(name.c_str(), flags);
    sk::user::bind_thread(was);
    return r;
}

std::string TestKernel::log_text() const {
    std::string out;
    for (const sk::LogRecord& r : kernel_->log.snapshot()) out += r.text + "\n";
    return out;
}

bool TestKernel::log_contains(std::string_view s) const {
    return log_text().find(s) != std::string::npos;
}

std::string kernel_state(sk::Kernel& k) {
    std::string s;
    for (sk::Module* m : k.modules.all())
        s += fmt::format("module {} {} refcnt={} holders={}\n", m->name, sk::state_name(m->state.load()),
                         m->refcnt.load(), m->used_by.size());
    for (const sk::ChrdevRegion& r : k.chrdevs.all())
        s += fmt::format("chrdev {}:{}+{} \"{}\" fops={} owner={}\n", r.major, r.baseminor, r.count, r.name,
                         static_cast<const void*>(r.fops), r.owner ? r.owner->name : "-");
    for (const sk::DevNode& n : k.devfs.list())
        s += fmt::format("node /dev/{} mode={:o} uid={} gid={} {}:{}\n", n.name, n.mode, n.uid, n.gid,
                         MAJOR(n.rdev), MINOR(n.rdev));
    for (const std::string& cls : k.devfs.class_names()) {
        std::vector<std::string> devices;
        k.devfs.class_device_names(cls, &devices);
        s += fmt::format("class /sys/class/{} devices={}\n", cls, fmt::join(devices, ","));
    }
    // /proc entries of modules, depth first.
    std::vector<std::string> dirs{""};
    while (!dirs.empty()) {
        std::string dir = dirs.back();
        dirs.pop_back();
        for (const proc_dir_entry& e : k.proc.children(dir)) {
            s += fmt::format("proc /proc/{} mode={:o}{}\n", e.path, e.mode, e.is_dir ? " dir" : "");
            if (e.is_dir) dirs.push_back(e.path);
        }
    }
    s += fmt::format("symbols {}\n", k.symbols.size());
    for (const sk::KernelSymbol& sym : k.symbols.all())
        if (sym.owner) s += fmt::format("symbol {} [{}]\n", sym.name, sym.owner->name);
    for (const auto& [irq, a] : k.irqs.all())
        s += fmt::format("irq {} \"{}\" dev_id={} owner={}\n", irq, a.name, a.dev_id,
                         a.owner ? a.owner->name : "-");
    sk::AllocStats mem = k.slab.total();
    s += fmt::format("kmalloc {} allocations, {} bytes\n", mem.count, mem.bytes);
    for (sk::Task* t : k.tasks.all())
        s += fmt::format("task {} {} fds={}\n", t->pid, t->comm, fmt::join(t->files.open_fds(), ","));
    return s;
}

std::vector<std::string> state_diff(const std::string& before, const std::string& after) {
    auto lines = [](const std::string& text) {
        std::vector<std::string> out;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) out.push_back(line);
        return out;
    };
    std::vector<std::string> a = lines(before), b = lines(after), out;
    for (const std::string& l : b)
        if (std::find(a.begin(), a.end(), l) == a.end()) out.push_back("+" + l);
    for (const std::string& l : a)
        if (std::find(b.begin(), b.end(), l) == b.end()) out.push_back("-" + l);
    return out;
}

namespace {

long write_text(const char* path, const std::string& text) {
    long fd = sk::user::open(path, O_WRONLY);
    if (fd < 0) return fd;
    long n = sk::user::write(static_cast<int>(fd), text.data(), text.size());
    sk::user::close(static_cast<int>(fd));
    return n;
}

// The log records after sequence number `after`.
std::vector<std::string> log_since(sk::Kernel& k, uint64_t after) {
    std::vector<std::string> out;
    for (const sk::LogRecord& r : k.log.snapshot())
        if (r.seq > after) out.push_back(r.text);
    return out;
}

uint64_t last_seq(sk::Kernel& k) {
    std::vector<sk::LogRecord> all = k.log.snapshot();
    return all.empty() ? 0 : all.back().seq;
}

// "failslab: failed cdev_add in fn+0x5/0x20 [mod]" (fault_inject.cpp).
void note_failed_call(const std::vector<std::string>& log, InjectedLoad* r) {
    static const std::string tag = "failslab: failed ";
    for (const std::string& line : log) {
        size_t at = line.find(tag);
        if (at == std::string::npos) continue;
        std::string rest = line.substr(at + tag.size());
        size_t in = rest.find(" in ");
        r->api = rest.substr(0, in);
        r->site = in == std::string::npos ? "?" : rest.substr(in + 4);
        if (size_t mod = r->site.find(" ["); mod != std::string::npos) r->site.resize(mod);
    }
}

// What the kernel had to clean up for the module (free_module's "X: left
// ... ; the kernel removed it", "X: leaked ..."), and bug reports.
void note_leftovers(const std::string& module, const std::vector<std::string>& log, InjectedLoad* r) {
    const std::string left = module + ": left ", leaked = module + ": leaked ";
    for (const std::string& line : log) {
        std::string what;
        if (line.rfind(left, 0) == 0) what = line.substr(left.size());
        else if (line.rfind(leaked, 0) == 0) what = "leaked " + line.substr(leaked.size());
        else if (line.rfind("BUG", 0) == 0 || line.rfind("WARNING:", 0) == 0) what = line;
        else continue;
        if (size_t c = what.find("; the kernel"); c != std::string::npos) what.resize(c);
        if (what.size() > 7 && what.ends_with(" behind")) what.resize(what.size() - 7);
        r->left_behind.push_back(what);
    }
}

// -12 as "-ENOMEM", as failtest and strace name it.
std::string errno_text(long err) {
    if (err >= 0) return std::to_string(err);
    const char* name = strerrorname_np(static_cast<int>(-err));
    return name ? fmt::format("-{}", name) : fmt::format("-{}", -err);
}

// The module's name, as the kernel will know it: .modinfo's name=, else
// the file's stem.
std::string module_name_of(const std::vector<char>& image, const std::filesystem::path& ko) {
    sk::ElfImage elf;
    std::string why;
    if (sk::parse_elf_image(image.data(), image.size(), &elf, &why) && !elf.info("name").empty())
        return elf.info("name");
    return ko.stem().string();
}

}  // namespace

void fail_nth(int n) {
    // A test that armed nothing would pass for the wrong reason: say so.
    if (long err = write_text("/proc/self/fail-nth", std::to_string(n)); err < 0)
        throw std::runtime_error(fmt::format("skt::fail_nth({}): writing /proc/self/fail-nth failed: {}", n,
                                             errno_text(err)));
}

int fail_nth_left() {
    std::string text;
    if (sk::user::read_file("/proc/self/fail-nth", &text) < 0) return 0;
    return std::atoi(text.c_str());
}

std::string InjectedLoad::describe() const {
    std::string s = injected ? fmt::format("fallible call {} ({} in {}) made to fail: ", call, api, site)
                             : fmt::format("the load made fewer than {} fallible calls, so none failed: ", call);
    s += result < 0 ? fmt::format("insmod returned {}", errno_text(result))
                    : injected ? "insmod succeeded: the module ignored the failure" : "insmod ok";
    if (result == 0) s += unload_result < 0 ? fmt::format(", rmmod returned {}", errno_text(unload_result)) : ", rmmod ok";
    if (left_behind.empty()) s += "; nothing left behind";
    for (const std::string& l : left_behind) s += "\n  left behind: " + l;
    return s;
}

InjectedLoad TestKernel::insmod_failing(const std::filesystem::path& ko, int n, const std::string& params) {
    std::vector<char> image = read_host_file(ko);
    const std::string module = module_name_of(image, ko);
    if (n < 1) throw std::invalid_argument(fmt::format("skt::insmod_failing: call {}: the calls count from 1", n));
    InjectedLoad r;
    r.call = n;
    sk::Task* was = sk::user::bound_task();
    as_root();
    const std::string before = kernel_state(*kernel_);
    const uint64_t seq = last_seq(*kernel_);
    // fail-nth is kept per pid for the whole process: whatever happens in
    // init (an Oops kills the task), the pid is disarmed afterwards, so that
    // nothing later, in this kernel or the next test's, fails by surprise.
    struct Disarm {
        pid_t pid;
        ~Disarm() { sk::fail_nth_set(pid, "0"); }
    } disarm{root_task->pid};
    fail_nth(n);
    r.result = skt::insmod(image, params.c_str());
    r.injected = fail_nth_left() == 0;
    fail_nth(0);
    std::vector<std::string> said = log_since(*kernel_, seq);
    if (r.injected) note_failed_call(said, &r);
    note_leftovers(module, said, &r);
    if (r.result == 0) {  // loaded: unloading must leave nothing either
        const uint64_t seq2 = last_seq(*kernel_);
        r.unload_result = skt::rmmod(module.c_str(), O_NONBLOCK);
        if (r.unload_result < 0) r.left_behind.push_back("module " + module + " (rmmod failed)");
        note_leftovers(module, log_since(*kernel_, seq2), &r);
    }
    for (const std::string& d : state_diff(before, kernel_state(*kernel_))) r.left_behind.push_back("kernel state " + d);
    sk::user::bind_thread(was);
    return r;
}

std::vector<InjectedLoad> TestKernel::insmod_each_failure(const std::filesystem::path& ko, const std::string& params) {
    constexpr int kMaxCalls = 500;  // an init making more is looping
    std::vector<InjectedLoad> out;
    for (int n = 1; n <= kMaxCalls; ++n) {
        out.push_back(insmod_failing(ko, n, params));
        if (!out.back().injected) break;
    }
    return out;
}

std::vector<char> read_host_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

long insmod(const std::vector<char>& image, const char* params) {
    return sk::user::init_module(image.data(), image.size(), params);
}

long rmmod(const char* name, unsigned flags) { return sk::user::delete_module(name, flags); }

std::vector<std::string> module_names(sk::Kernel& k) {
    std::vector<std::string> out;
    for (sk::Module* m : k.modules.all()) out.push_back(m->name);
    return out;
}

}  // namespace skt

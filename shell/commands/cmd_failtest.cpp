// cmd_failtest.cpp - failtest: every error path of a module's init, one
// load per fallible call (simkernel's own; Linux has the pieces, fail-nth
// and failslab, but no tool that walks them).
//
//   failtest [--exit] FILE.ko [PARAMS]
//
// For n = 1, 2, ...: arm /proc/self/fail-nth with n, load the module, and
// read fail-nth back. 0 means the n-th fallible call (a kmalloc or a
// registration) was made to fail: the load must fail with that error, and
// the kernel must be exactly as before (no module, char device region,
// class, device, /proc entry, thread or memory left; the kernel's own
// clean-up lines "X: left ... behind" say what the module's error path
// forgot). Not 0: init made fewer than n calls, and the module loaded:
// it is then unloaded and checked the same way. --exit does the same for
// the fallible calls of the module's exit, one unload per call.
//
// It uses only what user space has: init_module and delete_module,
// /proc/self/fail-nth, the kernel log (syslog), and /proc, /sys, /dev.
#include "../commands.hpp"
#include "../shell.hpp"
#include "../tools/kmod.hpp"
#include "../tools/ufs.hpp"
#include "../tools/uio.hpp"

#include <simkernel/user.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace shell {

namespace {

constexpr int kMaxCalls = 200;  // a module making more is looping
enum SyslogAction { READ_ALL = 3, CONSOLE_LEVEL = 8, SIZE_BUFFER = 10 };

long write_proc(const std::string& path, const std::string& text) {
    long fd = sk::user::open(path.c_str(), O_WRONLY);
    if (fd < 0) return fd;
    long n = sk::user::write(static_cast<int>(fd), text.data(), text.size());
    sk::user::close(static_cast<int>(fd));
    return n < 0 ? n : 0;
}

std::string read_text(const std::string& path) {
    std::string out;
    sk::user::read_file(path.c_str(), &out);
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// The kernel log as lines of text, without "<level>[time] ".
std::vector<std::string> kernel_log() {
    long size = sk::user::syslog(SIZE_BUFFER, nullptr, 0);
    if (size <= 0) size = 1 << 17;
    std::string buf(static_cast<size_t>(size) * 2, '\0');
    long n = sk::user::syslog(READ_ALL, buf.data(), static_cast<int>(buf.size()));
    buf.resize(n > 0 ? static_cast<size_t>(n) : 0);
    std::vector<std::string> out;
    for (std::string line : lines_of(buf)) {
        size_t close = line.find("] ");
        if (!line.empty() && line[0] == '<' && close != std::string::npos) line = line.substr(close + 2);
        out.push_back(line);
    }
    return out;
}

// What the kernel said since `before` was read (lines past the old end).
std::vector<std::string> log_since(const std::vector<std::string>& before) {
    std::vector<std::string> now = kernel_log();
    size_t start = before.size() <= now.size() ? before.size() : 0;  // the ring wrapped: all of it
    return {now.begin() + static_cast<long>(start), now.end()};
}

// The kernel as user space sees it: what a module can leave behind.
std::string kernel_state() {
    std::string s;
    for (const std::string& line : lines_of(read_text("/proc/modules"))) {
        std::istringstream f(line);
        std::string name, size, refs;
        f >> name >> size >> refs;
        s += "module " + name + " refcount " + refs + "\n";
    }
    s += read_text("/proc/devices");
    for (const char* dir : {"/dev", "/sys/class", "/proc"}) {
        std::vector<tools::DirEntry> entries;
        tools::list_dir(dir, &entries);
        for (const tools::DirEntry& e : entries)
            if (!std::isdigit(static_cast<unsigned char>(e.name[0]))) s += fmt::format("{}/{}\n", dir, e.name);
    }
    std::vector<tools::DirEntry> procs;
    tools::list_dir("/proc", &procs);
    std::vector<std::string> threads;
    for (const tools::DirEntry& e : procs)
        if (std::isdigit(static_cast<unsigned char>(e.name[0])) && e.name != std::to_string(sk::user::getpid()))
            threads.push_back("task " + read_text("/proc/" + e.name + "/comm"));
    std::sort(threads.begin(), threads.end());
    for (const std::string& t : threads) s += t;
    for (const std::string& line : lines_of(read_text("/proc/slabinfo")))
        if (line.rfind("kmalloc-", 0) == 0 || line.rfind("#", 0) != 0) s += "slab " + line.substr(0, 30) + "\n";
    return s;
}

// Lines of a before/after pair that differ, as "+ line" / "- line".
std::vector<std::string> state_diff(const std::string& before, const std::string& after) {
    std::vector<std::string> a = lines_of(before), b = lines_of(after), out;
    for (const std::string& l : b)
        if (std::find(a.begin(), a.end(), l) == a.end()) out.push_back("+" + l);
    for (const std::string& l : a)
        if (std::find(b.begin(), b.end(), l) == b.end()) out.push_back("-" + l);
    return out;
}

struct Row {
    std::string call;    // "1", or "load"/"unload"
    std::string site;    // "my_init+0x1a/0x2c0 [mod]"
    std::string api;     // "kmalloc", "cdev_add"
    std::string result;  // "insmod failed: -ENOMEM"
    std::vector<std::string> left;
};

// "failslab: failed cdev_add in fn+0x5/0x20 [mod]" -> api, site.
void failed_call(const std::vector<std::string>& log, Row* row) {
    const std::string tag = "failslab: failed ";
    for (const std::string& line : log) {
        size_t at = line.find(tag);
        if (at == std::string::npos) continue;
        std::string rest = line.substr(at + tag.size());
        size_t in = rest.find(" in ");
        row->api = rest.substr(0, in);
        row->site = in == std::string::npos ? "?" : rest.substr(in + 4);
        size_t mod = row->site.find(" [");
        if (mod != std::string::npos) row->site.resize(mod);
    }
}

// What the kernel had to clean up for the module, and reports of bugs.
void leftovers(const std::string& module, const std::vector<std::string>& log, Row* row) {
    const std::string prefix = module + ": left ", leaked = module + ": leaked ";
    const std::string cleaned = "; the kernel";
    for (const std::string& line : log) {
        std::string what;
        if (line.rfind(prefix, 0) == 0) what = line.substr(prefix.size());
        else if (line.rfind(leaked, 0) == 0) what = "leaked " + line.substr(leaked.size());
        else if (line.rfind("BUG", 0) == 0 || line.rfind("WARNING:", 0) == 0) what = line;
        else continue;
        if (size_t c = what.find(cleaned); c != std::string::npos) what.resize(c);
        if (what.size() > 7 && what.compare(what.size() - 7, 7, " behind") == 0) what.resize(what.size() - 7);
        row->left.push_back(what);
    }
}

std::string error_name(long err) { return err < 0 ? "-" + tools::errno_name(static_cast<int>(-err)) : "0"; }

class FailTest {
public:
    FailTest(std::string file, std::string module, std::string image, std::string params)
        : file_(std::move(file)), module_(std::move(module)), image_(std::move(image)), params_(std::move(params)) {}

    long load() { return sk::user::init_module(image_.data(), image_.size(), params_.c_str()); }
    long unload() { return sk::user::delete_module(module_.c_str(), O_NONBLOCK); }

    // One call made to fail (n), or none (0): the row, and whether the n-th
    // call was reached. op is the load or the unload.
    bool run(int n, bool exit_path, Row* row) {
        std::string before = kernel_state();
        std::vector<std::string> log = kernel_log();
        if (n) write_proc("/proc/self/fail-nth", std::to_string(n));
        long err = exit_path ? unload() : load();
        int left = n ? std::stoi("0" + read_text("/proc/self/fail-nth")) : 1;
        if (n) write_proc("/proc/self/fail-nth", "0");
        bool injected = n && left == 0;
        std::vector<std::string> said = log_since(log);
        row->call = injected ? std::to_string(n) : (exit_path ? "unload" : "load");
        const char* op = exit_path ? "rmmod" : "insmod";
        if (injected) {
            failed_call(said, row);
            row->result = err < 0 ? fmt::format("{} failed: {}", op, error_name(err))
                                  : fmt::format("{} succeeded: the failure was ignored", op);
        } else {
            row->site = "-";
            row->api = "-";
            row->result = err < 0 ? fmt::format("{} failed: {}", op, error_name(err)) : fmt::format("{} ok", op);
        }
        leftovers(module_, said, row);
        if (exit_path) return injected;
        // A load that went through is undone, and that too is checked.
        if (err == 0) {
            std::vector<std::string> log2 = kernel_log();
            long uerr = unload();
            if (uerr < 0) row->result += fmt::format("; rmmod failed: {}", error_name(uerr));
            else if (!injected) row->result += ", rmmod ok";
            leftovers(module_, log_since(log2), row);
        }
        for (const std::string& d : state_diff(before, kernel_state())) row->left.push_back("kernel state " + d);
        return injected;
    }

private:
    std::string file_, module_, image_, params_;
};

void print_row(const Row& r) {
    std::string left = r.left.empty() ? "nothing" : r.left[0];
    tools::print("{:>6}  {:<32} {:<22} {:<30} {}\n", r.call, r.site, r.api, r.result, left);
    for (size_t i = 1; i < r.left.size(); ++i) tools::print("{:>6}  {:<32} {:<22} {:<30} {}\n", "", "", "", "", r.left[i]);
}

// Quiet console while the module is loaded again and again: the kernel's
// lines are in dmesg, the table says what matters.
class QuietConsole {
public:
    QuietConsole() {
        std::istringstream f(read_text("/proc/sys/kernel/printk"));
        f >> saved_;
        sk::user::syslog(CONSOLE_LEVEL, nullptr, 1);
    }
    ~QuietConsole() {
        if (saved_ > 0) sk::user::syslog(CONSOLE_LEVEL, nullptr, saved_);
    }

private:
    int saved_ = 0;
};

}  // namespace

int cmd_failtest(Shell&, const Args& argv) {
    bool exit_path = false;
    size_t i = 1;
    for (; i < argv.size() && argv[i][0] == '-'; ++i) {
        if (argv[i] == "--exit") exit_path = true;
        else {
            tools::eprint("failtest: unknown option '{}'\n", argv[i]);
            return 2;
        }
    }
    if (i >= argv.size()) {
        tools::eprint("usage: failtest [--exit] FILE.ko [PARAMS]\n");
        return 2;
    }
    const std::string file = argv[i];
    std::string params;
    for (size_t j = i + 1; j < argv.size(); ++j) params += (params.empty() ? "" : " ") + argv[j];
    std::string image;
    if (long err = tools::read_whole_file(file, &image)) {
        tools::eprint("failtest: {}: {}\n", file, tools::errno_text(static_cast<int>(-err)));
        return 1;
    }
    if (sk::user::getuid() != 0) {
        tools::eprint("failtest: loading modules needs root (sudo failtest ...)\n");
        return 1;
    }
    std::string module = tools::module_name_from_arg(file);
    {
        std::string mods = read_text("/proc/modules");
        for (const std::string& line : lines_of(mods))
            if (line.rfind(module + " ", 0) == 0) {
                tools::eprint("failtest: {} is loaded: rmmod it first\n", module);
                return 1;
            }
    }
    FailTest t(file, module, image, params);
    QuietConsole quiet;
    std::vector<Row> rows;
    int calls = 0, bad = 0;
    auto check = [&](const Row& r, bool injected) {
        bool ok = r.left.empty() && (!injected || r.result.find("failed") != std::string::npos);
        if (!ok) ++bad;
        print_row(r);
    };
    tools::print("{:>6}  {:<32} {:<22} {:<30} {}\n", "call", "call site", "API", "result", "left behind");
    if (!exit_path) {
        for (int n = 1; n <= kMaxCalls; ++n) {
            Row r;
            bool injected = t.run(n, false, &r);
            check(r, injected);
            if (!injected) break;
            ++calls;
        }
    } else {
        for (int n = 1; n <= kMaxCalls; ++n) {
            if (long err = t.load()) {
                tools::eprint("failtest: {} does not load: {}\n", file, error_name(err));
                return 1;
            }
            Row r;
            bool injected = t.run(n, true, &r);
            if (injected && r.result.find("rmmod failed") != std::string::npos) t.unload();
            check(r, injected);
            if (!injected) break;
            ++calls;
        }
    }
    const char* where = exit_path ? "exit" : "init";
    if (bad)
        tools::print("failtest: {}: {} of {} row{} not clean: {} left something behind or ignored a failure\n",
                     module, bad, calls + 1, calls ? "s" : "", where);
    else
        tools::print("failtest: {}: {} fallible call{} in {}, every error path clean\n", module, calls,
                     calls == 1 ? "" : "s", where);
    return bad ? 1 : 0;
}

}  // namespace shell

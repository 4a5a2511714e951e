// testing.hpp - the simkernel test kit: a kernel per test, modules loaded
// from .ko files, system calls as any user, the log, and the kernel's state
// as comparable text. Installed with simkernel; find_package(SimKernel)
// gives it as SimKernel::testing (docs/testing.md).
//
//   #include <simkernel/testing.hpp>
//   #include <simkernel/user.hpp>          // sk::user::open, read, write, ioctl, ...
//
//   skt::TestKernel k;                     // boots on a scratch root
//   std::string before = skt::kernel_state(k.k());
//   REQUIRE(k.insmod("build/hello.ko", "count=3") == 0);
//   k.as_user();                           // now uid 1000: system calls as the student
//   int fd = sk::user::open("/dev/hello", O_RDONLY, 0);
//   ...
//   k.as_root();
//   REQUIRE(k.rmmod("hello") == 0);
//   CHECK(skt::kernel_state(k.k()) == before);   // nothing left behind
//   CHECK(k.log_contains("hello: goodbye"));
//
//   for (const skt::InjectedLoad& r : k.insmod_each_failure("build/hello.ko")) {
//       INFO(r.describe());                // every error path of init, one load each
//       CHECK(r.clean());                  // failed with the error, left nothing behind
//   }
#pragma once

#include <simkernel/kernel.hpp>
#include <simkernel/user.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace skt {

// A scratch directory, removed with its contents.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// One load of a module with one fallible call of its init made to fail
// (fault injection: /proc/self/fail-nth, docs/debugging.md), and what it
// left behind.
struct InjectedLoad {
    int call = 0;           // the fallible call made to fail: 1, 2, ...
    bool injected = false;  // init reached that call (false: it made fewer, and loaded as usual)
    long result = 0;        // init_module's: 0 or -errno
    long unload_result = 0; // delete_module's, when the load succeeded (it is undone)
    std::string api;        // the call that failed: "kmalloc", "cdev_add", ...
    std::string site;       // where the module made it: "board_init+0x53/0x2da"
    // What was not put back: the kernel's clean-up lines for the module
    // ("left char device region 240:0-0 \"board\" registered", "leaked 128
    // bytes in 1 allocation"), BUG and WARNING reports, and each line of
    // kernel_state() that differs afterwards ("+node /dev/board ...").
    std::vector<std::string> left_behind;

    // The error path worked: the load failed (when the failure was
    // injected) and nothing was left behind.
    bool clean() const { return left_behind.empty() && (!injected || result < 0); }
    // One paragraph for a failure message: the call, its site, the result,
    // and what was left behind.
    std::string describe() const;
};

struct BootConfig {
    size_t log_buf_len = 128 * 1024;
    bool builtin_drivers = true;  // null, zero, kbd, console built in
    bool log_to_file = true;      // /var/log/system.log under the root
};

// One kernel for one test case, booted on a scratch root with its console
// captured. The calling thread makes system calls as root_task (uid 0)
// until as_user() (uid 1000) or as(uid, gid) is called.
class TestKernel {
public:
    explicit TestKernel(BootConfig cfg = {});
    ~TestKernel();
    TestKernel(const TestKernel&) = delete;
    TestKernel& operator=(const TestKernel&) = delete;

    sk::Kernel& k() { return *kernel_; }
    sk::Kernel* operator->() { return &*kernel_; }
    const std::filesystem::path& root() const { return dir_.path(); }

    void as_root() { sk::user::bind_thread(root_task); }
    void as_user() { sk::user::bind_thread(user_task); }
    // A task of this user and group (made on first use), bound to the thread.
    sk::Task* as(uid_t uid, gid_t gid);

    // init_module(2) with the file's bytes and parameters ("a=1 b=x"), as
    // root (the thread's task is put back afterwards): 0 or -errno.
    long insmod(const std::filesystem::path& ko, const std::string& params = "");
    // delete_module(2) as root: 0 or -errno.
    long rmmod(const std::string& name, unsigned flags = 0);

    // Fault injection (docs/testing.md). insmod() with the n-th fallible
    // call of the module's init (a kmalloc, a registration: whatever
    // /proc/self/fail-nth counts) failing, as its own allocation failing
    // would make it fail on Linux. If the load succeeds anyway (init made
    // fewer than n calls, or ignored the failure), the module is unloaded
    // again, so the kernel ends as it began if every path is right. n
    // counts from 1 (std::invalid_argument otherwise).
    InjectedLoad insmod_failing(const std::filesystem::path& ko, int n, const std::string& params = "");
    // Every error path of init: insmod_failing with n = 1, 2, ..., up to and
    // including the first load that reaches no n-th call (the full load).
    std::vector<InjectedLoad> insmod_each_failure(const std::filesystem::path& ko, const std::string& params = "");

    // Stops the kernel now (modules unloaded, log closed); console() and the
    // files under root() stay readable.
    void shutdown();

    // Everything the console received so far.
    const std::string& console() const { return console_; }
    // The text of every record in the ring buffer, one per line.
    std::string log_text() const;
    bool log_contains(std::string_view s) const;

    sk::Task* root_task = nullptr;  // uid 0
    sk::Task* user_task = nullptr;  // uid 1000, gid 1000

private:
    TempDir dir_;
    std::string console_;  // declared before the kernel: it outlives it
    std::optional<sk::Kernel> kernel_;
    std::vector<sk::Task*> other_tasks_;
};

// The kernel's state that a failed insmod (or a clean insmod + rmmod) must
// leave as it found it, as text so that a difference shows in the failure:
// the module list, char device regions, /dev nodes, device classes and
// their devices, /proc entries, the symbol table, IRQ handlers, kmalloc'ed
// memory, and every task (kernel threads too) with its open files.
std::string kernel_state(sk::Kernel& k);

// The lines of `after` not in `before` ("+line") and of `before` not in
// `after` ("-line"): what differs between two kernel_state()s.
std::vector<std::string> state_diff(const std::string& before, const std::string& after);

// Fault injection for the thread's task, through /proc/self/fail-nth: its
// n-th fallible call from now on fails (0 disarms; a negative n throws
// std::runtime_error, as the write fails with EINVAL). fail_nth_left()
// reads it back: the calls still to go, 0 once the failure was made (or if
// unarmed).
void fail_nth(int n);
int fail_nth_left();

std::vector<char> read_host_file(const std::filesystem::path& p);

// init_module(2) with the image's bytes, as the thread's task (insmod).
long insmod(const std::vector<char>& image, const char* params = "");
long rmmod(const char* name, unsigned flags = 0);

// The names of the loaded modules, in load order.
std::vector<std::string> module_names(sk::Kernel& k);

}  // namespace skt

// taint_tests.cpp - taint as Linux keeps it (docs/modules.md, part 5), the
// states /proc/modules and /sys/module show, and what rmmod -f does: each
// through the system calls a user-space tool would make.
#include "kmod_support.hpp"

#include <simkernel/loader.hpp>

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sstream>

using skt::insmod;
using skt::rmmod;
using skt::TestKernel;
namespace user = sk::user;
using kmt::proc_modules_line;
using kmt::read;

namespace {

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
}

// Where each line is in the log, to check their order.
size_t log_pos(TestKernel& tk, const std::string& what) {
    size_t p = tk.log_text().find(what);
    INFO(what);
    REQUIRE(p != std::string::npos);
    return p;
}

// finit_module(2) on build/modules/<name>.ko, as insmod -f and modprobe -f do.
long finsmod(const std::string& name, int flags, const char* params = "") {
    long fd = user::open(skt::module_path(name).c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    long err = user::finit_module(static_cast<int>(fd), params, flags);
    user::close(static_cast<int>(fd));
    return err;
}

constexpr unsigned long bit(unsigned b) { return 1UL << b; }
const std::string kLockdep = "Disabling lock debugging due to kernel taint";

}  // namespace

TEST_CASE("taint: a forced load taints F whatever its version magic, and says so once", "[taint]") {
    TestKernel tk;
    CHECK(read("/proc/sys/kernel/tainted") == "0\n");
    // kt_base's magic is right; forcing skips the check anyway (kmod strips
    // the magic), so Linux taints F all the same.
    REQUIRE(finsmod("kt_base", sk::kInitIgnoreVermagic) == 0);
    CHECK((tk->tainted() & bit(sk::TAINT_FORCED_MODULE)) != 0);
    CHECK(ends_with(proc_modules_line("kt_base"), " (FE)"));
    CHECK(read("/sys/module/kt_base/taint") == "FE\n");
    CHECK(count(tk.log_text(), "kt_base: bad vermagic: kernel tainted.") == 1);
    CHECK(count(tk.log_text(), kLockdep) == 1);
    CHECK(log_pos(tk, "kt_base: bad vermagic") < log_pos(tk, kLockdep));

    // A wrong magic, forced: loaded, and nothing said again.
    REQUIRE(finsmod("test_badmagic", sk::kInitIgnoreVermagic | sk::kInitIgnoreModversions) == 0);
    CHECK(count(tk.log_text(), "bad vermagic: kernel tainted.") == 1);
    CHECK(count(tk.log_text(), kLockdep) == 1);
    CHECK(ends_with(proc_modules_line("test_badmagic"), " (FE)"));

    // Not forced: the module's own letters do not have F.
    REQUIRE(insmod("kt_mid") == 0);
    CHECK(ends_with(proc_modules_line("kt_mid"), " (E)"));
    CHECK(read("/proc/sys/kernel/tainted") == std::to_string(bit(1) + bit(13)) + "\n");
}

TEST_CASE("taint: the log lines come in Linux's order, F, O, P, E, each once per boot", "[taint]") {
    TestKernel tk;
    REQUIRE(finsmod("hello", sk::kInitIgnoreVermagic) == 0);  // forced, out of tree
    size_t f = log_pos(tk, "hello: bad vermagic: kernel tainted.");
    size_t lockdep = log_pos(tk, kLockdep);
    size_t o = log_pos(tk, "hello: loading out-of-tree module taints kernel.");
    size_t e = log_pos(tk, "hello: module verification failed: signature and/or required key missing - tainting kernel");
    CHECK(f < lockdep);
    CHECK(lockdep < o);
    CHECK(o < e);

    // Proprietary, in tree: P is said before E would be (E is said already).
    CHECK(insmod("gpl_consumer") == -ENOENT);  // refused its GPL-only symbol, tainted all the same
    CHECK(count(tk.log_text(), "gpl_consumer: module license 'Proprietary' taints kernel.") == 1);
    CHECK(log_pos(tk, "gpl_consumer: module license") < log_pos(tk, "gpl_consumer: Unknown symbol"));
    CHECK(count(tk.log_text(), "module verification failed") == 1);
    CHECK(count(tk.log_text(), kLockdep) == 1);  // F turned lock debugging off already
    CHECK(tk->tainted() == (bit(0) | bit(1) | bit(12) | bit(13)));
}

TEST_CASE("taint: the first proprietary module turns lock debugging off", "[taint]") {
    TestKernel tk;
    CHECK(insmod("gpl_consumer") == -ENOENT);
    CHECK(log_pos(tk, "gpl_consumer: module license 'Proprietary' taints kernel.") < log_pos(tk, kLockdep));
    CHECK(insmod("gpl_consumer") == -ENOENT);
    CHECK(count(tk.log_text(), "module license 'Proprietary' taints kernel.") == 1);
    CHECK(count(tk.log_text(), kLockdep) == 1);
}

TEST_CASE("taint: rmmod -f taints R only when the force was needed", "[taint][rmmod]") {
    TestKernel tk;
    // Unused and with a cleanup_module: the plain removal would do; no R.
    REQUIRE(insmod("kt_base") == 0);
    REQUIRE(rmmod("kt_base", O_NONBLOCK | O_TRUNC) == 0);
    CHECK((tk->tainted() & bit(sk::TAINT_FORCED_RMMOD)) == 0);
    CHECK(count(tk.log_text(), kLockdep) == 0);

    // No cleanup_module: only the force removes it, and taints R.
    REQUIRE(insmod("test_noexit") == 0);
    CHECK(proc_modules_line("test_noexit").find(" 0 [permanent], Live ") != std::string::npos);
    CHECK(rmmod("test_noexit", O_NONBLOCK) == -EBUSY);
    REQUIRE(rmmod("test_noexit", O_NONBLOCK | O_TRUNC) == 0);
    CHECK((tk->tainted() & bit(sk::TAINT_FORCED_RMMOD)) != 0);
    CHECK(count(tk.log_text(), kLockdep) == 1);
    CHECK(read("/proc/sys/kernel/tainted") == std::to_string(bit(3) + bit(13)) + "\n");
}

TEST_CASE("rmmod -f of a module with a file open: the file is detached, not left pointing into it", "[taint][rmmod][bad]") {
    TestKernel tk;
    REQUIRE(insmod("test_chrdev") == 0);
    long fd = user::open("/dev/test_chrdev", O_RDONLY);
    REQUIRE(fd >= 0);
    CHECK(read("/sys/module/test_chrdev/refcnt") == "1\n");
    CHECK(proc_modules_line("test_chrdev").find(" 1 - Live ") != std::string::npos);  // a count, no holder
    CHECK(rmmod("test_chrdev", O_NONBLOCK) == -EWOULDBLOCK);

    REQUIRE(rmmod("test_chrdev", O_NONBLOCK | O_TRUNC) == 0);
    CHECK(tk->modules.find("test_chrdev") == nullptr);
    CHECK((tk->tainted() & bit(sk::TAINT_FORCED_RMMOD)) != 0);
    CHECK(tk.log_contains("test_chrdev: removed with /dev/test_chrdev open; the kernel detached the file"));
    // Linux would call into the freed module here (and oops); simkernel's
    // detached file says the device is gone, and closes cleanly.
    char buf[16];
    CHECK(user::read(static_cast<int>(fd), buf, sizeof buf) == -ENODEV);
    CHECK(user::ioctl(static_cast<int>(fd), 0, 0) == -ENODEV);
    CHECK(user::close(static_cast<int>(fd)) == 0);
    REQUIRE(insmod("test_chrdev") == 0);  // and it can come back
    REQUIRE(rmmod("test_chrdev") == 0);
}

TEST_CASE("/proc/modules and initstate show a module Loading (+) and Unloading (-)", "[refcnt]") {
    TestKernel tk;
    REQUIRE(insmod("kt_base") == 0);
    sk::Module* m = tk->modules.find("kt_base");
    CHECK(proc_modules_line("kt_base").find(" Live 0x") != std::string::npos);
    CHECK(read("/sys/module/kt_base/initstate") == "live\n");

    // What a tool sees while init_module runs, and while cleanup_module does
    // (Linux's module_flags(): '+' coming, '-' going).
    m->state = sk::ModuleState::Loading;
    CHECK(proc_modules_line("kt_base").find(" Loading 0x") != std::string::npos);
    CHECK(ends_with(proc_modules_line("kt_base"), " (E+)"));
    CHECK(read("/sys/module/kt_base/initstate") == "coming\n");
    CHECK(rmmod("kt_base") == -EBUSY);  // not live: delete_module refuses
    m->state = sk::ModuleState::Unloading;
    CHECK(proc_modules_line("kt_base").find(" Unloading 0x") != std::string::npos);
    CHECK(ends_with(proc_modules_line("kt_base"), " (E-)"));
    CHECK(read("/sys/module/kt_base/initstate") == "going\n");
    m->state = sk::ModuleState::Live;
    CHECK(ends_with(proc_modules_line("kt_base"), " (E)"));
    REQUIRE(rmmod("kt_base") == 0);
}

TEST_CASE("/sys/module: a built-in driver has a directory, without initstate or refcnt", "[builtin]") {
    TestKernel tk;
    struct stat st;
    REQUIRE(user::stat("/sys/module/null", &st) == 0);
    CHECK(S_ISDIR(st.st_mode));
    CHECK(user::stat("/sys/module/null/initstate", &st) == -ENOENT);
    CHECK(user::stat("/sys/module/null/refcnt", &st) == -ENOENT);
    CHECK(user::stat("/sys/module/ram0", &st) == -ENOENT);  // not built in, not loaded
    CHECK(rmmod("null") == -ENOENT);                         // not a loaded module
    REQUIRE(insmod("ram0") == 0);
    CHECK(read("/sys/module/ram0/initstate") == "live\n");
    REQUIRE(rmmod("ram0") == 0);
}

TEST_CASE("/sys/module: a kernel without built-in drivers has no such directories", "[builtin]") {
    TestKernel tk({.builtin_drivers = false});
    struct stat st;
    CHECK(user::stat("/sys/module/null", &st) == -ENOENT);
    REQUIRE(insmod("null") == 0);  // as a module, it is a module like any other
    CHECK(read("/sys/module/null/initstate") == "live\n");
    REQUIRE(rmmod("null") == 0);
}

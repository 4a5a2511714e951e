// syscall_table_tests.cpp - replacing a kernel function: a module may patch
// sys_call_table (exported for the purpose), must put it back on unload,
// and the kernel puts back what a module forgot, with a warning.
#include "drivers_support.hpp"

#include <asm/syscall.h>

#include <array>

using namespace dt;
using skt::TestKernel;

namespace {

using Table = std::array<sys_call_ptr_t, NR_syscalls>;

Table table() {
    Table t;
    std::copy(std::begin(sys_call_table), std::end(sys_call_table), t.begin());
    return t;
}

// Entries that differ between two snapshots.
std::vector<long> changed(const Table& a, const Table& b) {
    std::vector<long> out;
    for (long nr = 0; nr < NR_syscalls; ++nr)
        if (a[nr] != b[nr]) out.push_back(nr);
    return out;
}

const char kForgot[] = "the kernel restored it";

}  // namespace

TEST_CASE("syscall table: syscall_logger wraps open, logs each path, and puts open back on rmmod", "[syscall_table]") {
    TestKernel tk;
    const Table boot = table();
    const std::string before = skt::kernel_state(tk.k());

    REQUIRE(skt::insmod("syscall_logger") == 0);
    CHECK(tk.log_contains("syscall_logger: logging every open(2)"));
    CHECK(changed(boot, table()) == std::vector<long>{__NR_open});

    // open still works, through the wrapper, and each call is logged.
    tk.as_user();
    long fd = user::open("/dev/null", O_RDONLY);
    REQUIRE(fd >= 0);
    CHECK(tk.log_contains("syscall_logger: open(\"/dev/null\", 0) = " + std::to_string(fd)));
    user::close(static_cast<int>(fd));
    CHECK(user::open("/no/such/file", O_RDONLY) == -ENOENT);
    CHECK(tk.log_contains("syscall_logger: open(\"/no/such/file\", 0) = -2"));
    fd = user::open("/dev/console", O_WRONLY | O_APPEND);
    CHECK(fd >= 0);
    user::close(static_cast<int>(fd));
    CHECK(tk.log_contains("syscall_logger: open(\"/dev/console\", 0x401) = "));
    const std::string long_path = "/" + std::string(300, 'a');
    CHECK(user::open(long_path.c_str(), O_RDONLY) < 0);
    CHECK(tk.log_contains("syscall_logger: open(\"/" + std::string(254, 'a') + "...\", 0) = "));
    CHECK(user::open(nullptr, O_RDONLY) < 0);  // a bad path: logged, not followed

    tk.as_root();
    REQUIRE(skt::rmmod("syscall_logger") == 0);
    CHECK(tk.log_contains("syscall_logger: open(2) restored"));
    CHECK(changed(boot, table()).empty());
    CHECK_FALSE(tk.log_contains(kForgot));

    // Nothing is logged any more.
    size_t lines = tk.log_text().size();
    fd = user::open("/dev/zero", O_RDONLY);
    REQUIRE(fd >= 0);
    user::close(static_cast<int>(fd));
    CHECK(tk.log_text().size() == lines);
    CHECK(skt::kernel_state(tk.k()) == before);
}

TEST_CASE("syscall table: entries a module leaves patched are restored at rmmod, with a warning", "[syscall_table]") {
    TestKernel tk;
    const Table boot = table();
    REQUIRE(skt::insmod("test_syscall_forget") == 0);
    CHECK(changed(boot, table()) == std::vector<long>{__NR_open, __NR_getpid});
    CHECK(user::getpid() == 4242);  // the module's getpid answers

    REQUIRE(skt::rmmod("test_syscall_forget") == 0);
    CHECK(tk.log_contains("test_syscall_forget: leaving without restoring sys_call_table"));
    CHECK(tk.log_contains("test_syscall_forget: left sys_call_table[2] (open) patched; the kernel restored it"));
    CHECK(tk.log_contains("test_syscall_forget: left sys_call_table[39] (getpid) patched; the kernel restored it"));
    CHECK(changed(boot, table()).empty());
    CHECK(user::getpid() != 4242);
    long fd = user::open("/dev/null", O_RDONLY);  // would jump into unmapped code, had it not been restored
    CHECK(fd >= 0);
    user::close(static_cast<int>(fd));
}

TEST_CASE("syscall table: a module whose init fails after patching leaves the table as it was", "[syscall_table]") {
    TestKernel tk;
    const Table boot = table();
    const std::string before = skt::kernel_state(tk.k());
    CHECK(skt::insmod("test_syscall_forget", "fail_init=1") == -ENODEV);
    CHECK(tk.log_contains("test_syscall_forget: left sys_call_table[2] (open) patched; the kernel restored it"));
    CHECK(changed(boot, table()).empty());
    CHECK(skt::kernel_state(tk.k()) == before);
    CHECK(user::getpid() != 4242);
    CHECK(user::open("/dev/null", O_RDONLY) >= 0);
}

TEST_CASE("syscall table: stacked patches: the later module's forgotten entry goes back to the earlier module's", "[syscall_table]") {
    TestKernel tk;
    const Table boot = table();
    REQUIRE(skt::insmod("syscall_logger") == 0);
    const Table logged = table();
    REQUIRE(skt::insmod("test_syscall_forget") == 0);  // wraps the logger's open

    long fd = user::open("/dev/null", O_RDONLY);  // forget's open -> logger's -> the kernel's
    REQUIRE(fd >= 0);
    CHECK(tk.log_contains("syscall_logger: open(\"/dev/null\", 0) = " + std::to_string(fd)));
    user::close(static_cast<int>(fd));

    REQUIRE(skt::rmmod("test_syscall_forget") == 0);
    CHECK(changed(logged, table()).empty());  // open is the logger's again, not the kernel's
    fd = user::open("/dev/zero", O_RDONLY);
    REQUIRE(fd >= 0);
    CHECK(tk.log_contains("syscall_logger: open(\"/dev/zero\", 0) = " + std::to_string(fd)));
    user::close(static_cast<int>(fd));

    REQUIRE(skt::rmmod("syscall_logger") == 0);
    CHECK_FALSE(tk.log_contains("syscall_logger: left"));
    CHECK(changed(boot, table()).empty());
}

TEST_CASE("syscall table: a patch and a kernel shutdown: the next boot starts from the kernel's own table", "[syscall_table]") {
    Table boot;
    {
        TestKernel tk;
        boot = table();
        REQUIRE(skt::insmod("test_syscall_forget") == 0);
        tk.shutdown();  // unloads it: restored on the way out
        CHECK(changed(boot, table()).empty());
    }
    TestKernel tk;
    CHECK(changed(boot, table()).empty());
    CHECK(user::getpid() != 4242);
}

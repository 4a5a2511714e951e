// fault_inject_test.cpp - the test kit's fault injection
// (TestKernel::insmod_failing, insmod_each_failure, skt::fail_nth), on
// tests/modules/test_fi.ko (one of each fallible call in init, with a
// parameter that makes its error path forget one clean-up) and on
// fi_ignores.ko (loads even when its kmalloc fails).
#include <simkernel/testing.hpp>
#include <simkernel/user.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cerrno>
#include <stdexcept>
#include <fcntl.h>

namespace {

const char* kTestFi = SK_MODULE_DIR "/test_fi.ko";
const char* kIgnores = SK_MODULE_DIR "/fi_ignores.ko";

bool mentions(const std::vector<std::string>& lines, const std::string& what) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(what) != std::string::npos; });
}

}  // namespace

TEST_CASE("fault injection: every error path of a correct init unwinds, and the kernel is as before") {
    skt::TestKernel k;
    const std::string before = skt::kernel_state(k.k());
    std::vector<skt::InjectedLoad> rows = k.insmod_each_failure(kTestFi);
    const char* apis[] = {"kmalloc",      "alloc_chrdev_region", "cdev_add",       "class_create",   "device_create",
                          "proc_create",  "request_irq",         "kthread_create", "alloc_workqueue"};
    REQUIRE(rows.size() == std::size(apis) + 1);  // one load per call, then the full load
    for (size_t i = 0; i < std::size(apis); ++i) {
        INFO(rows[i].describe());
        CHECK(rows[i].call == static_cast<int>(i + 1));
        CHECK(rows[i].injected);
        CHECK(rows[i].api == apis[i]);
        CHECK(rows[i].site.rfind("test_fi_init+0x", 0) == 0);
        CHECK(rows[i].result == -ENOMEM);
        CHECK(rows[i].clean());
    }
    const skt::InjectedLoad& full = rows.back();
    INFO(full.describe());
    CHECK_FALSE(full.injected);
    CHECK(full.result == 0);
    CHECK(full.unload_result == 0);
    CHECK(full.clean());
    CHECK(skt::kernel_state(k.k()) == before);
    CHECK(skt::fail_nth_left() == 0);  // disarmed: nothing later fails by surprise
}

TEST_CASE("fault injection: an error path that forgets a clean-up is named, with what it left") {
    skt::TestKernel k;
    // forget=chrdev: the error path after alloc_chrdev_region does not unregister it.
    // Call 1 is the kmalloc of the charp parameter (set_charp), then init's nine.
    std::vector<skt::InjectedLoad> rows = k.insmod_each_failure(kTestFi, "forget=chrdev");
    REQUIRE(rows.size() == 11);
    CHECK(rows[0].api == "kmalloc");
    CHECK(rows[0].site.rfind("set_charp+0x", 0) == 0);
    CHECK(rows[0].clean());
    CHECK(rows[1].clean());  // init's kmalloc: nothing taken yet
    CHECK(rows[2].clean());  // alloc_chrdev_region itself failed: nothing to forget
    for (size_t i = 3; i < 10; ++i) {
        INFO(rows[i].describe());
        CHECK_FALSE(rows[i].clean());
        CHECK(rows[i].result == -ENOMEM);
        CHECK(mentions(rows[i].left_behind, "char device region"));
        CHECK(mentions(rows[i].left_behind, "\"test_fi\" registered"));
    }
    CHECK(rows[3].describe() ==
          "fallible call 4 (cdev_add in " + rows[3].site + ") made to fail: insmod returned -ENOMEM\n"
          "  left behind: " + rows[3].left_behind[0]);
    CHECK(rows[3].left_behind.size() == 1);
    CHECK(rows[3].left_behind[0].rfind("char device region ", 0) == 0);
    CHECK(rows[10].clean());  // the full load and unload are right
}

TEST_CASE("fault injection: a module that loads although its allocation failed is not clean") {
    skt::TestKernel k;
    skt::InjectedLoad r = k.insmod_failing(kIgnores, 1);
    INFO(r.describe());
    CHECK(r.injected);
    CHECK(r.api == "kmalloc");
    CHECK(r.result == 0);
    CHECK(r.unload_result == 0);  // undone again
    CHECK(r.left_behind.empty());
    CHECK_FALSE(r.clean());
    CHECK(r.describe().find("ignored the failure") != std::string::npos);
    CHECK(skt::module_names(k.k()).empty());
}

TEST_CASE("fault injection: a call past the last one is not injected, and the module loads") {
    skt::TestKernel k;
    skt::InjectedLoad r = k.insmod_failing(kTestFi, 50);
    CHECK_FALSE(r.injected);
    CHECK(r.result == 0);
    CHECK(r.clean());
    CHECK(r.describe().find("fewer than 50 fallible calls") != std::string::npos);
    CHECK(skt::fail_nth_left() == 0);
}

TEST_CASE("fault injection: fail_nth arms the thread's task, fail_nth_left counts down") {
    skt::TestKernel k;
    k.as_user();  // /proc/self/fail-nth is the task's own: no root needed
    skt::fail_nth(3);
    CHECK(skt::fail_nth_left() == 3);
    skt::fail_nth(0);
    CHECK(skt::fail_nth_left() == 0);
}

TEST_CASE("kernel_state shows classes, /proc entries and kernel threads a module made") {
    skt::TestKernel k;
    const std::string before = skt::kernel_state(k.k());
    REQUIRE(k.insmod(kTestFi) == 0);
    std::vector<std::string> diff = skt::state_diff(before, skt::kernel_state(k.k()));
    CHECK(mentions(diff, "+class /sys/class/test_fi devices=test_fi"));
    CHECK(mentions(diff, "+proc /proc/test_fi"));
    CHECK(mentions(diff, "+node /dev/test_fi"));
    CHECK(mentions(diff, "+module test_fi"));
    REQUIRE(k.rmmod("test_fi") == 0);
    CHECK(skt::kernel_state(k.k()) == before);
}

TEST_CASE("fault injection in a system call: fail_nth before a write that allocates") {
    skt::TestKernel k;
    REQUIRE(k.insmod(SK_MODULE_DIR "/scull.ko") == 0);
    long fd = sk::user::open("/dev/scull0", O_RDWR);
    REQUIRE(fd >= 0);
    skt::fail_nth(1);  // scull's write allocates its first list item
    CHECK(sk::user::write(static_cast<int>(fd), "abc", 3) == -ENOMEM);
    CHECK(skt::fail_nth_left() == 0);  // the failure was made
    CHECK(k.log_contains("failslab: failed kmalloc in scull_"));
    skt::fail_nth(0);
    CHECK(sk::user::write(static_cast<int>(fd), "abc", 3) == 3);  // nothing armed: it works again
    sk::user::close(static_cast<int>(fd));
    REQUIRE(k.rmmod("scull") == 0);
}

TEST_CASE("fault injection: every error path of the shipped scull's init is clean") {
    skt::TestKernel k;
    const std::string before = skt::kernel_state(k.k());
    std::vector<skt::InjectedLoad> rows = k.insmod_each_failure(SK_MODULE_DIR "/scull.ko");
    REQUIRE(rows.size() >= 3);  // a region, a cdev, a class, ... then the full load
    for (const skt::InjectedLoad& r : rows) {
        INFO(r.describe());
        CHECK(r.clean());
    }
    CHECK_FALSE(rows.back().injected);
    CHECK(skt::kernel_state(k.k()) == before);
}

TEST_CASE("fault injection: a call number below 1 is refused, not taken as done") {
    skt::TestKernel k;
    CHECK_THROWS_AS(k.insmod_failing(kTestFi, 0), std::invalid_argument);
    CHECK_THROWS_AS(skt::fail_nth(-1), std::runtime_error);  // the kernel says EINVAL
    CHECK(skt::module_names(k.k()).empty());
}

// debugfs_tests.cpp - /sys/kernel/debug through the system calls: who may
// look, what rmmod does with entries a module forgot.
#include "support.hpp"

#include <catch2/catch.hpp>

using skt::TestKernel;
namespace user = sk::user;

TEST_CASE("debugfs is mounted at /sys/kernel/debug, 0700 root", "[debugfs]") {
    TestKernel k;
    struct stat st;
    k.as_user();
    REQUIRE(user::stat("/sys/kernel/debug", &st) == 0);  // the mount point itself anyone may see
    CHECK(st.st_mode == (S_IFDIR | 0700));
    CHECK(user::open("/sys/kernel/debug", O_RDONLY | O_DIRECTORY) == -EACCES);
    k.as_root();
    long fd = user::open("/sys/kernel/debug", O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0);
    if (fd >= 0) user::close(static_cast<int>(fd));
    CHECK(user::open("/sys/kernel/debug/nothing", O_RDONLY) == -ENOENT);
    CHECK(user::mknod("/sys/kernel/debug/x", S_IFCHR | 0600, 0) == -EOPNOTSUPP);
    CHECK(user::unlink("/sys/kernel/debug/x") == -EPERM);
}

TEST_CASE("rmmod removes the debugfs entries a module forgot, and names them", "[debugfs][module]") {
    TestKernel k;
    std::string before = skt::kernel_state(k.k());
    REQUIRE(k.insmod(skt::module_path("test_debugfs_leak")) == 0);
    std::string text;
    REQUIRE(user::read_file("/sys/kernel/debug/leaky/value", &text) == 2);
    CHECK(text == "5\n");
    // Open, the file holds its module: rmmod says it is in use.
    long fd = user::open("/sys/kernel/debug/leaky/value", O_RDONLY);
    REQUIRE(fd >= 0);
    CHECK(k.rmmod("test_debugfs_leak") == -EWOULDBLOCK);  // what rmmod prints as "in use"
    user::close(static_cast<int>(fd));
    REQUIRE(k.rmmod("test_debugfs_leak") == 0);
    CHECK(k.log_contains("test_debugfs_leak: left /sys/kernel/debug/leaky behind; the kernel removed it"));
    CHECK(k.log_contains("test_debugfs_leak: left /sys/kernel/debug/leaky/value behind; the kernel removed it"));
    CHECK(user::open("/sys/kernel/debug/leaky", O_RDONLY) == -ENOENT);
    CHECK(skt::kernel_state(k.k()) == before);
}

// console_tests.cpp - /dev/console (drivers/char/console.c): write-only,
// what is written appears on the console, in order with printk's messages.
#include "drivers_support.hpp"

using namespace dt;
using skt::TestKernel;

TEST_CASE("console: built in as /dev/console, 5:1, crw--w--w-, named /dev/console in /proc/devices", "[console]") {
    TestKernel tk;
    struct ::stat st {};
    REQUIRE(user::stat("/dev/console", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    CHECK((st.st_mode & 07777) == 0622);
    CHECK(major(st.st_rdev) == 5);
    CHECK(minor(st.st_rdev) == 1);
    CHECK(slurp("/proc/devices").find("\n  5 /dev/console\n") != std::string::npos);
}

TEST_CASE("console: a write appears on the console whole, and returns its count", "[console]") {
    TestKernel tk;
    tk.as_user();  // everyone may write to the console
    int fd = open_ok("/dev/console", O_WRONLY);
    size_t before = tk.console().size();
    CHECK(user::write(fd, "hello, console\n", 15) == 15);
    CHECK(tk.console().substr(before) == "hello, console\n");

    // Longer than the driver's 256-byte chunk: every byte, in order.
    std::string big;
    for (int i = 0; i < 100; ++i) big += "line " + std::to_string(i) + "\n";
    REQUIRE(big.size() > 600);
    before = tk.console().size();
    CHECK(user::write(fd, big.data(), big.size()) == static_cast<long>(big.size()));
    CHECK(tk.console().substr(before) == big);

    CHECK(user::write(fd, "", 0) == 0);
    CHECK(user::close(fd) == 0);
}

TEST_CASE("console: writes and urgent printk messages reach the console in the order they happen", "[console]") {
    TestKernel tk;
    int fd = open_ok("/dev/console", O_WRONLY);
    size_t before = tk.console().size();
    REQUIRE(user::write(fd, "first\n", 6) == 6);
    printk(KERN_ERR "second\n");  // more urgent than the console level: shown at once
    REQUIRE(user::write(fd, "third\n", 6) == 6);
    std::string shown = tk.console().substr(before);
    size_t a = shown.find("first\n"), b = shown.find("] second\n"), c = shown.find("third\n");
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    REQUIRE(c != std::string::npos);
    CHECK(a < b);
    CHECK(b < c);
    user::close(fd);
}

TEST_CASE("console: no read, no seek, and a user may not open it for reading", "[console]") {
    TestKernel tk;
    char buf[8];
    // As root the open succeeds, but the driver has no .read: EINVAL.
    int rw = open_ok("/dev/console", O_RDWR);
    CHECK(user::read(rw, buf, sizeof buf) == -EINVAL);
    CHECK(user::lseek(rw, 0, SEEK_SET) == -ESPIPE);
    CHECK(user::ioctl(rw, 0x5401, 0) == -ENOTTY);  // TCGETS: not a tty here
    user::close(rw);
    int wo = open_ok("/dev/console", O_WRONLY);
    CHECK(user::read(wo, buf, sizeof buf) == -EBADF);  // opened write-only
    user::close(wo);

    tk.as_user();
    CHECK(user::open("/dev/console", O_RDONLY) == -EACCES);
    CHECK(user::open("/dev/console", O_RDWR) == -EACCES);
}

TEST_CASE("console: console.ko on a kernel without the built-in drivers, and rmmod leaves nothing", "[console][module]") {
    TestKernel tk({.builtin_drivers = false});
    const std::string before = skt::kernel_state(tk.k());
    CHECK(user::open("/dev/console", O_WRONLY) == -ENOENT);
    REQUIRE(skt::insmod("console") == 0);
    int fd = open_ok("/dev/console", O_WRONLY);
    size_t at = tk.console().size();
    CHECK(user::write(fd, "from the module\n", 16) == 16);
    CHECK(tk.console().substr(at) == "from the module\n");
    CHECK(skt::rmmod("console") == -EWOULDBLOCK);  // a file is open on it: "in use"
    user::close(fd);
    REQUIRE(skt::rmmod("console") == 0);
    CHECK(user::open("/dev/console", O_WRONLY) == -ENOENT);
    CHECK(skt::kernel_state(tk.k()) == before);
    CHECK_FALSE(tk.log_contains("the kernel removed it"));
    CHECK_FALSE(tk.log_contains("leaked"));
}

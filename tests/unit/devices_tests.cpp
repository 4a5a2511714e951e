// devices_tests.cpp - every system call on every built-in device (/dev/null,
// /dev/zero, /dev/kbd), the ones that work and the ones that fail with
// Linux's errors, plus the checks every device shares: bad descriptors,
// access modes, negative counts, permissions.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <sys/sysmacros.h>

#include <algorithm>
#include <cstring>
#include <string>

using skt::TestKernel;
namespace user = sk::user;

namespace {

int open_ok(const char* path, int flags) {
    long fd = user::open(path, flags);
    REQUIRE(fd >= 0);
    return static_cast<int>(fd);
}

constexpr size_t kNegative = static_cast<size_t>(-1);  // read(fd, buf, -1)

}  // namespace

TEST_CASE("devices: the built-in drivers make /dev/null, /dev/zero and /dev/kbd, 0666", "[devices]") {
    TestKernel tk;
    for (const char* name : {"/dev/null", "/dev/zero", "/dev/kbd"}) {
        INFO(name);
        struct stat st {};
        REQUIRE(user::stat(name, &st) == 0);
        CHECK(S_ISCHR(st.st_mode));
        CHECK((st.st_mode & 07777) == 0666);
    }
    struct stat st {};
    REQUIRE(user::stat("/dev/null", &st) == 0);
    CHECK(major(st.st_rdev) == 1);
    CHECK(minor(st.st_rdev) == 3);
    REQUIRE(user::stat("/dev/zero", &st) == 0);
    CHECK(major(st.st_rdev) == 1);
    CHECK(minor(st.st_rdev) == 5);
    // kbd's major is dynamic, and its driver is on IRQ 1.
    REQUIRE(user::stat("/dev/kbd", &st) == 0);
    CHECK(tk->chrdevs.lookup(MKDEV(major(st.st_rdev), 0)).name == "kbd");
    auto irqs = tk->irqs.all();
    CHECK(std::any_of(irqs.begin(), irqs.end(), [](const auto& p) { return p.first == 1 && p.second.name == "kbd"; }));
}

TEST_CASE("devices: /dev/null reads end of file and swallows writes", "[devices][null]") {
    TestKernel tk;
    int fd = open_ok("/dev/null", O_RDWR);
    char buf[16];
    memset(buf, 'x', sizeof buf);
    CHECK(user::read(fd, buf, sizeof buf) == 0);
    CHECK(buf[0] == 'x');
    CHECK(user::write(fd, "discard me", 10) == 10);
    CHECK(user::write(fd, "", 0) == 0);
    // Its llseek keeps the position at 0, whatever is asked (as Linux's).
    CHECK(user::lseek(fd, 100, SEEK_SET) == 0);
    CHECK(user::lseek(fd, -5, SEEK_SET) == 0);
    CHECK(user::lseek(fd, 0, SEEK_END) == 0);
    CHECK(user::lseek(fd, 0, 99) == -EINVAL);
    CHECK(user::ioctl(fd, 0x5401 /* TCGETS */, 0) == -ENOTTY);
    CHECK(user::read(fd, buf, kNegative) == -EFAULT);
    CHECK(user::write(fd, buf, kNegative) == -EFAULT);
    CHECK(user::close(fd) == 0);
    CHECK(user::close(fd) == -EBADF);

    int ro = open_ok("/dev/null", O_RDONLY);
    CHECK(user::write(ro, "x", 1) == -EBADF);
    CHECK(user::close(ro) == 0);
    int wo = open_ok("/dev/null", O_WRONLY);
    CHECK(user::read(wo, buf, 1) == -EBADF);
    CHECK(user::write(wo, "x", 1) == 1);
    CHECK(user::close(wo) == 0);
}

TEST_CASE("devices: /dev/zero fills reads with zeros and swallows writes", "[devices][zero]") {
    TestKernel tk;
    int fd = open_ok("/dev/zero", O_RDWR);
    char buf[4096];
    memset(buf, 0xAA, sizeof buf);
    CHECK(user::read(fd, buf, 1000) == 1000);
    CHECK(std::all_of(buf, buf + 1000, [](char c) { return c == 0; }));
    CHECK(std::all_of(buf + 1000, buf + sizeof buf, [](char c) { return c == static_cast<char>(0xAA); }));
    CHECK(user::read(fd, buf, 0) == 0);
    CHECK(user::write(fd, buf, 123) == 123);
    CHECK(user::lseek(fd, 4096, SEEK_SET) == 0);
    CHECK(user::lseek(fd, -1, SEEK_CUR) == 0);
    CHECK(user::lseek(fd, 0, -1) == -EINVAL);
    CHECK(user::ioctl(fd, 0, 0) == -ENOTTY);
    CHECK(user::ioctl(fd, 0x5401, 0) == -ENOTTY);
    CHECK(user::read(fd, buf, kNegative) == -EFAULT);
    CHECK(user::read(fd, buf, size_t{1} << 63) == -EFAULT);
    CHECK(user::write(fd, buf, kNegative) == -EFAULT);
    CHECK(user::close(fd) == 0);
    CHECK(user::read(fd, buf, 1) == -EBADF);

    int ro = open_ok("/dev/zero", O_RDONLY);
    CHECK(user::write(ro, buf, 1) == -EBADF);
    CHECK(user::close(ro) == 0);
}

TEST_CASE("devices: /dev/kbd reads what was typed, and is neither writable nor seekable", "[devices][kbd]") {
    TestKernel tk;
    int fd = open_ok("/dev/kbd", O_RDONLY);
    char buf[64] = {};
    // (A read with nothing typed would sleep: see the blocking tests.)
    CHECK(tk->machine.type_keys("abc") == 3);
    CHECK(user::read(fd, buf, sizeof buf) == 3);
    CHECK(std::string(buf, 3) == "abc");

    // Queued keys come out in order, as many as the reader asks for.
    CHECK(tk->machine.type_keys("hello\n") == 6);
    CHECK(user::read(fd, buf, 2) == 2);
    CHECK(std::string(buf, 2) == "he");
    CHECK(user::read(fd, buf, sizeof buf) == 4);
    CHECK(std::string(buf, 4) == "llo\n");

    CHECK(user::write(fd, "x", 1) == -EBADF);  // opened read-only
    CHECK(user::lseek(fd, 0, SEEK_SET) == -ESPIPE);
    CHECK(user::lseek(fd, -1, SEEK_CUR) == -ESPIPE);
    CHECK(user::ioctl(fd, 0x5401, 0) == -ENOTTY);
    CHECK(user::read(fd, buf, kNegative) == -EFAULT);
    CHECK(user::close(fd) == 0);

    // Opened for writing it opens, but the driver has no .write.
    int wo = open_ok("/dev/kbd", O_WRONLY);
    CHECK(user::write(wo, "hello", 5) == -EINVAL);
    CHECK(user::write(wo, "hello", kNegative) == -EINVAL);
    CHECK(user::read(wo, buf, 1) == -EBADF);
    CHECK(user::lseek(wo, 0, SEEK_SET) == -ESPIPE);
    CHECK(user::close(wo) == 0);

    int rw = open_ok("/dev/kbd", O_RDWR);
    CHECK(user::write(rw, "hello", 5) == -EINVAL);
    CHECK(tk->machine.type_keys("z") == 1);
    CHECK(user::read(rw, buf, 1) == 1);
    CHECK(buf[0] == 'z');
    CHECK(user::close(rw) == 0);
}

TEST_CASE("devices: /dev/kbd with O_NONBLOCK says EAGAIN when nothing is queued", "[devices][kbd]") {
    TestKernel tk;
    int fd = open_ok("/dev/kbd", O_RDONLY | O_NONBLOCK);
    char buf[8];
    CHECK(user::read(fd, buf, sizeof buf) == -EAGAIN);
    tk->machine.type_keys("q");
    CHECK(user::read(fd, buf, sizeof buf) == 1);
    CHECK(buf[0] == 'q');
    CHECK(user::read(fd, buf, sizeof buf) == -EAGAIN);
    CHECK(user::close(fd) == 0);
}

TEST_CASE("devices: /dev/kbd keeps 255 keys and drops the rest", "[devices][kbd]") {
    TestKernel tk;
    std::string typed;
    for (int i = 0; i < 300; ++i) typed += static_cast<char>('a' + i % 26);
    tk->machine.type_keys(typed);
    int fd = open_ok("/dev/kbd", O_RDONLY | O_NONBLOCK);  // stop at EAGAIN, not sleep
    std::string got;
    char buf[100];
    for (long n; (n = user::read(fd, buf, sizeof buf)) > 0;) got.append(buf, static_cast<size_t>(n));
    CHECK(got == typed.substr(0, 255));
    CHECK(user::close(fd) == 0);
}

TEST_CASE("devices: with no built-in drivers there is no /dev/kbd and no one takes keys", "[devices]") {
    TestKernel tk({.builtin_drivers = false});
    CHECK(tk->devfs.list().empty());
    // Only the misc layer's major, which the kernel itself holds from boot.
    auto regions = tk->chrdevs.all();
    REQUIRE(regions.size() == 1);
    CHECK(regions[0].major == MISC_MAJOR);
    CHECK(regions[0].name == "misc");
    CHECK(regions[0].owner == nullptr);
    CHECK(user::open("/dev/kbd", O_RDONLY) == -ENOENT);
    CHECK(user::open("/dev/null", O_RDONLY) == -ENOENT);
    CHECK(tk->machine.type_keys("abc") == 0);
}

TEST_CASE("devices: every call on a bad or closed descriptor is EBADF", "[devices][errors]") {
    TestKernel tk;
    int closed = open_ok("/dev/null", O_RDWR);
    int still_open = open_ok("/dev/zero", O_RDWR);
    REQUIRE(user::close(closed) == 0);
    const std::string before = skt::kernel_state(tk.k());

    char buf[8];
    struct stat st {};
    for (int fd : {closed, -1, -100, 3, 1023, 1024, 1 << 30}) {
        INFO("fd " << fd);
        CHECK(user::read(fd, buf, sizeof buf) == -EBADF);
        CHECK(user::write(fd, buf, sizeof buf) == -EBADF);
        CHECK(user::lseek(fd, 0, SEEK_SET) == -EBADF);
        CHECK(user::ioctl(fd, 0, 0) == -EBADF);
        CHECK(user::fstat(fd, &st) == -EBADF);
        CHECK(user::close(fd) == -EBADF);
    }
    CHECK(skt::kernel_state(tk.k()) == before);
    // The other file was not disturbed.
    CHECK(user::read(still_open, buf, sizeof buf) == sizeof buf);
    CHECK(user::close(still_open) == 0);
}

TEST_CASE("devices: descriptors are per task", "[devices]") {
    TestKernel tk;
    int fd = open_ok("/dev/zero", O_RDONLY);
    char buf[4];
    tk.as_user();
    CHECK(user::read(fd, buf, sizeof buf) == -EBADF);  // the user task has no such fd
    CHECK(user::close(fd) == -EBADF);
    tk.as_root();
    CHECK(user::read(fd, buf, sizeof buf) == 4);
    CHECK(user::close(fd) == 0);
}

TEST_CASE("devices: file permissions apply to users, not to root", "[devices][errors]") {
    TestKernel tk;
    REQUIRE(user::mknod("/dev/secret", S_IFCHR | 0600, makedev(1, 3)) == 0);  // root-only /dev/null
    REQUIRE(user::mknod("/dev/readable", S_IFCHR | 0644, makedev(1, 5)) == 0);

    tk.as_user();
    const std::string before = skt::kernel_state(tk.k());
    CHECK(user::open("/dev/secret", O_RDONLY) == -EACCES);
    CHECK(user::open("/dev/secret", O_WRONLY) == -EACCES);
    CHECK(user::open("/dev/secret", O_RDWR) == -EACCES);
    CHECK(user::open("/dev/readable", O_WRONLY) == -EACCES);
    CHECK(user::open("/dev/readable", O_RDWR) == -EACCES);
    CHECK(skt::kernel_state(tk.k()) == before);
    long fd = user::open("/dev/readable", O_RDONLY);
    REQUIRE(fd >= 0);
    CHECK(user::close(static_cast<int>(fd)) == 0);
    // The built-in nodes are everyone's.
    fd = user::open("/dev/null", O_RDWR);
    REQUIRE(fd >= 0);
    CHECK(user::close(static_cast<int>(fd)) == 0);

    tk.as_root();
    fd = user::open("/dev/secret", O_RDWR);
    REQUIRE(fd >= 0);
    CHECK(user::write(static_cast<int>(fd), "x", 1) == 1);
    CHECK(user::close(static_cast<int>(fd)) == 0);
}

TEST_CASE("devices: opening what is not there", "[devices][errors]") {
    TestKernel tk;
    CHECK(user::open("/dev/nosuchdevice", O_RDONLY) == -ENOENT);
    CHECK(user::open("", O_RDONLY) == -ENOENT);
}

// chrdev_tests.cpp - driver registration and dispatch: a driver defined
// here registers through the module API (sk_register_chrdev), a node made
// with mknod(2) leads to it, and every system call reaches its table.
#include "support.hpp"

#include <catch2/catch.hpp>

// _IO/_IOR: the SDK's <linux/ioctl.h> defers to the system header when hosted.
#include <asm-generic/ioctl.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <tuple>

using skt::TestKernel;
namespace user = sk::user;

namespace {

// ---- a small driver: a 64-byte buffer that remembers what is written ----

#define ECHO_IOC_CLEAR _IO('E', 1)
#define ECHO_IOC_SIZE  _IOR('E', 2, int)
#define ECHO_IOC_FAIL  _IO('E', 3)

struct EchoDev {
    char data[64];
    size_t size;
    int opens, releases, flushes;
    unsigned last_minor;
};
EchoDev echo;

void echo_reset() { echo = {}; }

int echo_open(struct inode* inode, struct file* f) {
    ++echo.opens;
    echo.last_minor = iminor(inode);
    f->private_data = &echo;
    return 0;
}

int echo_release(struct inode*, struct file* f) {
    CHECK(f->private_data == &echo);  // the same struct file open() saw
    ++echo.releases;
    return 0;
}

int echo_flush(struct file*, void*) {
    ++echo.flushes;
    return 0;
}

ssize_t echo_read(struct file* f, char* buf, size_t count, loff_t* ppos) {
    auto* d = static_cast<EchoDev*>(f->private_data);
    if (*ppos >= static_cast<loff_t>(d->size)) return 0;
    size_t n = std::min(count, d->size - static_cast<size_t>(*ppos));
    if (copy_to_user(buf, d->data + *ppos, n)) return -EFAULT;
    *ppos += static_cast<loff_t>(n);
    return static_cast<ssize_t>(n);
}

ssize_t echo_write(struct file* f, const char* buf, size_t count, loff_t* ppos) {
    auto* d = static_cast<EchoDev*>(f->private_data);
    if (*ppos >= static_cast<loff_t>(sizeof d->data)) return -ENOSPC;
    size_t n = std::min(count, sizeof d->data - static_cast<size_t>(*ppos));
    if (copy_from_user(d->data + *ppos, buf, n)) return -EFAULT;
    *ppos += static_cast<loff_t>(n);
    d->size = std::max(d->size, static_cast<size_t>(*ppos));
    return static_cast<ssize_t>(n);
}

loff_t echo_llseek(struct file* f, loff_t offset, int whence) {
    return fixed_size_llseek(f, offset, whence, sizeof echo.data);
}

long echo_ioctl(struct file* f, unsigned int cmd, unsigned long arg) {
    auto* d = static_cast<EchoDev*>(f->private_data);
    switch (cmd) {
    case ECHO_IOC_CLEAR: d->size = 0; return 0;
    case ECHO_IOC_SIZE: return put_user(static_cast<int>(d->size), reinterpret_cast<int*>(arg));
    case ECHO_IOC_FAIL: return -EIO;
    default: return -ENOIOCTLCMD;
    }
}

const struct file_operations echo_fops = {
    .owner = nullptr,
    .llseek = echo_llseek,
    .read = echo_read,
    .write = echo_write,
    .unlocked_ioctl = echo_ioctl,
    .compat_ioctl = nullptr,
    .open = echo_open,
    .flush = echo_flush,
    .release = echo_release,
};

// A driver that copies more than the caller asked for: the kernel's
// copy_to_user / copy_from_user must refuse it.
ssize_t greedy_read(struct file*, char* buf, size_t count, loff_t*) {
    static const char big[256] = {};
    return copy_to_user(buf, big, count + 1) ? -EFAULT : static_cast<ssize_t>(count);
}
ssize_t greedy_write(struct file*, const char* buf, size_t count, loff_t*) {
    char tmp[256];
    return copy_from_user(tmp, buf, std::min<size_t>(count + 1, sizeof tmp)) ? -EFAULT
                                                                            : static_cast<ssize_t>(count);
}
const struct file_operations greedy_fops = {
    .owner = nullptr,
    .read = greedy_read,
    .write = greedy_write,
};

// An open that refuses.
int busy_open(struct inode*, struct file*) { return -EBUSY; }
const struct file_operations busy_fops = {.owner = nullptr, .open = busy_open};

bool has_region(sk::Kernel& k, unsigned major, unsigned baseminor, unsigned count, const std::string& name) {
    auto all = k.chrdevs.all();
    return std::any_of(all.begin(), all.end(), [&](const sk::ChrdevRegion& r) {
        return r.major == major && r.baseminor == baseminor && r.count == count && r.name == name;
    });
}

}  // namespace

TEST_CASE("chrdev: a fixed major registers, shows in the table and unregisters", "[chrdev]") {
    TestKernel tk;
    const std::string before = skt::kernel_state(tk.k());

    // As Linux's __register_chrdev: 0 for a fixed major that was granted.
    REQUIRE(sk_register_chrdev(nullptr, 240, 0, 4, "echo", &echo_fops) == 0);
    CHECK(has_region(tk.k(), 240, 0, 4, "echo"));
    sk::ChrdevRegion r = tk->chrdevs.lookup(MKDEV(240, 3));
    CHECK(r.fops == &echo_fops);
    CHECK(r.owner == nullptr);
    CHECK(tk->chrdevs.lookup(MKDEV(240, 4)).fops == nullptr);

    std::string devices;
    REQUIRE(user::read_file("/proc/devices", &devices) > 0);
    CHECK(devices.find("240 echo\n") != std::string::npos);

    __unregister_chrdev(240, 0, 4, "echo");
    CHECK_FALSE(has_region(tk.k(), 240, 0, 4, "echo"));
    CHECK(skt::kernel_state(tk.k()) == before);
}

TEST_CASE("chrdev: major 0 allocates a free dynamic major", "[chrdev]") {
    TestKernel tk;
    auto dynamic = [](int m) { return (m >= 234 && m <= 254) || (m >= 384 && m <= 511); };

    int a = sk_register_chrdev(nullptr, 0, 0, 1, "dyn_a", &echo_fops);
    int b = sk_register_chrdev(nullptr, 0, 0, 1, "dyn_b", &echo_fops);
    REQUIRE(a > 0);
    REQUIRE(b > 0);
    CHECK(dynamic(a));
    CHECK(dynamic(b));
    CHECK(a != b);
    CHECK(has_region(tk.k(), static_cast<unsigned>(a), 0, 1, "dyn_a"));
    CHECK(has_region(tk.k(), static_cast<unsigned>(b), 0, 1, "dyn_b"));
    // No dynamic major is one a built-in driver already holds.
    for (const sk::ChrdevRegion& r : tk->chrdevs.all())
        if (r.name != "dyn_a") CHECK(r.major != static_cast<unsigned>(a));

    __unregister_chrdev(static_cast<unsigned>(a), 0, 1, "dyn_a");
    __unregister_chrdev(static_cast<unsigned>(b), 0, 1, "dyn_b");
}

TEST_CASE("chrdev: a taken major gives EBUSY, a major past 511 EINVAL", "[chrdev]") {
    TestKernel tk;
    REQUIRE(sk_register_chrdev(nullptr, 240, 0, 256, "first", &echo_fops) == 0);
    const std::string before = skt::kernel_state(tk.k());

    CHECK(sk_register_chrdev(nullptr, 240, 0, 256, "second", &echo_fops) == -EBUSY);
    CHECK(sk_register_chrdev(nullptr, 240, 10, 1, "overlap", &echo_fops) == -EBUSY);
    // The built-in null driver holds 1:3.
    CHECK(sk_register_chrdev(nullptr, 1, 3, 1, "mem_again", &echo_fops) == -EBUSY);
    CHECK(sk_register_chrdev(nullptr, 512, 0, 1, "too_big", &echo_fops) == -EINVAL);
    CHECK(sk_register_chrdev(nullptr, 4096, 0, 1, "far_too_big", &echo_fops) == -EINVAL);
    CHECK(tk.log_contains("CHRDEV \"too_big\" major requested (512) is greater than the maximum (511)"));
    CHECK(sk_register_chrdev(nullptr, 241, 0, 0, "no_minors", &echo_fops) == -EINVAL);
    CHECK(skt::kernel_state(tk.k()) == before);  // the refusals changed nothing

    // The largest major there is, and a free minor range beside one in use.
    CHECK(sk_register_chrdev(nullptr, 511, 0, 1, "last", &echo_fops) == 0);
    CHECK(sk_register_chrdev(nullptr, 1, 4, 1, "mem_4", &echo_fops) == 0);
    __unregister_chrdev(511, 0, 1, "last");
    __unregister_chrdev(1, 4, 1, "mem_4");
    __unregister_chrdev(240, 0, 256, "first");
}

TEST_CASE("chrdev: unregister, then register the same major again", "[chrdev]") {
    TestKernel tk;
    REQUIRE(sk_register_chrdev(nullptr, 240, 0, 1, "echo", &echo_fops) == 0);
    __unregister_chrdev(240, 0, 1, "echo");
    CHECK_FALSE(has_region(tk.k(), 240, 0, 1, "echo"));
    REQUIRE(sk_register_chrdev(nullptr, 240, 0, 1, "echo2", &greedy_fops) == 0);
    CHECK(tk->chrdevs.lookup(MKDEV(240, 0)).fops == &greedy_fops);
    __unregister_chrdev(240, 0, 1, "echo2");

    // Unregistering what is not registered is reported, and harmless.
    const std::string before = skt::kernel_state(tk.k());
    __unregister_chrdev(240, 0, 1, "ghost");
    CHECK(tk.log_contains("unregister_chrdev: \"ghost\" (major 240) was not registered"));
    CHECK(skt::kernel_state(tk.k()) == before);
}

TEST_CASE("chrdev: every system call is dispatched through the driver's table", "[chrdev][dispatch]") {
    TestKernel tk;
    echo_reset();
    REQUIRE(sk_register_chrdev(nullptr, 240, 0, 2, "echo", &echo_fops) == 0);
    REQUIRE(user::mknod("/dev/echo0", S_IFCHR | 0666, makedev(240, 0)) == 0);
    REQUIRE(user::mknod("/dev/echo1", S_IFCHR | 0666, makedev(240, 1)) == 0);

    long fd = user::open("/dev/echo1", O_RDWR);
    REQUIRE(fd >= 0);
    CHECK(echo.opens == 1);
    CHECK(echo.last_minor == 1);

    CHECK(user::write(static_cast<int>(fd), "hello, driver", 13) == 13);
    CHECK(std::string(echo.data, echo.size) == "hello, driver");

    // The position is the file's: write moved it, lseek moves it back.
    char buf[64] = {};
    CHECK(user::read(static_cast<int>(fd), buf, sizeof buf) == 0);
    CHECK(user::lseek(static_cast<int>(fd), 7, SEEK_SET) == 7);
    CHECK(user::read(static_cast<int>(fd), buf, sizeof buf) == 6);
    CHECK(std::string(buf, 6) == "driver");
    CHECK(user::lseek(static_cast<int>(fd), -6, SEEK_CUR) == 7);
    CHECK(user::lseek(static_cast<int>(fd), 0, SEEK_END) == 64);
    CHECK(user::lseek(static_cast<int>(fd), 0, SEEK_SET) == 0);
    CHECK(user::read(static_cast<int>(fd), buf, 5) == 5);
    CHECK(std::string(buf, 5) == "hello");

    // Negative and past-the-end offsets: the driver's llseek says EINVAL
    // and the position stays.
    CHECK(user::lseek(static_cast<int>(fd), -1, SEEK_SET) == -EINVAL);
    CHECK(user::lseek(static_cast<int>(fd), -100, SEEK_CUR) == -EINVAL);
    CHECK(user::lseek(static_cast<int>(fd), 65, SEEK_SET) == -EINVAL);
    CHECK(user::lseek(static_cast<int>(fd), 0, 99) == -EINVAL);  // no such whence
    CHECK(user::lseek(static_cast<int>(fd), 0, SEEK_CUR) == 5);

    // ioctl: the driver's commands, its own error, and an unknown command.
    int size = -1;
    CHECK(user::ioctl(static_cast<int>(fd), ECHO_IOC_SIZE, reinterpret_cast<unsigned long>(&size)) == 0);
    CHECK(size == 13);
    CHECK(user::ioctl(static_cast<int>(fd), ECHO_IOC_FAIL, 0) == -EIO);
    CHECK(user::ioctl(static_cast<int>(fd), _IO('E', 99), 0) == -ENOTTY);  // -ENOIOCTLCMD
    CHECK(user::ioctl(static_cast<int>(fd), ECHO_IOC_CLEAR, 0) == 0);
    CHECK(echo.size == 0);

    // The driver's errors come back as they are.
    CHECK(user::lseek(static_cast<int>(fd), 64, SEEK_SET) == 64);
    CHECK(user::write(static_cast<int>(fd), "x", 1) == -ENOSPC);

    CHECK(echo.releases == 0);
    CHECK(user::close(static_cast<int>(fd)) == 0);
    CHECK(echo.flushes == 1);
    CHECK(echo.releases == 1);

    // The other minor reaches the same driver; a minor outside the region
    // reaches none.
    fd = user::open("/dev/echo0", O_RDONLY);
    REQUIRE(fd >= 0);
    CHECK(echo.last_minor == 0);
    CHECK(user::close(static_cast<int>(fd)) == 0);
    REQUIRE(user::mknod("/dev/echo2", S_IFCHR | 0666, makedev(240, 2)) == 0);
    CHECK(user::open("/dev/echo2", O_RDONLY) == -ENXIO);
    CHECK(echo.opens == 2);
    CHECK(echo.releases == 2);

    __unregister_chrdev(240, 0, 2, "echo");
}

TEST_CASE("chrdev: two opens are two files, each with its own position", "[chrdev][dispatch]") {
    TestKernel tk;
    echo_reset();
    REQUIRE(sk_register_chrdev(nullptr, 240, 0, 1, "echo", &echo_fops) == 0);
    REQUIRE(user::mknod("/dev/echo", S_IFCHR | 0666, makedev(240, 0)) == 0);
    long a = user::open("/dev/echo", O_RDWR);
    long b = user::open("/dev/echo", O_RDONLY);
    REQUIRE(a >= 0);
    REQUIRE(b >= 0);
    CHECK(a != b);
    CHECK(user::write(static_cast<int>(a), "abcdef", 6) == 6);
    char buf[8] = {};
    CHECK(user::read(static_cast<int>(b), buf, 3) == 3);
    CHECK(std::string(buf, 3) == "abc");
    CHECK(user::lseek(static_cast<int>(a), 0, SEEK_CUR) == 6);
    CHECK(user::lseek(static_cast<int>(b), 0, SEEK_CUR) == 3);
    // b was opened read-only.
    CHECK(user::write(static_cast<int>(b), "x", 1) == -EBADF);
    CHECK(user::close(static_cast<int>(a)) == 0);
    CHECK(user::close(static_cast<int>(b)) == 0);
    CHECK(echo.releases == 2);
    __unregister_chrdev(240, 0, 1, "echo");
}

TEST_CASE("chrdev: a driver cannot copy past the user's buffer", "[chrdev][uaccess]") {
    TestKernel tk;
    REQUIRE(sk_register_chrdev(nullptr, 241, 0, 1, "greedy", &greedy_fops) == 0);
    REQUIRE(user::mknod("/dev/greedy", S_IFCHR | 0666, makedev(241, 0)) == 0);
    long fd = user::open("/dev/greedy", O_RDWR);
    REQUIRE(fd >= 0);
    char buf[16];
    memset(buf, 'x', sizeof buf);
    CHECK(user::read(static_cast<int>(fd), buf, 8) == -EFAULT);
    CHECK(std::count(buf, buf + sizeof buf, 'x') == 16);  // not one byte written
    CHECK(user::write(static_cast<int>(fd), buf, 8) == -EFAULT);
    CHECK(user::close(static_cast<int>(fd)) == 0);
    __unregister_chrdev(241, 0, 1, "greedy");
}

TEST_CASE("chrdev: open fails with ENXIO when no driver has the major", "[chrdev][errors]") {
    TestKernel tk;
    REQUIRE(user::mknod("/dev/nodriver", S_IFCHR | 0666, makedev(242, 0)) == 0);
    const std::string before = skt::kernel_state(tk.k());
    CHECK(user::open("/dev/nodriver", O_RDONLY) == -ENXIO);
    CHECK(user::open("/dev/nodriver", O_RDWR) == -ENXIO);
    CHECK(skt::kernel_state(tk.k()) == before);  // no fd left behind

    // With a driver it opens; once the driver is gone, ENXIO again.
    echo_reset();
    REQUIRE(sk_register_chrdev(nullptr, 242, 0, 1, "echo", &echo_fops) == 0);
    long fd = user::open("/dev/nodriver", O_RDONLY);
    REQUIRE(fd >= 0);
    CHECK(user::close(static_cast<int>(fd)) == 0);
    __unregister_chrdev(242, 0, 1, "echo");
    CHECK(user::open("/dev/nodriver", O_RDONLY) == -ENXIO);

    // A driver's open that fails: its error, and no file.
    REQUIRE(sk_register_chrdev(nullptr, 242, 0, 1, "busy", &busy_fops) == 0);
    const std::string with_busy = skt::kernel_state(tk.k());
    CHECK(user::open("/dev/nodriver", O_RDONLY) == -EBUSY);
    CHECK(skt::kernel_state(tk.k()) == with_busy);
    __unregister_chrdev(242, 0, 1, "busy");
}

TEST_CASE("chrdev: mknod needs root, a character device and a free name", "[chrdev][errors]") {
    TestKernel tk;
    REQUIRE(user::mknod("/dev/node", S_IFCHR | 0600, makedev(240, 0)) == 0);
    struct stat st {};
    REQUIRE(user::stat("/dev/node", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    CHECK((st.st_mode & 07777) == 0600);
    CHECK(major(st.st_rdev) == 240);
    CHECK(minor(st.st_rdev) == 0);

    const std::string before = skt::kernel_state(tk.k());
    CHECK(user::mknod("/dev/node", S_IFCHR | 0600, makedev(240, 1)) == -EEXIST);
    CHECK(user::mknod("/dev/regular", S_IFREG | 0600, 0) == -EINVAL);
    tk.as_user();
    CHECK(user::mknod("/dev/mine", S_IFCHR | 0666, makedev(240, 0)) == -EPERM);
    CHECK(user::unlink("/dev/node") == -EACCES);
    tk.as_root();
    CHECK(skt::kernel_state(tk.k()) == before);
    CHECK(user::unlink("/dev/node") == 0);
    CHECK(user::stat("/dev/node", &st) == -ENOENT);
}

TEST_CASE("chrdev: a driver reads iminor, imajor, the name opened and f_flags from its file", "[chrdev]") {
    TestKernel tk;
    REQUIRE(skt::insmod("test_kapi") == 0);
    struct stat st {};
    REQUIRE(sk::user::stat("/dev/kapi0", &st) == 0);
    std::string want = "kapi_dev minor 0 major " + std::to_string(major(st.st_rdev)) + " via ";
    REQUIRE(sk::user::mknod("/dev/alias", S_IFCHR | 0444, st.st_rdev) == 0);
    for (auto [path, flags, tail] : {std::tuple{"/dev/kapi0", O_RDONLY, "kapi0\n"},
                                     std::tuple{"/dev/alias", O_RDONLY | O_NONBLOCK, "alias nonblocking\n"}}) {
        INFO(path);
        long fd = sk::user::open(path, flags);
        REQUIRE(fd >= 0);
        char buf[128];
        long n = sk::user::read(static_cast<int>(fd), buf, sizeof buf);
        CHECK(std::string(buf, n > 0 ? n : 0) == want + tail);
        sk::user::close(static_cast<int>(fd));
    }
    CHECK(sk::user::unlink("/dev/alias") == 0);
    CHECK(skt::rmmod("test_kapi") == 0);
}

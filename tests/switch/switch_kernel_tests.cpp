// switch_kernel_tests.cpp - what only the switch kernel does: every device
// file goes through the same dev_func_* door, the switches answer for the
// devices they were compiled with and no others, and there is no loader.
//
// The system calls on each device are tested by tests/unit/devices_tests.cpp,
// which this executable runs against the switch kernel too.
#include "dev_switch.h"
#include "support.hpp"

#include <simkernel/vfs.hpp>

#include <catch2/catch.hpp>

#include <sys/sysmacros.h>

#include <set>

using skt::TestKernel;
namespace user = sk::user;

namespace {

constexpr const char* kNoLoader = "init_module: this kernel has no module loader";

struct file* file_of(sk::Task* t, long fd) {
    REQUIRE(fd >= 0);
    return t->files.get(static_cast<int>(fd));
}

}  // namespace

TEST_CASE("switch: insmod is refused: no init_module, no finit_module, and the log says why", "[switch]") {
    TestKernel tk;
    const std::vector<char> hello = skt::module_image("hello");
    REQUIRE(!hello.empty());
    const std::string before = skt::kernel_state(tk.k());

    // As on a Linux built without CONFIG_MODULES: the system calls are not there.
    CHECK(user::init_module(hello.data(), hello.size(), "") == -ENOSYS);
    long fd = user::open(skt::module_path("hello").c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    CHECK(user::finit_module(static_cast<int>(fd), "", 0) == -ENOSYS);
    CHECK(user::close(static_cast<int>(fd)) == 0);
    tk.as_user();
    CHECK(user::init_module(hello.data(), hello.size(), "") == -ENOSYS);
    tk.as_root();

    CHECK(tk.log_contains(kNoLoader));
    CHECK(tk.console().find(kNoLoader) != std::string::npos);  // KERN_ERR: on the console at once
    CHECK(skt::kernel_state(tk.k()) == before);
    CHECK(tk->modules.all().empty());
    CHECK(user::delete_module("hello", 0) == -ENOENT);
}

TEST_CASE("switch: every device file's f_op leads to the dev_func_* switches, not to its driver", "[switch]") {
    TestKernel tk;
    std::set<const void*> readers, releasers;
    std::set<int> kinds;
    for (const char* path : {"/dev/null", "/dev/zero", "/dev/kbd", "/dev/console"}) {
        INFO(path);
        long fd = user::open(path, O_RDONLY | O_NONBLOCK);
        struct file* f = file_of(tk.root_task, fd);
        REQUIRE(f);
        // The same door for every device: what the device lacks is missing from it.
        if (f->f_op->read) readers.insert(reinterpret_cast<const void*>(f->f_op->read));
        releasers.insert(reinterpret_cast<const void*>(f->f_op->release));
        int kind = sk::kfile(f)->dev_kind;
        CHECK(kind != 0);
        CHECK(kind == dev_kind_of(f->f_inode->i_rdev));
        kinds.insert(kind);
        // The driver still registered its own table at boot; the switch kernel never calls through it.
        const sk::ChrdevRegion r = tk->chrdevs.lookup(f->f_inode->i_rdev);
        REQUIRE(r.fops);
        CHECK(r.fops != f->f_op);
        CHECK(!!r.fops->read == !!f->f_op->read);
        CHECK(!!r.fops->write == !!f->f_op->write);
        if (f->f_op->read) CHECK(reinterpret_cast<const void*>(f->f_op->read) != reinterpret_cast<const void*>(r.fops->read));
        CHECK(user::close(static_cast<int>(fd)) == 0);
    }
    CHECK(readers.size() == 1);    // null, zero and kbd: one read entry
    CHECK(releasers.size() == 1);  // all four
    CHECK(kinds.size() == 4);

    // Files that are not devices keep their file system's f_op.
    long fd = user::open("/proc/version", O_RDONLY);
    struct file* f = file_of(tk.root_task, fd);
    CHECK(readers.count(reinterpret_cast<const void*>(f->f_op->read)) == 0);
    CHECK(sk::kfile(f)->dev_kind == 0);
    CHECK(user::close(static_cast<int>(fd)) == 0);
}

TEST_CASE("switch: the dev_func_* switches answer for their devices, ENODEV for any other kind", "[switch]") {
    TestKernel tk;
    const int null_kind = dev_kind_of(MKDEV(1, 3));
    const int zero_kind = dev_kind_of(MKDEV(1, 5));
    CHECK(null_kind != 0);
    CHECK(zero_kind != 0);
    CHECK(null_kind != zero_kind);
    CHECK(dev_kind_of(MKDEV(1, 7)) == 0);
    CHECK(dev_kind_of(MKDEV(42, 0)) == 0);

    // The same calls the system calls make, straight into the switches.
    struct inode inode {};
    struct file file {};
    file.f_inode = &inode;
    char buf[4] = {'x', 'x', 'x', 'x'};
    CHECK(dev_func_open(zero_kind, &inode, &file) == 0);
    CHECK(dev_func_read(zero_kind, &file, buf, sizeof buf, &file.f_pos) == 4);
    CHECK(buf[0] == 0);
    CHECK(dev_func_read(null_kind, &file, buf, sizeof buf, &file.f_pos) == 0);
    CHECK(dev_func_write(null_kind, &file, buf, sizeof buf, &file.f_pos) == 4);
    CHECK(dev_func_lseek(zero_kind, &file, 10, SEEK_SET) == 0);
    CHECK(dev_func_ioctl(null_kind, &file, 0x5401, 0) == -ENOTTY);
    CHECK(dev_func_close(zero_kind, &inode, &file) == 0);

    for (int kind : {0, 999, -1}) {
        INFO("kind " << kind);
        CHECK(dev_func_open(kind, &inode, &file) == -ENODEV);
        CHECK(dev_func_close(kind, &inode, &file) == -ENODEV);
        CHECK(dev_func_read(kind, &file, buf, 1, &file.f_pos) == -ENODEV);
        CHECK(dev_func_write(kind, &file, buf, 1, &file.f_pos) == -ENODEV);
        CHECK(dev_func_lseek(kind, &file, 0, SEEK_SET) == -ENODEV);
        CHECK(dev_func_ioctl(kind, &file, 0, 0) == -ENODEV);
    }
}

TEST_CASE("switch: a device number is a device only if its driver registered it", "[switch]") {
    SECTION("a number the kernel has no case for") {
        TestKernel tk;
        REQUIRE(user::mknod("/dev/other", S_IFCHR | 0666, makedev(42, 0)) == 0);
        const std::string before = skt::kernel_state(tk.k());
        CHECK(user::open("/dev/other", O_RDONLY) == -ENXIO);
        CHECK(skt::kernel_state(tk.k()) == before);
    }
    SECTION("a compiled-in device whose driver did not start") {
        TestKernel tk({.builtin_drivers = false});
        REQUIRE(user::mknod("/dev/null", S_IFCHR | 0666, makedev(1, 3)) == 0);
        CHECK(user::open("/dev/null", O_RDWR) == -ENXIO);
    }
}

TEST_CASE("switch: the boot log says what kind of kernel this is", "[switch]") {
    TestKernel tk;
    CHECK(tk.log_contains("switch kernel: devices are compiled into dev_func_open/close/read/write/lseek/ioctl"));
}

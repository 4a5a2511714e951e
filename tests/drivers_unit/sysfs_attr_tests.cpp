// sysfs_attr_tests.cpp - device attributes: device_create_file() puts a
// file in /sys/class/<class>/<device>/, whose reads call the driver's
// show() and writes its store(). Driven here from C++, as built-in code
// would; led0_tests.cpp drives the same from a module.
#include "drivers_support.hpp"

#include <dirent.h>

#include <algorithm>
#include <vector>

using namespace dt;
using skt::TestKernel;

namespace {

int value = 7;

ssize_t value_show(struct device*, struct device_attribute*, char* buf) { return sysfs_emit(buf, "%d\n", value); }

ssize_t value_store(struct device*, struct device_attribute*, const char* buf, size_t count) {
    int v;
    if (kstrtoint(buf, 10, &v)) return -EINVAL;
    value = v;
    return static_cast<ssize_t>(count);
}

ssize_t failing_show(struct device*, struct device_attribute*, char*) { return -EIO; }

ssize_t name_show(struct device* dev, struct device_attribute*, char* buf) {
    return sysfs_emit(buf, "%s\n", dev_name(dev));
}

struct device_attribute dev_attr_value = {{"value", 0644}, value_show, value_store};
struct device_attribute dev_attr_secret = {{"secret", 0200}, nullptr, value_store};
struct device_attribute dev_attr_broken = {{"broken", 0444}, failing_show, nullptr};
struct device_attribute dev_attr_nostore = {{"nostore", 0644}, value_show, nullptr};
struct device_attribute dev_attr_name = {{"name", 0444}, name_show, nullptr};
struct device_attribute dev_attr_dev = {{"dev", 0444}, value_show, nullptr};
struct device_attribute dev_attr_slash = {{"a/b", 0444}, value_show, nullptr};

struct Fixture {
    TestKernel tk;
    struct class_* cls = nullptr;
    struct device* dev = nullptr;
    Fixture() {
        cls = sk_class_create(nullptr, "testcls");
        REQUIRE(!IS_ERR(cls));
        dev = sk_device_create(nullptr, cls, nullptr, MKDEV(240, 3), nullptr, "t%d", 0);
        REQUIRE(!IS_ERR(dev));
        value = 7;
    }
};

long write_file(const char* path, const std::string& s) {
    long fd = user::open(path, O_WRONLY);
    if (fd < 0) return fd;
    long n = user::write(static_cast<int>(fd), s.data(), s.size());
    user::close(static_cast<int>(fd));
    return n;
}

}  // namespace

TEST_CASE("sysfs: /sys/class lists classes, a class its devices, a device dev and its attributes", "[sysfs]") {
    Fixture f;
    REQUIRE(device_create_file(f.dev, &dev_attr_value) == 0);
    REQUIRE(device_create_file(f.dev, &dev_attr_name) == 0);
    CHECK(slurp("/sys/class/testcls/t0/dev") == "240:3\n");
    CHECK(slurp("/sys/class/testcls/t0/name") == "t0\n");
    CHECK(slurp("/sys/class/testcls/t0/value") == "7\n");
    value = 12;
    CHECK(slurp("/sys/class/testcls/t0/value") == "12\n");  // show() runs at each open

    struct ::stat st {};
    REQUIRE(user::stat("/sys/class/testcls/t0/value", &st) == 0);
    CHECK(S_ISREG(st.st_mode));
    CHECK((st.st_mode & 0777) == 0644);
    REQUIRE(user::stat("/sys/class/testcls", &st) == 0);
    CHECK(S_ISDIR(st.st_mode));

    // Directory listings, through getdents64 as ls reads them.
    auto list = [](const char* path) {
        std::vector<std::string> names;
        long fd = user::open(path, O_RDONLY | O_DIRECTORY);
        REQUIRE(fd >= 0);
        char buf[4096];
        long n;
        while ((n = user::getdents64(static_cast<int>(fd), buf, sizeof buf)) > 0) {
            for (long off = 0; off < n;) {
                auto* d = reinterpret_cast<struct dirent64*>(buf + off);
                names.emplace_back(d->d_name);
                off += d->d_reclen;
            }
        }
        user::close(static_cast<int>(fd));
        return names;
    };
    auto root = list("/sys");
    CHECK(std::find(root.begin(), root.end(), "class") != root.end());
    CHECK(std::find(root.begin(), root.end(), "module") != root.end());
    auto classes = list("/sys/class");
    CHECK(std::find(classes.begin(), classes.end(), "testcls") != classes.end());
    CHECK(std::find(classes.begin(), classes.end(), "console") != classes.end());  // the built-in drivers'
    CHECK(list("/sys/class/testcls") == std::vector<std::string>{"t0"});
    CHECK(list("/sys/class/testcls/t0") == std::vector<std::string>{"dev", "name", "value"});
}

TEST_CASE("sysfs: a write goes to store(); its error is write's; modes are enforced", "[sysfs]") {
    Fixture f;
    REQUIRE(device_create_file(f.dev, &dev_attr_value) == 0);
    REQUIRE(device_create_file(f.dev, &dev_attr_secret) == 0);
    REQUIRE(device_create_file(f.dev, &dev_attr_nostore) == 0);

    CHECK(write_file("/sys/class/testcls/t0/value", "42\n") == 3);
    CHECK(value == 42);
    CHECK(slurp("/sys/class/testcls/t0/value") == "42\n");
    CHECK(write_file("/sys/class/testcls/t0/value", "abc") == -EINVAL);
    CHECK(value == 42);

    CHECK(write_file("/sys/class/testcls/t0/secret", "5") == 1);  // write-only
    CHECK(value == 5);
    CHECK(user::open("/sys/class/testcls/t0/secret", O_RDONLY) == -EACCES);
    CHECK(write_file("/sys/class/testcls/t0/nostore", "1") == -EIO);  // writable mode, no store()
    CHECK(write_file("/sys/class/testcls/t0/dev", "1:2") == -EACCES);

    f.tk.as_user();
    CHECK(slurp("/sys/class/testcls/t0/value") == "5\n");  // 0644: others read
    CHECK(write_file("/sys/class/testcls/t0/value", "1") == -EACCES);  // only root writes
}

TEST_CASE("sysfs: device_create_file refuses duplicates, bad names and bad devices", "[sysfs]") {
    Fixture f;
    REQUIRE(device_create_file(f.dev, &dev_attr_value) == 0);
    CHECK(device_create_file(f.dev, &dev_attr_value) == -EEXIST);
    CHECK(f.tk.log_contains("sysfs: cannot create duplicate filename '/class/testcls/t0/value'"));
    CHECK(device_create_file(f.dev, &dev_attr_dev) == -EEXIST);  // the kernel's own file
    CHECK(device_create_file(f.dev, &dev_attr_slash) == -EINVAL);
    CHECK(device_create_file(f.dev, nullptr) == -EINVAL);
    CHECK(device_create_file(nullptr, &dev_attr_name) == -EINVAL);
    CHECK(device_create_file(static_cast<struct device*>(ERR_PTR(-ENOMEM)), &dev_attr_name) == -EINVAL);
    device_remove_file(nullptr, &dev_attr_value);  // harmless
}

TEST_CASE("sysfs: a show() that fails fails the open; removed files and devices are gone", "[sysfs]") {
    Fixture f;
    REQUIRE(device_create_file(f.dev, &dev_attr_broken) == 0);
    REQUIRE(device_create_file(f.dev, &dev_attr_value) == 0);
    CHECK(user::open("/sys/class/testcls/t0/broken", O_RDONLY) == -EIO);

    device_remove_file(f.dev, &dev_attr_value);
    CHECK(user::open("/sys/class/testcls/t0/value", O_RDONLY) == -ENOENT);
    REQUIRE(device_create_file(f.dev, &dev_attr_value) == 0);  // and may come back

    device_destroy(f.cls, MKDEV(240, 3));
    CHECK(user::open("/sys/class/testcls/t0", O_RDONLY) == -ENOENT);
    struct ::stat st {};
    CHECK(user::stat("/sys/class/testcls", &st) == 0);
    class_destroy(f.cls);
    CHECK(user::stat("/sys/class/testcls", &st) == -ENOENT);
    CHECK(user::stat("/sys/class/nosuch/x/y", &st) == -ENOENT);
}

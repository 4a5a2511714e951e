// led0_tests.cpp - /dev/led0 (drivers/char/led0.c): a simulated LED that
// only ioctl commands switch, with its state in /sys/class/led/led0.
#include "drivers_support.hpp"

// _IOW/_IOR: the SDK's <linux/ioctl.h> defers to the system header when hosted.
#include <asm-generic/ioctl.h>

#include "led0.h"

using namespace dt;
using skt::TestKernel;

namespace {
std::string brightness() { return slurp("/sys/class/led/led0/brightness"); }

long led_get(int fd) {
    int v = -1;
    long r = user::ioctl(fd, LED_GET, reinterpret_cast<unsigned long>(&v));
    return r < 0 ? r : v;
}

long led_set(int fd, int v) { return user::ioctl(fd, LED_SET, reinterpret_cast<unsigned long>(&v)); }
}  // namespace

TEST_CASE("led0: the ioctl numbers are built with _IOW, _IOR and _IO, as the header says", "[led0]") {
    CHECK(LED_SET == 0x40044c01u);
    CHECK(LED_GET == 0x80044c02u);
    CHECK(LED_TOGGLE == 0x00004c03u);
    CHECK(_IOC_DIR(LED_SET) == _IOC_WRITE);
    CHECK(_IOC_DIR(LED_GET) == _IOC_READ);
    CHECK(_IOC_SIZE(LED_SET) == sizeof(int));
    CHECK(_IOC_TYPE(LED_GET) == 'L');
}

TEST_CASE("led0: LED_SET, LED_GET and LED_TOGGLE switch it, and /sys shows its state", "[led0][sysfs]") {
    TestKernel tk;
    REQUIRE(skt::insmod("led0") == 0);
    tk.as_user();  // mode 0666: anyone may switch it
    int fd = open_ok("/dev/led0", O_RDONLY);  // ioctl needs no particular access mode
    CHECK(led_get(fd) == LED_OFF);
    CHECK(brightness() == "0\n");

    CHECK(led_set(fd, LED_ON) == 0);
    CHECK(led_get(fd) == LED_ON);
    CHECK(brightness() == "1\n");

    CHECK(user::ioctl(fd, LED_TOGGLE, 0) == 0);
    CHECK(led_get(fd) == LED_OFF);
    CHECK(brightness() == "0\n");
    CHECK(user::ioctl(fd, LED_TOGGLE, 0) == 0);
    CHECK(brightness() == "1\n");

    // Another open sees the same LED: the state is the device's, not the file's.
    int other = open_ok("/dev/led0", O_RDWR);
    CHECK(led_get(other) == LED_ON);
    CHECK(led_set(other, LED_OFF) == 0);
    CHECK(led_get(fd) == LED_OFF);
    user::close(other);
    user::close(fd);
}

TEST_CASE("led0: bad values and unknown commands are refused, and change nothing", "[led0]") {
    TestKernel tk;
    REQUIRE(skt::insmod("led0") == 0);
    int fd = open_ok("/dev/led0", O_RDWR);
    REQUIRE(led_set(fd, LED_ON) == 0);

    CHECK(led_set(fd, 2) == -EINVAL);
    CHECK(led_set(fd, -1) == -EINVAL);
    CHECK(user::ioctl(fd, 0x1234, 0) == -ENOTTY);
    CHECK(user::ioctl(fd, _IOW('L', 9, int), 0) == -ENOTTY);   // the right letter, no such number
    CHECK(user::ioctl(fd, _IOW('M', 1, int), 0) == -ENOTTY);   // LED_SET's number, another letter
    CHECK(user::ioctl(fd, _IOW('L', 1, long), 0) == -ENOTTY);  // LED_SET with the wrong size
    CHECK(user::ioctl(fd, _IOR('L', 1, int), 0) == -ENOTTY);   // LED_SET with the wrong direction
    CHECK(led_get(fd) == LED_ON);
    CHECK(brightness() == "1\n");
    user::close(fd);
}

TEST_CASE("led0: no read, no write, no seek", "[led0]") {
    TestKernel tk;
    REQUIRE(skt::insmod("led0") == 0);
    int fd = open_ok("/dev/led0", O_RDWR);
    char buf[4];
    CHECK(user::read(fd, buf, sizeof buf) == -EINVAL);
    CHECK(user::write(fd, "1", 1) == -EINVAL);
    CHECK(user::lseek(fd, 0, SEEK_SET) == -ESPIPE);
    user::close(fd);
}

TEST_CASE("led0: /sys/class/led/led0 holds dev and brightness; brightness is read-only", "[led0][sysfs]") {
    TestKernel tk;
    REQUIRE(skt::insmod("led0") == 0);
    unsigned major = major_of("/dev/led0");
    CHECK(slurp("/sys/class/led/led0/dev") == std::to_string(major) + ":0\n");

    struct ::stat st {};
    REQUIRE(user::stat("/sys/class/led/led0/brightness", &st) == 0);
    CHECK((st.st_mode & 0777) == 0444);
    REQUIRE(user::stat("/sys/class/led/led0", &st) == 0);
    CHECK(S_ISDIR(st.st_mode));

    // Only ioctl changes the LED: even root may not write the file.
    CHECK(user::open("/sys/class/led/led0/brightness", O_WRONLY) == -EACCES);
    CHECK(user::open("/sys/class/led/led0/nosuch", O_RDONLY) == -ENOENT);
    CHECK(user::open("/sys/class/led/led1/brightness", O_RDONLY) == -ENOENT);

    // Gone with the module.
    REQUIRE(skt::rmmod("led0") == 0);
    CHECK(user::stat("/sys/class/led", &st) == -ENOENT);
    CHECK(user::open("/sys/class/led/led0/brightness", O_RDONLY) == -ENOENT);
}

TEST_CASE("led0: insmod and rmmod leave the kernel as it was; a new load starts off", "[led0]") {
    TestKernel tk;
    const std::string before = skt::kernel_state(tk.k());
    REQUIRE(skt::insmod("led0") == 0);
    int fd = open_ok("/dev/led0", O_RDWR);
    REQUIRE(led_set(fd, LED_ON) == 0);
    CHECK(skt::rmmod("led0") == -EWOULDBLOCK);  // open: in use
    user::close(fd);
    REQUIRE(skt::rmmod("led0") == 0);
    CHECK(skt::kernel_state(tk.k()) == before);
    CHECK_FALSE(tk.log_contains("the kernel removed it"));

    REQUIRE(skt::insmod("led0") == 0);
    fd = open_ok("/dev/led0", O_RDWR);
    CHECK(led_get(fd) == LED_OFF);
    user::close(fd);
}

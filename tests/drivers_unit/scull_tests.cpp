// scull_tests.cpp - /dev/scull0..3 (drivers/char/scull.c): memory that
// behaves like a file and outlives close until the module is removed.
#include "drivers_support.hpp"

#include <thread>
#include <vector>

using namespace dt;
using skt::TestKernel;

namespace {
std::string read_scull(const char* path) {
    int fd = open_ok(path, O_RDONLY);
    std::string s;
    long n = read_to_end(fd, &s);
    user::close(fd);
    REQUIRE(n >= 0);
    return s;
}

void write_scull(const char* path, const std::string& data, int flags = O_WRONLY | O_TRUNC) {
    int fd = open_ok(path, flags);
    REQUIRE(write_all(fd, data) == static_cast<long>(data.size()));
    user::close(fd);
}
}  // namespace

TEST_CASE("scull: four devices, 0666, with the book's parameters in /sys/module", "[scull]") {
    TestKernel tk;
    REQUIRE(skt::insmod("scull") == 0);
    unsigned major = major_of("/dev/scull0");
    for (int i = 0; i < 4; ++i) {
        std::string path = "/dev/scull" + std::to_string(i);
        struct ::stat st {};
        REQUIRE(user::stat(path.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0666);
        CHECK(major(st.st_rdev) == major);
        CHECK(minor(st.st_rdev) == static_cast<unsigned>(i));
    }
    CHECK(user::open("/dev/scull4", O_RDONLY) == -ENOENT);
    CHECK(slurp("/sys/module/scull/parameters/scull_quantum") == "4000\n");
    CHECK(slurp("/sys/module/scull/parameters/scull_qset") == "1000\n");
    CHECK(slurp("/sys/module/scull/parameters/scull_major") == std::to_string(major) + "\n");
    CHECK(slurp("/proc/devices").find(std::to_string(major) + " scull\n") != std::string::npos);
}

TEST_CASE("scull: the data outlives close, and goes with the module", "[scull]") {
    TestKernel tk;
    const std::string before = skt::kernel_state(tk.k());
    REQUIRE(skt::insmod("scull") == 0);
    tk.as_user();
    write_scull("/dev/scull0", "hello, scull\n");
    CHECK(read_scull("/dev/scull0") == "hello, scull\n");
    CHECK(read_scull("/dev/scull0") == "hello, scull\n");  // reading does not consume
    CHECK(read_scull("/dev/scull1").empty());              // each device has its own data

    tk.as_root();
    REQUIRE(skt::rmmod("scull") == 0);
    CHECK_FALSE(tk.log_contains("leaked"));  // every quantum was freed by exit
    CHECK(skt::kernel_state(tk.k()) == before);
    REQUIRE(skt::insmod("scull") == 0);
    CHECK(read_scull("/dev/scull0").empty());
}

TEST_CASE("scull: O_TRUNC on a write-only open empties it; O_APPEND writes at the end; O_RDWR keeps it", "[scull]") {
    TestKernel tk;
    REQUIRE(skt::insmod("scull") == 0);
    write_scull("/dev/scull0", "first\n");
    write_scull("/dev/scull0", "second\n", O_WRONLY | O_APPEND);
    CHECK(read_scull("/dev/scull0") == "first\nsecond\n");

    int fd = open_ok("/dev/scull0", O_RDWR);  // no truncation
    CHECK(user::write(fd, "FIRST", 5) == 5);  // overwrites from 0
    user::close(fd);
    CHECK(read_scull("/dev/scull0") == "FIRST\nsecond\n");

    fd = open_ok("/dev/scull0", O_WRONLY);  // write-only without O_TRUNC: kept
    user::close(fd);
    CHECK(read_scull("/dev/scull0") == "FIRST\nsecond\n");

    write_scull("/dev/scull0", "new\n");  // O_WRONLY | O_TRUNC
    CHECK(read_scull("/dev/scull0") == "new\n");
}

TEST_CASE("scull: data across quanta and list items, reads and writes stop at a quantum's end", "[scull]") {
    TestKernel tk;
    // 16-byte quanta, 4 per list item: 64 bytes per item.
    REQUIRE(skt::insmod("scull", "scull_quantum=16 scull_qset=4") == 0);
    const std::string data = pattern(1000, 5);
    int fd = open_ok("/dev/scull2", O_RDWR);
    CHECK(user::write(fd, data.data(), data.size()) == 16);  // one quantum per call, as in the book
    REQUIRE(user::lseek(fd, 0, SEEK_SET) == 0);
    REQUIRE(write_all(fd, data) == 1000);
    CHECK(user::lseek(fd, 0, SEEK_END) == 1000);

    REQUIRE(user::lseek(fd, 10, SEEK_SET) == 10);
    char buf[64];
    CHECK(user::read(fd, buf, sizeof buf) == 6);  // to the end of the first quantum
    CHECK(std::string(buf, 6) == data.substr(10, 6));
    user::close(fd);
    CHECK(read_scull("/dev/scull2") == data);
}

TEST_CASE("scull: lseek; a write past the end leaves a hole that reads as zeros", "[scull]") {
    TestKernel tk;
    REQUIRE(skt::insmod("scull", "scull_quantum=16 scull_qset=4") == 0);
    int fd = open_ok("/dev/scull0", O_RDWR);
    REQUIRE(user::write(fd, "abc", 3) == 3);
    CHECK(user::lseek(fd, 0, SEEK_END) == 3);
    CHECK(user::lseek(fd, -1, SEEK_END) == 2);
    CHECK(user::lseek(fd, 1, SEEK_CUR) == 3);
    CHECK(user::lseek(fd, -1, SEEK_SET) == -EINVAL);
    CHECK(user::lseek(fd, -4, SEEK_END) == -EINVAL);
    CHECK(user::lseek(fd, 0, 9) == -EINVAL);
    CHECK(user::lseek(fd, 0, SEEK_CUR) == 3);

    CHECK(user::lseek(fd, 200, SEEK_SET) == 200);  // past the end is allowed, as for a file
    char buf[8];
    CHECK(user::read(fd, buf, sizeof buf) == 0);   // nothing there yet
    CHECK(user::write(fd, "Z", 1) == 1);
    CHECK(user::lseek(fd, 0, SEEK_END) == 201);
    user::close(fd);
    std::string all = read_scull("/dev/scull0");
    REQUIRE(all.size() == 201);
    CHECK(all.substr(0, 3) == "abc");
    CHECK(all.substr(3, 197) == std::string(197, '\0'));
    CHECK(all[200] == 'Z');
}

TEST_CASE("scull: a device may not grow past scull_max_size: EFBIG", "[scull]") {
    TestKernel tk;
    REQUIRE(skt::insmod("scull", "scull_max_size=100") == 0);
    int fd = open_ok("/dev/scull0", O_RDWR);
    const std::string data = pattern(150);
    CHECK(write_all(fd, data) == -EFBIG);  // 100 written, then the limit
    CHECK(user::lseek(fd, 0, SEEK_END) == 100);
    CHECK(user::lseek(fd, 1 << 30, SEEK_SET) == 1 << 30);
    CHECK(user::write(fd, "x", 1) == -EFBIG);
    user::close(fd);
}

TEST_CASE("scull: bad parameters refuse the load; a minor without a device is ENXIO", "[scull][params]") {
    TestKernel tk;
    const std::string before = skt::kernel_state(tk.k());
    CHECK(skt::insmod("scull", "scull_nr_devs=0") == -EINVAL);
    CHECK(skt::insmod("scull", "scull_nr_devs=17") == -EINVAL);
    CHECK(skt::insmod("scull", "scull_quantum=0") == -EINVAL);
    CHECK(skt::insmod("scull", "scull_qset=-1") == -EINVAL);
    CHECK(tk.log_contains("scull: bad parameters"));
    CHECK(skt::kernel_state(tk.k()) == before);

    REQUIRE(skt::insmod("scull", "scull_nr_devs=2") == 0);
    CHECK(user::open("/dev/scull2", O_RDONLY) == -ENOENT);
    unsigned major = major_of("/dev/scull0");
    // A node for minor 9: no cdev was added for that number, so no driver.
    REQUIRE(user::mknod("/dev/scull9", S_IFCHR | 0666, makedev(major, 9)) == 0);
    CHECK(user::open("/dev/scull9", O_RDONLY) == -ENXIO);
    REQUIRE(user::mknod("/dev/scull1b", S_IFCHR | 0666, makedev(major, 1)) == 0);
    int fd = open_ok("/dev/scull1b", O_WRONLY);  // another node, the same device
    REQUIRE(user::write(fd, "via 1b", 6) == 6);
    user::close(fd);
    CHECK(read_scull("/dev/scull1") == "via 1b");
    user::unlink("/dev/scull9");
    user::unlink("/dev/scull1b");
}

TEST_CASE("scull: scull_major chooses the major; one already taken refuses the load", "[scull][params]") {
    TestKernel tk;
    const std::string before = skt::kernel_state(tk.k());
    // Major 1 minors 3 and 5 are null's and zero's: scull's 0-3 overlap them.
    CHECK(skt::insmod("scull", "scull_major=1") == -EBUSY);
    CHECK(tk.log_contains("scull: can't get major 1"));
    CHECK(skt::kernel_state(tk.k()) == before);

    REQUIRE(skt::insmod("scull", "scull_major=240 scull_nr_devs=2") == 0);
    struct ::stat st {};
    REQUIRE(user::stat("/dev/scull1", &st) == 0);
    CHECK(major(st.st_rdev) == 240);
    CHECK(minor(st.st_rdev) == 1);
    CHECK(slurp("/proc/devices").find("240 scull\n") != std::string::npos);
    write_scull("/dev/scull1", "on 240");
    CHECK(read_scull("/dev/scull1") == "on 240");
    REQUIRE(skt::rmmod("scull") == 0);
    CHECK(skt::kernel_state(tk.k()) == before);
}

TEST_CASE("scull: two tasks append at once; the mutex keeps every byte", "[scull][threads]") {
    TestKernel tk;
    REQUIRE(skt::insmod("scull", "scull_quantum=64 scull_qset=8") == 0);
    constexpr int kWrites = 500;
    sk::Task* tasks[2] = {tk->tasks.spawn(tk->init_task(), "writer-a", 1000, 1000),
                          tk->tasks.spawn(tk->init_task(), "writer-b", 1000, 1000)};
    std::vector<std::thread> writers;
    std::atomic<int> ok{0};
    for (int i = 0; i < 2; ++i) {
        writers.emplace_back([&, i] {
            sk::user::bind_thread(tasks[i]);
            long fd = sk::user::open("/dev/scull3", O_WRONLY | O_APPEND);
            char c = i == 0 ? 'a' : 'b';
            for (int n = 0; fd >= 0 && n < kWrites; ++n)
                if (sk::user::write(static_cast<int>(fd), &c, 1) == 1) ++ok;
            if (fd >= 0) sk::user::close(static_cast<int>(fd));
            sk::user::bind_thread(nullptr);
        });
    }
    // And a reader alongside, through its own open.
    int rfd = open_ok("/dev/scull3", O_RDONLY);
    for (int i = 0; i < 100; ++i) {
        char buf[64];
        REQUIRE(user::lseek(rfd, 0, SEEK_SET) == 0);
        REQUIRE(user::read(rfd, buf, sizeof buf) >= 0);
    }
    user::close(rfd);
    for (auto& t : writers) t.join();
    CHECK(ok == 2 * kWrites);
    std::string all = read_scull("/dev/scull3");
    CHECK(all.size() == 2 * kWrites);
    CHECK(std::count(all.begin(), all.end(), 'a') == kWrites);
    CHECK(std::count(all.begin(), all.end(), 'b') == kWrites);
}

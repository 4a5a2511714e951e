// ram0_tests.cpp - /dev/ram0 (drivers/char/ram0.c): a fixed-size memory
// disk. read/write/lseek, the end of the device, ENOSPC, EINVAL, its size
// parameter, positions per open, and two tasks reading it at once.
#include "drivers_support.hpp"

#include <thread>
#include <vector>

using namespace dt;
using skt::TestKernel;

namespace {
constexpr long kDefaultSize = 64 * 1024;
}  // namespace

TEST_CASE("ram0: insmod makes /dev/ram0 of 64 KiB, zero-filled; rmmod leaves nothing behind", "[ram0]") {
    TestKernel tk;
    const std::string before = skt::kernel_state(tk.k());
    REQUIRE(skt::insmod("ram0") == 0);
    CHECK(tk.log_contains("ram0: 65536 bytes, /dev/ram0 is "));
    CHECK(slurp("/sys/module/ram0/parameters/size") == "65536\n");

    tk.as_user();  // mode 0666
    int fd = open_ok("/dev/ram0", O_RDWR);
    CHECK(user::lseek(fd, 0, SEEK_END) == kDefaultSize);
    CHECK(user::lseek(fd, 0, SEEK_SET) == 0);
    std::string all;
    CHECK(read_to_end(fd, &all) == kDefaultSize);
    CHECK(all == std::string(kDefaultSize, '\0'));
    user::close(fd);

    tk.as_root();
    REQUIRE(skt::rmmod("ram0") == 0);
    CHECK(user::open("/dev/ram0", O_RDONLY) == -ENOENT);
    CHECK(skt::kernel_state(tk.k()) == before);
    CHECK_FALSE(tk.log_contains("leaked"));
}

TEST_CASE("ram0: what is written is read back, and stays there after close", "[ram0]") {
    TestKernel tk;
    REQUIRE(skt::insmod("ram0") == 0);
    const std::string data = pattern(10000, 3);
    int fd = open_ok("/dev/ram0", O_WRONLY);
    CHECK(user::lseek(fd, 1000, SEEK_SET) == 1000);
    CHECK(user::write(fd, data.data(), data.size()) == static_cast<long>(data.size()));
    CHECK(user::lseek(fd, 0, SEEK_CUR) == 11000);
    user::close(fd);

    fd = open_ok("/dev/ram0", O_RDONLY);
    CHECK(user::lseek(fd, 0, SEEK_CUR) == 0);  // a new open starts at 0
    std::string all;
    REQUIRE(read_to_end(fd, &all) == kDefaultSize);
    CHECK(all.substr(0, 1000) == std::string(1000, '\0'));
    CHECK(all.substr(1000, data.size()) == data);
    CHECK(all.substr(11000) == std::string(kDefaultSize - 11000, '\0'));
    user::close(fd);
}

TEST_CASE("ram0: the end of the device: read returns 0, a write ENOSPC, a write across it is cut short", "[ram0]") {
    TestKernel tk;
    REQUIRE(skt::insmod("ram0", "size=4096") == 0);
    int fd = open_ok("/dev/ram0", O_RDWR);
    char buf[100];

    // Read across the end: only what is left.
    REQUIRE(user::lseek(fd, -10, SEEK_END) == 4086);
    CHECK(user::read(fd, buf, sizeof buf) == 10);
    CHECK(user::lseek(fd, 0, SEEK_CUR) == 4096);
    CHECK(user::read(fd, buf, sizeof buf) == 0);  // end of device
    CHECK(user::read(fd, buf, sizeof buf) == 0);

    // Write at the end: the disk is full.
    CHECK(user::write(fd, "x", 1) == -ENOSPC);
    CHECK(user::lseek(fd, 0, SEEK_CUR) == 4096);  // unchanged
    CHECK(user::write(fd, "", 0) == 0);            // nothing to write is no error

    // Write across the end: as much as fits.
    REQUIRE(user::lseek(fd, 4090, SEEK_SET) == 4090);
    CHECK(user::write(fd, "0123456789", 10) == 6);
    CHECK(user::lseek(fd, 0, SEEK_CUR) == 4096);
    REQUIRE(user::lseek(fd, 4090, SEEK_SET) == 4090);
    CHECK(user::read(fd, buf, sizeof buf) == 6);
    CHECK(std::string(buf, 6) == "012345");
    user::close(fd);
}

TEST_CASE("ram0: lseek from the start, the position and the end; a position outside the device is EINVAL", "[ram0]") {
    TestKernel tk;
    REQUIRE(skt::insmod("ram0", "size=4096") == 0);
    int fd = open_ok("/dev/ram0", O_RDWR);
    CHECK(user::lseek(fd, 100, SEEK_SET) == 100);
    CHECK(user::lseek(fd, 50, SEEK_CUR) == 150);
    CHECK(user::lseek(fd, -50, SEEK_CUR) == 100);
    CHECK(user::lseek(fd, 0, SEEK_END) == 4096);
    CHECK(user::lseek(fd, -4096, SEEK_END) == 0);

    REQUIRE(user::lseek(fd, 10, SEEK_SET) == 10);
    CHECK(user::lseek(fd, -1, SEEK_SET) == -EINVAL);    // before the start
    CHECK(user::lseek(fd, -11, SEEK_CUR) == -EINVAL);
    CHECK(user::lseek(fd, -4097, SEEK_END) == -EINVAL);
    CHECK(user::lseek(fd, 1, SEEK_END) == -EINVAL);     // past the end: as Linux's block devices
    CHECK(user::lseek(fd, 4097, SEEK_SET) == -EINVAL);
    CHECK(user::lseek(fd, 0, 7) == -EINVAL);            // no such whence
    CHECK(user::lseek(fd, 0, SEEK_CUR) == 10);          // every failure left it where it was
    user::close(fd);
}

TEST_CASE("ram0: the size parameter; a size of 0 or too large refuses the load and changes nothing", "[ram0][params]") {
    TestKernel tk;
    const std::string before = skt::kernel_state(tk.k());
    CHECK(skt::insmod("ram0", "size=0") == -EINVAL);
    CHECK(tk.log_contains("ram0: size=0: must be 1 to 4194304 bytes"));
    CHECK(skt::insmod("ram0", "size=4194305") == -EINVAL);
    CHECK(skt::insmod("ram0", "size=abc") == -EINVAL);  // does not parse
    CHECK(skt::kernel_state(tk.k()) == before);

    REQUIRE(skt::insmod("ram0", "size=4194304") == 0);  // the largest
    int fd = open_ok("/dev/ram0", O_RDONLY);
    CHECK(user::lseek(fd, 0, SEEK_END) == 4194304);
    user::close(fd);
    REQUIRE(skt::rmmod("ram0") == 0);

    REQUIRE(skt::insmod("ram0", "size=1") == 0);  // the smallest
    fd = open_ok("/dev/ram0", O_RDWR);
    CHECK(user::write(fd, "ab", 2) == 1);
    CHECK(user::write(fd, "b", 1) == -ENOSPC);
    user::close(fd);
}

TEST_CASE("ram0: several opens keep positions of their own", "[ram0]") {
    TestKernel tk;
    REQUIRE(skt::insmod("ram0") == 0);
    int a = open_ok("/dev/ram0", O_RDWR);
    int b = open_ok("/dev/ram0", O_RDWR);
    int c = open_ok("/dev/ram0", O_RDONLY);

    CHECK(user::write(a, "hello world", 11) == 11);
    CHECK(user::lseek(a, 0, SEEK_CUR) == 11);
    CHECK(user::lseek(b, 0, SEEK_CUR) == 0);  // a's write moved only a
    CHECK(user::lseek(c, 6, SEEK_SET) == 6);

    char buf[16] = {};
    CHECK(user::read(b, buf, 5) == 5);
    CHECK(std::string(buf, 5) == "hello");
    CHECK(user::read(c, buf, 5) == 5);
    CHECK(std::string(buf, 5) == "world");
    CHECK(user::lseek(a, 0, SEEK_CUR) == 11);
    CHECK(user::lseek(b, 0, SEEK_CUR) == 5);
    CHECK(user::lseek(c, 0, SEEK_CUR) == 11);

    // dup shares one open file, and so one position (as on Linux).
    long d = user::dup(b);
    REQUIRE(d >= 0);
    CHECK(user::read(static_cast<int>(d), buf, 1) == 1);
    CHECK(buf[0] == ' ');
    CHECK(user::lseek(b, 0, SEEK_CUR) == 6);
    for (int fd : {a, b, c, static_cast<int>(d)}) user::close(fd);
}

TEST_CASE("ram0: a read is bounded by the user's count, not by what the device holds", "[ram0]") {
    TestKernel tk;
    REQUIRE(skt::insmod("ram0") == 0);
    int fd = open_ok("/dev/ram0", O_RDWR);
    const std::string data = pattern(64);
    REQUIRE(user::write(fd, data.data(), data.size()) == 64);
    REQUIRE(user::lseek(fd, 0, SEEK_SET) == 0);
    std::string buf(32, '#');
    CHECK(user::read(fd, buf.data(), 10) == 10);
    CHECK(buf.substr(0, 10) == data.substr(0, 10));
    CHECK(buf.substr(10) == std::string(22, '#'));  // nothing past the count
    user::close(fd);
}

TEST_CASE("ram0: two tasks read the same device at once, each with its own open", "[ram0][threads]") {
    TestKernel tk;
    REQUIRE(skt::insmod("ram0") == 0);
    const std::string data = pattern(kDefaultSize, 11);
    {
        int fd = open_ok("/dev/ram0", O_WRONLY);
        REQUIRE(write_all(fd, data) == kDefaultSize);
        user::close(fd);
    }
    sk::Task* tasks[2] = {tk->tasks.spawn(tk->init_task(), "reader-a", 1000, 1000),
                          tk->tasks.spawn(tk->init_task(), "reader-b", 1000, 1000)};
    constexpr int kRounds = 50;
    std::atomic<int> good[2] = {0, 0};
    std::vector<std::thread> readers;
    for (int i = 0; i < 2; ++i) {
        readers.emplace_back([&, i] {
            sk::user::bind_thread(tasks[i]);
            for (int round = 0; round < kRounds; ++round) {
                long fd = sk::user::open("/dev/ram0", O_RDONLY);
                if (fd < 0) return;
                std::string got;
                // Different chunk sizes, so the two interleave differently.
                long n = read_to_end(static_cast<int>(fd), &got, i == 0 ? 4096 : 1000);
                sk::user::close(static_cast<int>(fd));
                if (n == kDefaultSize && got == data) ++good[i];
            }
            sk::user::bind_thread(nullptr);
        });
    }
    for (auto& t : readers) t.join();
    CHECK(good[0] == kRounds);
    CHECK(good[1] == kRounds);
}

TEST_CASE("ram0: a reader and a writer at once: every read sees whole writes only", "[ram0][threads]") {
    TestKernel tk;
    REQUIRE(skt::insmod("ram0", "size=4096") == 0);
    sk::Task* writer_task = tk->tasks.spawn(tk->init_task(), "writer", 0, 0);
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        sk::user::bind_thread(writer_task);
        long fd = sk::user::open("/dev/ram0", O_WRONLY);
        for (unsigned i = 0; fd >= 0 && !stop; ++i) {
            std::string block(4096, static_cast<char>('a' + i % 26));
            sk::user::lseek(static_cast<int>(fd), 0, SEEK_SET);
            sk::user::write(static_cast<int>(fd), block.data(), block.size());  // one call: under the lock
        }
        if (fd >= 0) sk::user::close(static_cast<int>(fd));
        sk::user::bind_thread(nullptr);
    });
    int fd = open_ok("/dev/ram0", O_RDONLY);
    int torn = 0;
    for (int i = 0; i < 200; ++i) {
        std::string buf(4096, '\0');
        REQUIRE(user::lseek(fd, 0, SEEK_SET) == 0);
        REQUIRE(user::read(fd, buf.data(), buf.size()) == 4096);
        if (buf != std::string(4096, buf[0])) ++torn;
    }
    stop = true;
    writer.join();
    user::close(fd);
    CHECK(torn == 0);
}

// concurrency_tests.cpp - several tasks using devices while modules come and
// go. Every system call must return a result Linux could give (data, or the
// error for a device that is not there), nothing may crash, and once the
// dust settles the kernel must be exactly as it was. The TSan build runs
// these (scripts/test), so a data race on the way fails the suite too.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

using skt::TestKernel;
namespace user = sk::user;

namespace {

// One task per thread, as each shell command is a task of its own.
struct Reader {
    sk::Task* task;
    std::atomic<long> opened{0}, data{0}, absent{0};
    std::set<long> unexpected;  // anything else: the test fails with it
};

void read_loop(Reader& r, const char* path, int flags, const std::atomic<bool>& stop) {
    user::bind_thread(r.task);
    char buf[64];
    while (!stop.load()) {
        long fd = user::open(path, flags);
        if (fd == -ENOENT || fd == -ENXIO || fd == -ENODEV) {  // between rmmod and insmod
            ++r.absent;
            continue;
        }
        if (fd < 0) {
            r.unexpected.insert(fd);
            continue;
        }
        ++r.opened;
        long n = user::read(static_cast<int>(fd), buf, sizeof buf);
        if (n > 0)
            ++r.data;
        else if (n != -EAGAIN && n != 0)
            r.unexpected.insert(n);
        if (long c = user::close(static_cast<int>(fd)); c != 0) r.unexpected.insert(c);
    }
    user::bind_thread(nullptr);
}

}  // namespace

TEST_CASE("concurrency: open/read/close from four tasks while a driver module is inserted and removed",
          "[concurrency]") {
    TestKernel tk;
    std::string before = skt::kernel_state(tk.k());
    std::vector<std::unique_ptr<Reader>> readers;
    for (int i = 0; i < 4; ++i) {
        readers.push_back(std::make_unique<Reader>());
        readers.back()->task = tk->tasks.spawn(tk.root_task, "reader", 0, 0);
    }
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    // Two read the module's device (timers, a kthread and a workqueue behind
    // it), two a built-in one whose path must stay fast and unaffected.
    for (int i = 0; i < 4; ++i)
        threads.emplace_back(read_loop, std::ref(*readers[i]), i < 2 ? "/dev/ticker" : "/dev/zero",
                             O_RDONLY | O_NONBLOCK, std::cref(stop));

    int loads = 0, busy = 0;
    for (int round = 0; round < 25; ++round) {
        REQUIRE(skt::insmod("ticker", "interval_ms=1 report_ms=3") == 0);
        ++loads;
        std::this_thread::sleep_for(std::chrono::milliseconds(4));
        // Readers hold the module while a file is open: rmmod may have to
        // try again, as a user would.
        long r;
        while ((r = skt::rmmod("ticker")) == -EWOULDBLOCK) {
            ++busy;
            std::this_thread::yield();
        }
        REQUIRE(r == 0);
    }
    stop = true;
    for (auto& t : threads) t.join();

    for (auto& r : readers) {
        CHECK(r->unexpected.empty());
        CHECK(r->opened > 0);
    }
    CHECK(readers[2]->data > 0);  // /dev/zero never went away
    CHECK(loads == 25);
    INFO("rmmod found the module busy " << busy << " times");
    for (auto& r : readers) tk->tasks.exit(r->task);
    CHECK(skt::kernel_state(tk.k()) == before);
    CHECK_FALSE(tk.log_contains("the kernel stopped it"));
    CHECK_FALSE(tk.log_contains("BUG"));
}

TEST_CASE("concurrency: two tasks blocked on one device are both woken, each with its own data",
          "[concurrency]") {
    TestKernel tk;
    REQUIRE(skt::insmod("ticker", "interval_ms=20") == 0);
    std::vector<std::string> got(2);
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i) {
        sk::Task* t = tk->tasks.spawn(tk.root_task, "reader", 0, 0);
        threads.emplace_back([&, i, t] {
            user::bind_thread(t);
            long fd = user::open("/dev/ticker", O_RDONLY);
            char buf[32];
            for (int n = 0; n < 3 && fd >= 0; ++n) {
                long len = user::read(static_cast<int>(fd), buf, sizeof buf);  // sleeps until a tick
                if (len > 0) got[i].append(buf, len);
            }
            user::close(static_cast<int>(fd));
            user::bind_thread(nullptr);
        });
    }
    for (auto& t : threads) t.join();
    CHECK(got[0] == "tick 1\ntick 2\ntick 3\n");
    CHECK(got[1] == "tick 1\ntick 2\ntick 3\n");
    CHECK(skt::rmmod("ticker") == 0);
}

// poll_tests.cpp - poll(2), select(2), fcntl(2) and SIGIO through a driver
// registered here: a one-flag "doorbell" whose .poll names its wait queue,
// rung from another thread as an interrupt handler would; and its .fasync.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <poll.h>
#include <sys/select.h>
#include <sys/sysmacros.h>

#include <linux/poll.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

using skt::TestKernel;
namespace user = sk::user;

namespace {

constexpr unsigned kMajor = 241;

DECLARE_WAIT_QUEUE_HEAD(bell_wq);
std::atomic<bool> bell_rung{false};
std::atomic<int> bell_polls{0};
struct fasync_struct* bell_async = nullptr;

__poll_t bell_poll(struct file* f, poll_table* wait) {
    bell_polls.fetch_add(1);
    poll_wait(f, &bell_wq, wait);
    return bell_rung.load() ? (EPOLLIN | EPOLLRDNORM) : 0;
}

int bell_fasync(int fd, struct file* f, int on) { return fasync_helper(fd, f, on, &bell_async); }

void ring() {
    bell_rung = true;
    wake_up_interruptible(&bell_wq);
    kill_fasync(&bell_async, SIGIO, POLL_IN);
}

const struct file_operations bell_fops = {
    .owner = nullptr,
    .poll = bell_poll,
    .fasync = bell_fasync,
};

struct Doorbell {
    explicit Doorbell(TestKernel&) {
        bell_rung = false;
        bell_polls = 0;
        REQUIRE(sk_register_chrdev(nullptr, kMajor, 0, 1, "bell", &bell_fops) == 0);
        REQUIRE(user::mknod("/dev/bell", S_IFCHR | 0666, makedev(kMajor, 0)) == 0);
    }
    ~Doorbell() {
        user::unlink("/dev/bell");
        __unregister_chrdev(kMajor, 0, 1, "bell");
    }
};

using Clock = std::chrono::steady_clock;
long ms_since(Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count();
}

}  // namespace

TEST_CASE("poll: ready files, a timeout, and the errors Linux gives", "[poll]") {
    TestKernel tk;
    Doorbell bell(tk);
    int null_fd = static_cast<int>(user::open("/dev/null", O_RDWR));
    int bell_fd = static_cast<int>(user::open("/dev/bell", O_RDONLY));
    REQUIRE(null_fd >= 0);
    REQUIRE(bell_fd >= 0);

    // A file without .poll is always ready, for what was asked only.
    struct pollfd p[3] = {{null_fd, POLLIN | POLLOUT, 0}, {bell_fd, POLLIN, 0}, {-1, POLLIN, 77}};
    CHECK(user::poll(p, 3, 0) == 1);
    CHECK(p[0].revents == (POLLIN | POLLOUT));
    CHECK(p[1].revents == 0);
    CHECK(p[2].revents == 0);  // a negative fd is skipped, its revents cleared

    // Nothing ready: the timeout, rounded to jiffies, passes.
    auto start = Clock::now();
    CHECK(user::poll(&p[1], 1, 60) == 0);
    CHECK(ms_since(start) >= 60);

    // An fd that is not open is POLLNVAL, and counts.
    struct pollfd bad = {99, POLLIN, 0};
    CHECK(user::poll(&bad, 1, 0) == 1);
    CHECK(bad.revents == POLLNVAL);

    CHECK(user::poll(nullptr, 1, 0) == -EFAULT);
    CHECK(user::poll(p, 1025, 0) == -EINVAL);  // more than RLIMIT_NOFILE
    user::close(null_fd);
    user::close(bell_fd);
}

TEST_CASE("poll: a sleeping poll wakes when the driver wakes its queue, and leaves the queue", "[poll]") {
    TestKernel tk;
    Doorbell bell(tk);
    int fd = static_cast<int>(user::open("/dev/bell", O_RDONLY));
    REQUIRE(fd >= 0);
    std::thread ringer([] {
        std::this_thread::sleep_for(std::chrono::milliseconds(80));
        ring();
    });
    struct pollfd p = {fd, POLLIN, 0};
    auto start = Clock::now();
    long n = user::poll(&p, 1, 5000);
    ringer.join();
    CHECK(n == 1);
    CHECK(p.revents == POLLIN);
    CHECK(ms_since(start) >= 70);
    CHECK(ms_since(start) < 4000);
    CHECK(bell_polls.load() == 2);       // asked once, slept, asked again
    CHECK_FALSE(waitqueue_active(&bell_wq));  // the task left the queue
    user::close(fd);
}

TEST_CASE("poll and select: a signal ends the wait with EINTR", "[poll]") {
    TestKernel tk;
    Doorbell bell(tk);
    int fd = static_cast<int>(user::open("/dev/bell", O_RDONLY));
    REQUIRE(fd >= 0);
    // SIGUSR1 interrupts the sleep and is then discarded (it ends no task here).
    auto poke = [&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        tk.root_task->send_signal(SIGUSR1);
    };
    std::thread t1(poke);
    struct pollfd p = {fd, POLLIN, 0};
    CHECK(user::poll(&p, 1, -1) == -EINTR);
    t1.join();
    CHECK_FALSE(waitqueue_active(&bell_wq));

    std::thread t2(poke);
    fd_set in;
    FD_ZERO(&in);
    FD_SET(fd, &in);
    CHECK(user::select(fd + 1, &in, nullptr, nullptr, nullptr) == -EINTR);
    t2.join();
    user::close(fd);
}

TEST_CASE("select: ready sets, a timeout with the time left, and EBADF", "[poll][select]") {
    TestKernel tk;
    Doorbell bell(tk);
    int null_fd = static_cast<int>(user::open("/dev/null", O_RDWR));
    int bell_fd = static_cast<int>(user::open("/dev/bell", O_RDONLY));
    fd_set in, out;
    FD_ZERO(&in);
    FD_ZERO(&out);
    FD_SET(null_fd, &in);
    FD_SET(bell_fd, &in);
    FD_SET(null_fd, &out);
    struct timeval tv = {1, 0};
    CHECK(user::select(bell_fd + 1, &in, &out, nullptr, &tv) == 2);  // each set bit counts
    CHECK(FD_ISSET(null_fd, &in));
    CHECK_FALSE(FD_ISSET(bell_fd, &in));
    CHECK(FD_ISSET(null_fd, &out));

    FD_ZERO(&in);
    FD_SET(bell_fd, &in);
    tv = {0, 50000};
    CHECK(user::select(bell_fd + 1, &in, nullptr, nullptr, &tv) == 0);
    CHECK(tv.tv_sec == 0);
    CHECK(tv.tv_usec == 0);  // all of it was slept
    CHECK_FALSE(FD_ISSET(bell_fd, &in));

    FD_ZERO(&in);
    FD_SET(40, &in);
    CHECK(user::select(41, &in, nullptr, nullptr, nullptr) == -EBADF);
    CHECK(user::select(-1, nullptr, nullptr, nullptr, nullptr) == -EINVAL);
    tv = {-1, 0};
    CHECK(user::select(0, nullptr, nullptr, nullptr, &tv) == -EINVAL);
    user::close(null_fd);
    user::close(bell_fd);
}

TEST_CASE("fcntl: O_ASYNC calls .fasync, kill_fasync sends SIGIO to the owner, close leaves the list", "[poll][fasync]") {
    TestKernel tk;
    Doorbell bell(tk);
    int fd = static_cast<int>(user::open("/dev/bell", O_RDONLY | O_NONBLOCK));
    REQUIRE(fd >= 0);
    long fl = user::fcntl(fd, F_GETFL);
    CHECK((fl & O_NONBLOCK) != 0);
    CHECK((fl & O_ASYNC) == 0);

    CHECK(user::fcntl(fd, F_SETOWN, 999999) == -ESRCH);
    CHECK(user::fcntl(fd, F_SETOWN, static_cast<unsigned long>(-5)) == -ESRCH);  // no process groups
    CHECK(user::fcntl(fd, F_SETOWN, static_cast<unsigned long>(tk.root_task->pid)) == 0);
    CHECK(user::fcntl(fd, F_GETOWN) == tk.root_task->pid);
    CHECK(user::fcntl(fd, F_SETFL, O_ASYNC) == 0);  // O_NONBLOCK off, O_ASYNC on
    fl = user::fcntl(fd, F_GETFL);
    CHECK((fl & O_ASYNC) != 0);
    CHECK((fl & O_NONBLOCK) == 0);
    CHECK(bell_async != nullptr);

    // SIGIO is blocked here so that it stays pending to be seen (its default
    // action would end the task on the way out of the next system call).
    tk.root_task->sigblocked |= 1UL << SIGIO;
    tk.root_task->sigpending = 0;
    ring();
    CHECK((tk.root_task->sigpending.load() & (1UL << SIGIO)) != 0);

    // F_SETSIG picks another signal.
    CHECK(user::fcntl(fd, F_SETSIG, SIGUSR2) == 0);
    CHECK(user::fcntl(fd, F_GETSIG) == SIGUSR2);
    CHECK(user::fcntl(fd, F_SETSIG, 65) == -EINVAL);
    tk.root_task->sigblocked |= 1UL << SIGUSR2;
    ring();
    CHECK((tk.root_task->sigpending.load() & (1UL << SIGUSR2)) != 0);
    tk.root_task->sigpending = 0;
    tk.root_task->sigblocked = 0;

    CHECK(user::fcntl(fd, F_SETFL, O_DIRECT) == -EINVAL);  // no direct I/O
    CHECK(user::fcntl(fd, F_DUPFD, 10) == 10);  // the lowest free fd at or above 10
    CHECK(user::fcntl(fd, F_DUPFD, 10) == 11);
    CHECK(user::close(10) == 0);
    CHECK(user::close(11) == 0);
    CHECK(user::fcntl(fd, F_DUPFD, 1024) == -EINVAL);  // RLIMIT_NOFILE
    CHECK(user::fcntl(77, F_GETFL) == -EBADF);
    // The last close takes the file off the driver's list (__fput).
    user::close(fd);
    CHECK(bell_async == nullptr);
}

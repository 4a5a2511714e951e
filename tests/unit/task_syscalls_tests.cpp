// task_syscalls_tests.cpp - the task system calls user space runs programs
// with (fork.cpp, exit.cpp, sys.cpp, signal.cpp), through sk::user only:
// fork, exit, wait4, setresuid, prctl, and the signal mask calls.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>

using skt::TestKernel;
namespace user = sk::user;

namespace {

// Status of /proc/<pid>/status's field, read as the bound task.
std::string status_field(long pid, const std::string& key) {
    std::string text;
    if (user::read_file(("/proc/" + std::to_string(pid) + "/status").c_str(), &text) < 0) return "gone";
    size_t at = text.find(key + ":\t");
    if (at == std::string::npos) return "";
    size_t start = at + key.size() + 2;
    return text.substr(start, text.find('\n', start) - start);
}

}  // namespace

TEST_CASE("fork makes a child with the parent's files, cwd and uid; exit and wait4 reap it", "[tasks]") {
    TestKernel k;
    k.as_user();
    sk::Task* parent = user::bound_task();
    long parent_pid = user::getpid();
    long fd = user::open("/dev/null", O_WRONLY);
    REQUIRE(fd >= 0);
    REQUIRE(user::chdir("/proc") == 0);

    sk::Task* child = nullptr;
    long pid = user::fork(&child);
    REQUIRE(pid > 0);
    REQUIRE(child != nullptr);
    CHECK(user::wait4(static_cast<int>(pid), nullptr, WNOHANG) == 0);  // alive: nothing to reap

    user::bind_thread(child);
    CHECK(user::getpid() == pid);
    CHECK(user::getppid() == parent_pid);
    CHECK(user::getuid() == 1000);
    CHECK(user::write(static_cast<int>(fd), "x", 1) == 1);  // the inherited fd
    char cwd[64];
    CHECK(user::getcwd(cwd, sizeof cwd) > 0);
    CHECK(std::string(cwd) == "/proc");
    REQUIRE(user::exit(3) == 0);
    CHECK(user::bound_task() == nullptr);  // nothing more runs as it

    user::bind_thread(parent);
    CHECK(status_field(pid, "State") == "Z (zombie)");
    int wstatus = 0;
    CHECK(user::wait4(-1, &wstatus, 0) == pid);
    CHECK(WIFEXITED(wstatus));
    CHECK(WEXITSTATUS(wstatus) == 3);
    CHECK(status_field(pid, "State") == "gone");
    CHECK(user::wait4(-1, &wstatus, 0) == -ECHILD);
    CHECK(user::close(static_cast<int>(fd)) == 0);
}

TEST_CASE("wait4 sleeps until a child exits on another thread", "[tasks]") {
    TestKernel k;
    k.as_user();
    sk::Task* child = nullptr;
    long pid = user::fork(&child);
    REQUIRE(pid > 0);
    std::thread runner([child] {
        user::bind_thread(child);
        struct timespec ts = {0, 20 * 1000 * 1000};
        user::nanosleep(&ts);
        user::exit(0);
    });
    int wstatus = -1;
    CHECK(user::wait4(static_cast<int>(pid), &wstatus, 0) == pid);
    CHECK(WIFEXITED(wstatus));
    CHECK(WEXITSTATUS(wstatus) == 0);
    runner.join();
}

TEST_CASE("a child killed by a signal is reported as WIFSIGNALED", "[tasks]") {
    TestKernel k;
    k.as_user();
    sk::Task* parent = user::bound_task();
    sk::Task* child = nullptr;
    long pid = user::fork(&child);
    REQUIRE(pid > 0);
    user::bind_thread(child);
    int killed = 0;
    try {
        user::kill(static_cast<int>(pid), SIGTERM);  // to itself: delivered on the way out of kill
    } catch (const sk::TaskKilled& e) {
        killed = e.sig;
    }
    CHECK(killed == SIGTERM);
    user::exit(0);
    user::bind_thread(parent);
    int wstatus = 0;
    CHECK(user::wait4(static_cast<int>(pid), &wstatus, 0) == pid);
    CHECK(WIFSIGNALED(wstatus));
    CHECK(WTERMSIG(wstatus) == SIGTERM);
}

TEST_CASE("clone refuses what it cannot do; wait4 refuses unknown options", "[tasks]") {
    TestKernel k;
    k.as_user();
    sk::Task* child = nullptr;
    CHECK(user::clone(CLONE_FILES | SIGCHLD, &child) == -EINVAL);
    CHECK(user::clone(SIGUSR1, &child) == -EINVAL);
    CHECK(child == nullptr);
    CHECK(user::wait4(-1, nullptr, 0x40000) == -EINVAL);
    CHECK(user::wait4(-1, nullptr, 0) == -ECHILD);  // nothing was made
}

TEST_CASE("setresuid: a saved root uid lets a task take root back; the student cannot", "[tasks]") {
    TestKernel k;
    k.as_root();
    uid_t r, e, s;
    // Drop to the student, keeping root saved (a setuid program).
    REQUIRE(user::setresgid(1000, 1000, static_cast<gid_t>(-1)) == 0);
    REQUIRE(user::setresuid(1000, 1000, static_cast<uid_t>(-1)) == 0);
    REQUIRE(user::getresuid(&r, &e, &s) == 0);
    CHECK((r == 1000 && e == 1000 && s == 0));
    CHECK(user::open("/proc/sys/kernel/printk", O_WRONLY) == -EACCES);
    REQUIRE(user::setresuid(0, 0, static_cast<uid_t>(-1)) == 0);  // back, through the saved uid
    CHECK(user::getuid() == 0);
    // For good: the saved uid goes too.
    REQUIRE(user::setresuid(1000, 1000, 1000) == 0);
    CHECK(user::setresuid(0, 0, 0) == -EPERM);
    CHECK(user::setresuid(1000, 0, static_cast<uid_t>(-1)) == -EINVAL);  // one uid for real and effective
    CHECK(user::getuid() == 1000);
    k.as_user();
    CHECK(user::setresuid(0, 0, 0) == -EPERM);
    CHECK(user::setresgid(0, 0, 0) == -EPERM);
}

TEST_CASE("prctl(PR_SET_NAME) names the task as /proc shows it, cut to 15 bytes", "[tasks]") {
    TestKernel k;
    k.as_user();
    REQUIRE(user::prctl(PR_SET_NAME, reinterpret_cast<unsigned long>("a-rather-long-command-name")) == 0);
    char name[16] = {};
    REQUIRE(user::prctl(PR_GET_NAME, reinterpret_cast<unsigned long>(name)) == 0);
    CHECK(std::string(name) == "a-rather-long-c");
    CHECK(status_field(user::getpid(), "Name") == "a-rather-long-c");
    CHECK(user::prctl(12345, 0) == -EINVAL);
}

TEST_CASE("a blocked signal stays pending until sigtimedwait takes it; SIG_IGN drops it", "[tasks]") {
    TestKernel k;
    k.as_user();
    long self = user::getpid();
    const unsigned long all = ~0UL, none = 0;
    REQUIRE(user::rt_sigprocmask(SIG_SETMASK, &all, nullptr) == 0);
    CHECK(user::kill(static_cast<int>(self), SIGTERM) == 0);  // blocked: the call returns
    unsigned long pending = 0;
    REQUIRE(user::rt_sigpending(&pending) == 0);
    CHECK(pending == 1UL << (SIGTERM - 1));
    const struct timespec now = {0, 0};
    CHECK(user::rt_sigtimedwait(&all, &now) == SIGTERM);
    CHECK(user::rt_sigtimedwait(&all, &now) == -EAGAIN);

    sk_kernel_sigaction ign{};
    ign.handler = 1;  // SIG_IGN
    REQUIRE(user::rt_sigaction(SIGTERM, &ign, nullptr) == 0);
    CHECK(user::kill(static_cast<int>(self), SIGTERM) == 0);
    REQUIRE(user::rt_sigpending(&pending) == 0);
    CHECK(pending == 0);
    sk_kernel_sigaction handler{};
    handler.handler = 0x1234;  // no signal frame to run it on
    CHECK(user::rt_sigaction(SIGTERM, &handler, nullptr) == -EINVAL);
    CHECK(user::rt_sigaction(SIGKILL, &ign, nullptr) == -EINVAL);
    REQUIRE(user::rt_sigprocmask(SIG_SETMASK, &none, nullptr) == 0);
}

// launch.cpp - starting a host program under the bridge: fork, install the
// seccomp filter in the child (it hands its listener fd back over a
// socket), give it a simulated task, exec; supervise until it exits.
#include "bridge.hpp"
#include "sim_tasks.hpp"
#include "supervisor.hpp"
#include "syscall_handlers.hpp"

#include <linux/close_range.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>

extern char** environ;

namespace bridge {

namespace {

void say(const std::string& msg) { std::cerr << "simkernel: " << msg << "\n"; }

// The program argv[0] names, looked up in PATH as execvp would.
std::string find_program(const std::string& name, const std::string& path_env) {
    if (name.find('/') != std::string::npos) return name;
    size_t i = 0;
    while (i <= path_env.size()) {
        size_t j = path_env.find(':', i);
        if (j == std::string::npos) j = path_env.size();
        std::string dir = path_env.substr(i, j - i);
        std::string cand = (dir.empty() ? "." : dir) + "/" + name;
        if (access(cand.c_str(), X_OK) == 0 && !std::filesystem::is_directory(cand)) return cand;
        i = j + 1;
    }
    return {};
}

// A directory holding `sudo` -> this program, put first in the bridged
// programs' PATH: their sudo is simkernel's (sudo_main).
std::string sudo_dir() {
    std::string exe = std::filesystem::read_symlink("/proc/self/exe").string();
    auto dir = std::filesystem::temp_directory_path() /
               ("simkernel-bridge-" + std::to_string(getuid()) + "-" + std::to_string(std::hash<std::string>{}(exe) % 1000000));
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    auto link = dir / "sudo";
    if (std::filesystem::read_symlink(link, ec) != exe) {
        auto tmp = dir / ("sudo." + std::to_string(getpid()));
        std::filesystem::remove(tmp, ec);
        std::filesystem::create_symlink(exe, tmp, ec);
        std::filesystem::rename(tmp, link, ec);  // atomic: concurrent runs agree
    }
    return dir.string();
}

int send_fd(int sock, int fd) {
    char dummy = 'f';
    iovec iov{&dummy, 1};
    alignas(cmsghdr) char ctrl[CMSG_SPACE(sizeof(int))] = {};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ctrl;
    msg.msg_controllen = sizeof ctrl;
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof fd);
    return sendmsg(sock, &msg, 0) == 1 ? 0 : -1;
}

int recv_fd(int sock) {
    char dummy;
    iovec iov{&dummy, 1};
    alignas(cmsghdr) char ctrl[CMSG_SPACE(sizeof(int))] = {};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = ctrl;
    msg.msg_controllen = sizeof ctrl;
    if (recvmsg(sock, &msg, MSG_CMSG_CLOEXEC) != 1) return -1;
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    if (!c || c->cmsg_type != SCM_RIGHTS) return -1;
    int fd;
    memcpy(&fd, CMSG_DATA(c), sizeof fd);
    return fd;
}

void child_fail(const char* what) {
    // After fork in a threaded process: write(2) only.
    const char* pre = "simkernel: cannot start the program: ";
    if (write(STDERR_FILENO, pre, strlen(pre)) < 0 || write(STDERR_FILENO, what, strlen(what)) < 0 ||
        write(STDERR_FILENO, "\n", 1) < 0) {
    }
}

// While the program runs in its own process group, the terminal's
// foreground group is the program's, so that it may read the terminal and
// Ctrl-C reaches it; then the terminal is the shell's again (bash's
// give_terminal_to). Nothing to do when input is not a terminal we own.
class TerminalHandOver {
public:
    explicit TerminalHandOver(pid_t group) {
        if (group == 0 || !isatty(STDIN_FILENO) || tcgetpgrp(STDIN_FILENO) != getpgrp()) return;
        owned_ = set_foreground(group);
    }
    ~TerminalHandOver() {
        if (owned_) set_foreground(getpgrp());
    }
    TerminalHandOver(const TerminalHandOver&) = delete;
    TerminalHandOver& operator=(const TerminalHandOver&) = delete;

private:
    // A background group that changes the foreground gets SIGTTOU: block it
    // for the call, as bash does.
    static bool set_foreground(pid_t group) {
        sigset_t ttou, old;
        sigemptyset(&ttou);
        sigaddset(&ttou, SIGTTOU);
        pthread_sigmask(SIG_BLOCK, &ttou, &old);
        bool ok = tcsetpgrp(STDIN_FILENO, group) == 0;
        pthread_sigmask(SIG_SETMASK, &old, nullptr);
        return ok;
    }
    bool owned_ = false;
};

}  // namespace

bool host_program_exists(const std::string& name) {
    const char* path = getenv("PATH");
    return !find_program(name, path ? path : "/usr/local/bin:/usr/bin:/bin").empty();
}

int run_host_line(sk::Kernel& k, sk::Task* shell_task, const std::vector<std::string>& words, const std::string& text,
                  const std::function<bool(const std::string&)>& is_builtin) {
    if (words.empty()) return -1;
    const bool pipe = std::find(words.begin(), words.end(), "|") != words.end();
    size_t cmd = 0;
    while (cmd + 1 < words.size() && words[cmd] == "sudo") ++cmd;
    if (!pipe && (is_builtin(words[cmd]) || !host_program_exists(words[cmd]))) return -1;
    std::string sh = access("/bin/bash", X_OK) == 0 ? "/bin/bash" : "/bin/sh";
    return run_host_program(k, shell_task, {sh, "-c", text}, {.uid = 1000, .gid = 1000});
}

int run_host_job(sk::Kernel& k, sk::Task* job_task, const std::string& line) {
    std::string sh = access("/bin/bash", X_OK) == 0 ? "/bin/bash" : "/bin/sh";
    return run_host_program(k, job_task, {sh, "-c", line}, {.uid = 1000, .gid = 1000, .background = true});
}

namespace {

// Waits for the program; for a background job, a terminating signal the
// job's task gets in the simulated kernel (kill %1 in the built-in shell)
// is passed on: the task's next system call delivers it (SimTaskKilled).
void wait_program(pid_t pid, sk::Task* parent, bool background, int* status) {
    int pidfd = background ? static_cast<int>(syscall(SYS_pidfd_open, pid, 0)) : -1;
    while (pidfd >= 0) {
        pollfd pfd{pidfd, POLLIN, 0};
        if (poll(&pfd, 1, 50) > 0) break;
        try {
            sim_call(parent, __NR_getpid);
        } catch (const SimTaskKilled& killed) {
            kill(pid, killed.sig);
        }
    }
    if (pidfd >= 0) close(pidfd);
    while (waitpid(pid, status, 0) < 0 && errno == EINTR) {
    }
}

}  // namespace

int run_host_program(sk::Kernel& k, sk::Task* parent, const std::vector<std::string>& argv, const LaunchOptions& opts) {
    if (argv.empty()) return 0;
    // The environment: our sudo first in PATH, and a mark for it.
    std::string path_env = getenv("PATH") ? getenv("PATH") : "/usr/local/bin:/usr/bin:/bin";
    std::string program = find_program(argv[0], path_env);
    if (program.empty()) {
        say(argv[0] + ": command not found");
        return 127;
    }
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e)
        if (strncmp(*e, "PATH=", 5) != 0 && strncmp(*e, "SIMKERNEL_BRIDGE=", 17) != 0) env.emplace_back(*e);
    env.push_back("PATH=" + sudo_dir() + ":" + path_env);
    env.push_back("SIMKERNEL_BRIDGE=1");
    std::vector<char*> cargv, cenv;
    for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
    cargv.push_back(nullptr);
    for (const auto& e : env) cenv.push_back(const_cast<char*>(e.c_str()));
    cenv.push_back(nullptr);

    std::vector<sock_filter> filter = build_filter();
    // What the shell printed comes before what the program prints.
    std::cout.flush();
    std::cerr.flush();
    fflush(nullptr);
    sock_fprog prog{static_cast<unsigned short>(filter.size()), filter.data()};
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
        say(std::string("socketpair: ") + strerror(errno));
        return 127;
    }
    pid_t pid = fork();
    if (pid < 0) {
        say(std::string("fork: ") + strerror(errno));
        close(sv[0]);
        close(sv[1]);
        return 127;
    }
    if (pid == 0) {
        // The program gets the signal handling a shell gives a command.
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        for (int sig : {SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGHUP}) signal(sig, SIG_DFL);
        // A process group of its own, as a job-control shell gives each job:
        // a `kill 0` in the program ends its own job, not the simulator; and
        // a background job does not get the terminal's Ctrl-C.
        setpgid(0, 0);
        close(sv[0]);
        // No setuid gains: the host's sudo cannot make a simulated task root
        // on the host.
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
            child_fail("prctl(PR_SET_NO_NEW_PRIVS)");
            _exit(127);
        }
        // SPEC_ALLOW: on CPUs where Linux has it, a seccomp filter would
        // also force the speculative store bypass mitigation on the
        // program, slowing its own work (host files must not pay). The
        // filter is not a sandbox: the program keeps the mitigations it
        // would have had. (This machine's CPU has none: not measured.)
        long lfd = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
                           SECCOMP_FILTER_FLAG_NEW_LISTENER | SECCOMP_FILTER_FLAG_SPEC_ALLOW, &prog);
        if (lfd < 0) {
            child_fail("seccomp user notification is not available (Linux >= 5.9, and not forbidden by a container)");
            _exit(127);
        }
        if (send_fd(sv[1], static_cast<int>(lfd)) < 0) _exit(127);
        close(static_cast<int>(lfd));
        char go = 0;
        if (read(sv[1], &go, 1) != 1) _exit(127);  // the kernel has our task
        // The program gets fds 0-2, nothing of the kernel's (its log file...).
        syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC);
        execve(program.c_str(), cargv.data(), cenv.data());
        child_fail(strerror(errno));
        _exit(126);
    }
    close(sv[1]);
    setpgid(pid, pid);  // both sides set it, so neither races the other
    TerminalHandOver terminal(opts.background ? 0 : pid);  // a background job never has it
    int listener = recv_fd(sv[0]);
    if (listener < 0) {
        close(sv[0]);
        int status;
        waitpid(pid, &status, 0);
        return 127;
    }
    int status = 0;
    sk::Task* task = nullptr;
    long task_pid = 0;
    {
        std::string comm = argv[0].substr(argv[0].find_last_of('/') + 1);
        try {
            task = sim_fork(parent, comm, opts.uid, opts.gid);
        } catch (const SimTaskKilled& killed) {  // the caller's task was killed first
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            close(sv[0]);
            close(listener);
            sim_rethrow(killed);
        }
        if (!task) {
            say("the simulated kernel could not make a task for " + comm);
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            close(sv[0]);
            return 127;
        }
        task_pid = sim_pid(task);
        Supervisor sup(k, listener);
        sup.adopt(pid, task);
        sup.start();
        if (write(sv[0], "g", 1) != 1) kill(pid, SIGKILL);
        close(sv[0]);
        if (opts.background) {  // in its own process group: no Ctrl-C to ignore
            wait_program(pid, parent, true, &status);
        } else {
            // As system(3): Ctrl-C and Ctrl-\ are the program's, not ours.
            struct sigaction ign {}, old_int {}, old_quit {};
            ign.sa_handler = SIG_IGN;
            sigaction(SIGINT, &ign, &old_int);
            sigaction(SIGQUIT, &ign, &old_quit);
            wait_program(pid, parent, false, &status);
            sigaction(SIGINT, &old_int, nullptr);
            sigaction(SIGQUIT, &old_quit, nullptr);
        }
    }  // the supervisor stops: the tasks of processes left behind end
    // The program's task is a zombie child of the caller's, which reaps it
    // (init's children need not: they go at once).
    try {
        sim_call(parent, __NR_wait4, static_cast<unsigned long>(task_pid), 0, WNOHANG);
    } catch (const SimTaskKilled& killed) {  // a signal for the caller came meanwhile: its own
        sim_rethrow(killed);
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 1;
}

int sudo_main(int argc, char** argv) {
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; ++i) {
        std::string o = argv[i];
        if (o == "--") {
            ++i;
            break;
        }
        if (o == "-u" && i + 1 < argc && std::string(argv[i + 1]) == "root") {
            ++i;
            continue;
        }
        if (o == "-E" || o == "-H" || o == "-n" || o == "-S") continue;
        std::cerr << "sudo: " << o << ": not supported by simkernel's sudo (it runs a command as root: sudo CMD ARGS...)\n";
        return 1;
    }
    if (i >= argc) {
        std::cerr << "usage: sudo COMMAND [ARGS...]   (simkernel's sudo: COMMAND runs as the simulated root)\n";
        return 1;
    }
    if (!getenv("SIMKERNEL_BRIDGE")) {
        std::cerr << "sudo: this is simkernel's sudo: it works only in programs started by 'simkernel run'\n";
        return 1;
    }
    // Trapped by the bridge: the simulated task becomes root; the host's
    // credentials stay as they are.
    if (setresuid(0, 0, 0) != 0 || setresgid(0, 0, 0) != 0) {
        std::cerr << "sudo: the simulated kernel refused: " << strerror(errno) << "\n";
        return 1;
    }
    execvp(argv[i], argv + i);
    std::cerr << "sudo: " << argv[i] << ": command not found\n";
    return 1;
}

}  // namespace bridge

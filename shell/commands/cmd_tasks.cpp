// cmd_tasks.cpp - ps, kill, sleep, wait: tasks and signals.
#include "../commands.hpp"
#include "../shell.hpp"
#include "../tools/uio.hpp"

#include <simkernel/user.hpp>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <dirent.h>
#include <sstream>

namespace shell {

namespace {

struct SignalName {
    int sig;
    const char* name;
};
const SignalName signal_names[] = {{SIGHUP, "HUP"}, {SIGINT, "INT"}, {SIGQUIT, "QUIT"},
                                   {SIGKILL, "KILL"}, {SIGTERM, "TERM"}, {SIGUSR1, "USR1"}};

int parse_signal(std::string s) {
    if (s.rfind("SIG", 0) == 0) s = s.substr(3);
    for (const SignalName& n : signal_names)
        if (s == n.name) return n.sig;
    char* end;
    long v = std::strtol(s.c_str(), &end, 10);
    return (!s.empty() && !*end && v >= 0 && v < 64) ? static_cast<int>(v) : -1;
}

std::string field(const std::string& status, const std::string& key) {
    std::istringstream in(status);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key + ":\t", 0) == 0) return line.substr(key.size() + 2);
    return {};
}

}  // namespace

int cmd_ps(Shell&, const Args&) {
    long fd = sk::user::open("/proc", O_RDONLY | O_DIRECTORY);
    if (fd < 0) {
        tools::eprint("ps: /proc: {}\n", tools::errno_text(-fd));
        return 1;
    }
    std::vector<int> pids;
    char buf[8192];
    for (long n; (n = sk::user::getdents64(static_cast<int>(fd), buf, sizeof buf)) > 0;) {
        for (long off = 0; off < n;) {
            auto* d = reinterpret_cast<struct dirent64*>(buf + off);
            std::string name = d->d_name;
            if (name.find_first_not_of("0123456789") == std::string::npos) pids.push_back(std::stoi(name));
            off += d->d_reclen;
        }
    }
    sk::user::close(static_cast<int>(fd));
    std::sort(pids.begin(), pids.end());
    tools::print("  PID  PPID USER     STAT COMMAND\n");
    for (int pid : pids) {
        std::string status;
        if (sk::user::read_file(fmt::format("/proc/{}/status", pid).c_str(), &status) < 0) continue;  // gone
        std::string uid = field(status, "Uid");
        uid = uid.substr(0, uid.find('\t'));
        std::string user = uid == "0" ? "root" : uid == "1000" ? "student" : uid;
        tools::print("{:>5} {:>5} {:<8} {:<4} {}\n", pid, field(status, "PPid"), user,
                     field(status, "State").substr(0, 1),
                     // Kernel threads have no command line: ps shows [name].
                     field(status, "Kthread") == "1" ? "[" + field(status, "Name") + "]" : field(status, "Name"));
    }
    return 0;
}

int cmd_kill(Shell& sh, const Args& argv) {
    int sig = SIGTERM;
    size_t i = 1;
    if (i < argv.size() && argv[i] == "-s" && i + 1 < argv.size()) {
        sig = parse_signal(argv[i + 1]);
        i += 2;
    } else if (i < argv.size() && argv[i].size() > 1 && argv[i][0] == '-') {
        sig = parse_signal(argv[i].substr(1));
        ++i;
    }
    if (sig < 0 || i >= argv.size()) {
        tools::eprint("usage: kill [-SIGNAL] PID ...\n");
        return 1;
    }
    int status = 0;
    for (; i < argv.size(); ++i) {
        long pid = 0;
        bool valid;
        if (argv[i].size() > 1 && argv[i][0] == '%') {  // a background job: %1
            pid = sh.job_pid(std::atoi(argv[i].c_str() + 1));
            valid = pid > 0;
        } else {
            char* end;
            pid = std::strtol(argv[i].c_str(), &end, 10);
            valid = !argv[i].empty() && !*end;
        }
        long err = valid ? sk::user::kill(static_cast<int>(pid), sig) : -ESRCH;
        if (err < 0) {
            tools::eprint("kill: ({}) - {}\n", argv[i], tools::errno_text(-err));
            status = 1;
        }
    }
    return status;
}

int cmd_sleep(Shell&, const Args& argv) {
    char* end = nullptr;
    double secs = argv.size() == 2 ? std::strtod(argv[1].c_str(), &end) : -1;
    if (argv.size() != 2 || *end || secs < 0) {
        tools::eprint("usage: sleep SECONDS\n");
        return 1;
    }
    struct timespec ts;
    ts.tv_sec = static_cast<time_t>(secs);
    ts.tv_nsec = static_cast<long>((secs - static_cast<double>(ts.tv_sec)) * 1e9);
    return sk::user::nanosleep(&ts) < 0;
}

int cmd_wait(Shell& sh, const Args&) {
    return sh.wait_jobs();
}

}  // namespace shell

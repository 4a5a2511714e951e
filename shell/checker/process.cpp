// process.cpp - see process.hpp.
#include "checker/process.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace checker {

ProcessResult run_process(const std::vector<std::string>& argv_in, const fs::path& workdir,
                          const fs::path& stdin_file, std::chrono::milliseconds timeout) {
    ProcessResult r;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    // Everything the child needs is made before fork: after it, only calls
    // that are safe in a child of a threaded process.
    std::vector<std::string> argv_s = argv_in;
    std::vector<char*> argv;
    for (std::string& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string dir = workdir.string();
    const std::string in_path = stdin_file.empty() ? "/dev/null" : stdin_file.string();

    int pipefd[2];
    if (pipe2(pipefd, O_CLOEXEC) != 0) {
        r.started = false;
        r.output = fmt::format("cannot make a pipe: {}\n", std::strerror(errno));
        r.exit_status = 127;
        return r;
    }
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);  // its own group: a timeout kills what it started too
        int in = open(in_path.c_str(), O_RDONLY);
        if (in < 0 || chdir(dir.c_str()) != 0) _exit(126);
        dup2(in, 0);
        dup2(pipefd[1], 1);
        dup2(pipefd[1], 2);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(pipefd[1]);
    if (pid < 0) {
        close(pipefd[0]);
        r.started = false;
        r.output = fmt::format("cannot start {}: {}\n", argv_in[0], std::strerror(errno));
        r.exit_status = 127;
        return r;
    }
    char buf[4096];
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            r.timed_out = true;
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            break;
        }
        pollfd p{pipefd[0], POLLIN, 0};
        int n = poll(&p, 1, static_cast<int>(left.count()));
        if (n <= 0) continue;  // EINTR or the time ran out: the loop's top decides
        ssize_t got = read(pipefd[0], buf, sizeof buf);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        r.output.append(buf, static_cast<size_t>(got));
    }
    close(pipefd[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (WIFEXITED(status)) r.exit_status = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) {
        r.signal = WTERMSIG(status);
        r.exit_status = 128 + r.signal;
    }
    if (r.exit_status == 126 && r.output.empty()) r.output = fmt::format("cannot run in {}\n", dir);
    if (r.exit_status == 127 && r.output.empty()) r.output = fmt::format("cannot run {}\n", argv_in[0]);
    return r;
}

ScratchDir::ScratchDir(const char* prefix) {
    std::error_code ec;
    std::string tmpl = (fs::temp_directory_path(ec) / (std::string(prefix) + "-XXXXXX")).string();
    if (!ec && mkdtemp(tmpl.data())) path_ = tmpl;
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
}

fs::path self_exe() {
    std::error_code ec;
    fs::path p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : p;
}

}  // namespace checker

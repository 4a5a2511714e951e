// dlopen_probe.cpp - the first dlopen of an image in a disposable child.
// (No Linux counterpart: Linux maps a module with its own checked loader.)
//
// elf_validate.cpp checks every table the dynamic linker reads, but it
// cannot prove that glibc's dynamic linker has no other way to fall over,
// and a crash inside dlopen would take the whole simulator with it. So an
// image the process has not mapped before is first mapped in a fork()ed
// child: if the child dies (a signal, an assertion's exit status 127) or
// hangs, the load is refused and the kernel never maps it. The child
// inherits a copy of the kernel and changes nothing the parent sees: its
// descriptors other than the image's are closed first, so nothing the
// module's constructors might print reaches the console or the log file.
//
// Proven images are remembered by content, so reloading the same .ko (the
// edit-build-insmod loop reloads each build many times) costs one
// comparison, not a fork: docs/performance.md measures both.
#include <simkernel/dlopen_probe.hpp>

#include <fmt/format.h>

#include <dlfcn.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <deque>
#include <functional>
#include <mutex>
#include <string_view>
#include <vector>

namespace sk {

namespace {

constexpr int kProbeTimeoutMs = 10000;  // a dynamic linker that takes longer is stuck
constexpr size_t kProvenImages = 64;    // remembered, oldest forgotten first

struct ProvenImages {
    std::mutex mutex;
    std::deque<std::vector<char>> images;

    bool contains(std::string_view bytes) {
        std::lock_guard lock(mutex);
        for (const auto& img : images)
            if (std::string_view(img.data(), img.size()) == bytes) return true;
        return false;
    }
    void add(std::string_view bytes) {
        std::lock_guard lock(mutex);
        if (images.size() == kProvenImages) images.pop_front();
        images.emplace_back(bytes.begin(), bytes.end());
    }
};

ProvenImages& proven() {
    static ProvenImages p;
    return p;
}

// In the child: only the image's descriptor stays open, then dlopen.
[[noreturn]] void child_probe(const std::string& path, int keep_fd) {
    // A fault must end the child with its signal: not the kernel's oops
    // handling, nor a sanitizer's report (both would look like an exit).
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP}) signal(sig, SIG_DFL);
    if (keep_fd > 0) syscall(SYS_close_range, 0U, static_cast<unsigned>(keep_fd - 1), 0U);
    syscall(SYS_close_range, static_cast<unsigned>(keep_fd + 1), ~0U, 0U);
    void* h = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    _exit(h ? 0 : 1);
}

int fd_of(const std::string& path) {
    constexpr std::string_view prefix = "/proc/self/fd/";
    if (path.compare(0, prefix.size(), prefix) != 0) return -1;
    return std::atoi(path.c_str() + prefix.size());
}

}  // namespace

void forget_proven_images() {
    std::lock_guard lock(proven().mutex);
    proven().images.clear();
}

bool probe_dlopen_in_child(const std::string& path, const void* image, size_t len, std::string* why) {
    std::string_view bytes(static_cast<const char*>(image), len);
    if (proven().contains(bytes)) return true;
    pid_t pid = fork();
    if (pid < 0) {
        *why = fmt::format("cannot fork to try the mapping: {}", strerror(errno));
        return false;
    }
    if (pid == 0) child_probe(path, fd_of(path));
    int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
    if (pidfd >= 0) {
        struct pollfd p = {pidfd, POLLIN, 0};
        int ready;
        do ready = poll(&p, 1, kProbeTimeoutMs);
        while (ready < 0 && errno == EINTR);
        ::close(pidfd);
        if (ready == 0) kill(pid, SIGKILL);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        const char* abbrev = sigabbrev_np(sig);
        *why = sig == SIGKILL ? fmt::format("the dynamic linker did not finish mapping it in {} s",
                                            kProbeTimeoutMs / 1000)
                              : fmt::format("the dynamic linker crashed mapping it (SIG{}, in a disposable child "
                                            "process)", abbrev ? abbrev : "?");
        return false;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        *why = "the dynamic linker stopped on an assertion mapping it (exit status 127, in a disposable child)";
        return false;
    }
    // dlopen failed cleanly in the child: the real dlopen will fail the same
    // way and report dlerror(); nothing is remembered.
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return true;
    proven().add(bytes);
    return true;
}

}  // namespace sk

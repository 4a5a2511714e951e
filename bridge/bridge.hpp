// bridge.hpp - running unmodified host programs on the simulated kernel.
//
// A host program started through the bridge runs under a seccomp filter
// that hands its system calls on simulated files (/dev, /proc, /sys, the
// simulated root, the module calls, uname) to a supervisor in this process,
// which makes them through sk::do_syscall as the program's simulated task.
// Everything else runs on the host untouched. docs/userspace.md explains
// the mechanism and its limits.
#pragma once

#include <sys/types.h>

#include <functional>
#include <string>
#include <vector>

namespace sk {
class Kernel;
struct Task;
}  // namespace sk

namespace bridge {

struct LaunchOptions {
    uid_t uid = 1000;  // the simulated task's uid and gid
    gid_t gid = 1000;
    bool quiet = false;  // no "simkernel: ..." diagnostics of its own
    // A background job ("cmd &" in the built-in shell): the program gets a
    // process group of its own (the terminal's Ctrl-C is not for it), and a
    // terminating signal sent to `parent` in the simulated kernel (kill %1)
    // is passed on to it.
    bool background = false;
};

// Runs argv (looked up in PATH) as a host process whose simulated task is a
// child of `parent`; returns its exit status as a shell reports it (0-255,
// 128+N for a signal). Everything the program forks or execs stays bridged.
// Returns 127 (with a message) if the program cannot be started.
int run_host_program(sk::Kernel& k, sk::Task* parent, const std::vector<std::string>& argv,
                     const LaunchOptions& opts = {});

// Whether `name` is a program the host would run (in PATH, or a path).
bool host_program_exists(const std::string& name);

// The built-in shell's door to host programs: a line with a pipe, or whose
// command (after any `sudo`) is not built in but is a host program, runs
// whole in the host's bash (or sh) on this kernel, where `sudo` is
// simkernel's. -1 if the line is not one.
int run_host_line(sk::Kernel& k, sk::Task* shell_task, const std::vector<std::string>& words,
                  const std::string& text, const std::function<bool(const std::string&)>& is_builtin);

// The built-in shell's "LINE &" for a host program or a pipe: LINE (without
// the "&") runs in the host's bash as a child of `job_task`, the job's own
// task, bound to the calling thread; returns its exit status.
int run_host_job(sk::Kernel& k, sk::Task* job_task, const std::string& line);

// simkernel's sudo, run inside a bridged program as `sudo CMD...`: asks the
// simulated kernel for uid 0 (the host's credentials are not touched) and
// execs CMD. Returns only on failure, with an exit status.
int sudo_main(int argc, char** argv);

}  // namespace bridge

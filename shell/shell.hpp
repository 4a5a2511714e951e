// shell.hpp - the simkernel shell: a user-space program of the simulated
// kernel. It reads command lines, runs each command as its own task (a
// child of the shell's task, with a copy of its fds), and keeps the exit
// status of the last one.
#pragma once

#include "commands.hpp"
#include "parser.hpp"

#include <simkernel/user.hpp>

#include <atomic>
#include <functional>
#include <istream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace shell {

struct ShellOptions {
    bool echo = false;  // print "$ command" before running it (transcripts)
    // An interactive shell, as bash on a terminal, ignores SIGTERM and
    // SIGQUIT and takes SIGINT to mean "stop this command" (shell.md).
    bool interactive = false;
};

// The machine's side of the terminal, wired by the boot (main.cpp): what
// the student's fingers do that is not a system call.
struct Terminal {
    std::function<size_t(const std::string&)> type_keys;  // keypress: into the keyboard controller
    std::function<void(pid_t)> interrupt;                  // Ctrl-C: the tty sends SIGINT to pid
    // A line with a pipe, or a host program: run on this kernel through the
    // bridge (bridge/, docs/userspace.md); its exit status, or -1 if the
    // line is the shell's own.
    std::function<int(const std::vector<std::string>& words, const std::string& text)> run_host;
    // "LINE &" whose command is not built in (a host program, a pipe): LINE
    // runs through the bridge as a child of the job's task (bound to the
    // calling thread); its exit status.
    std::function<int(sk::Task* job_task, const std::string& line)> run_host_job;
};

// Switches the bound task to uid and its group, as a setuid program does:
// saved ids too if drop_saved (no way back), else kept. Root is taken first
// and given up last, since only root may set any group. 0 or -errno.
long become(uid_t uid, bool drop_saved);

class Shell {
public:
    static constexpr uid_t kUserUid = 1000;  // the student
    static constexpr gid_t kUserGid = 1000;

    // task: the shell's own task, started as root; the shell drops to the
    // student's uid at once, keeping root as its saved uid for sudo.
    Shell(sk::Task* task, ShellOptions opts, Terminal terminal);

    int run_line(const std::string& line);
    int run_stream(std::istream& in);
    int run_interactive();

    // Runs argv as uid (sudo passes 0) with the given redirections.
    int run_argv(const Args& argv, const std::vector<Redirect>& redirects, uid_t uid);

    const Terminal& terminal() const { return terminal_; }
    bool exiting() const { return exiting_; }
    void request_exit(int status) {
        exiting_ = true;
        last_status_ = status;
    }
    int last_status() const { return last_status_; }

    // Ctrl-C: SIGINT to the foreground command, as the terminal driver does.
    void interrupt();
    // Ends every background job (SIGKILL) and waits for it.
    void stop_jobs();
    // Waits for every background job to finish, reporting each: 0, or
    // 128 + the signal that interrupted the wait (as bash's wait).
    int wait_jobs() { return reap_jobs(true, true); }
    // The pid of background job number n (%n), or 0.
    pid_t job_pid(int n);
    ~Shell();
    const std::string& home() const { return home_; }  // where the shell started

private:
    int run_command(const Command& cmd);
    void report_signal_death(int status);
    // Runs the command's code; *killed_by: the signal that ended it, or 0.
    int run_program(const CommandSpec& spec, const Args& argv, int* killed_by = nullptr);
    std::string prompt();
    // The child's side of fork, before running a command (what a shell does
    // between fork and exec): its name, its credentials, default signals.
    static void enter_child(const std::string& name, uid_t uid);
    // exit(2) as the bound child, then reaps it as parent: its shell status.
    static int finish_child(sk::Task* parent, pid_t child, int status);

    sk::Task* task_;
    pid_t pid_;
    ShellOptions opts_;
    Terminal terminal_;
    // The terminating signal that ended a command run in the shell's own
    // task (a read interrupted by SIGINT): the shell received it too.
    int killed_in_shell_ = 0;
    int last_status_ = 0;
    bool exiting_ = false;
    std::string home_;

    // Background jobs: each runs on a thread of its own, as its own task,
    // a child of the shell's; wait4 tells when it has exited.
    struct Job {
        int number;
        pid_t pid;
        std::string text;
        std::thread thread;
    };
    std::mutex jobs_mutex_;
    std::vector<Job> jobs_;
    std::atomic<pid_t> foreground_{0};  // the task Ctrl-C interrupts
    void start_job(const Command& cmd);
    int reap_jobs(bool wait, bool report = true);
    // Signals sent to the shell's own task (kill 3, kill %1 of a job that
    // kills the shell): the terminating signals that arrived and that the
    // shell does not ignore or catch. 0 if none.
    int own_fatal_signal() const;
    // Acts on them: the shell ends as bash would, the kernel shutting down
    // in order behind it. True if it did.
    bool check_own_signals();
};

}  // namespace shell

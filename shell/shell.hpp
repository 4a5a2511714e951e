// shell.hpp - the simkernel shell: a user-space program of the simulated
// kernel. It reads command lines, runs each command as its own task (a
// child of the shell's task, with a copy of its fds), and keeps the exit
// status of the last one.
#pragma once

#include "commands.hpp"
#include "parser.hpp"

#include <simkernel/kernel.hpp>

#include <atomic>
#include <istream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace shell {

struct ShellOptions {
    bool echo = false;  // print "$ command" before running it (transcripts)
};

class Shell {
public:
    static constexpr uid_t kUserUid = 1000;  // the student
    static constexpr gid_t kUserGid = 1000;

    Shell(sk::Kernel& k, sk::Task* task, ShellOptions opts);

    int run_line(const std::string& line);
    int run_stream(std::istream& in);
    int run_interactive();

    // Runs argv as uid (sudo passes 0) with the given redirections.
    int run_argv(const Args& argv, const std::vector<Redirect>& redirects, uid_t uid);

    sk::Kernel& kernel() { return kernel_; }
    sk::Task* task() { return task_; }
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
    // Waits for every background job to finish, reporting each.
    void wait_jobs() { reap_jobs(true, true); }
    // The pid of background job number n (%n), or 0.
    pid_t job_pid(int n);
    ~Shell();
    const std::string& home() const { return home_; }  // where the shell started

private:
    int run_command(const Command& cmd);
    int run_program(const CommandSpec& spec, const Args& argv);
    std::string prompt();

    sk::Kernel& kernel_;
    sk::Task* task_;
    ShellOptions opts_;
    int last_status_ = 0;
    bool exiting_ = false;
    std::string home_;

    // Background jobs: each runs on a thread of its own, as its own task.
    struct Job {
        int number;
        pid_t pid;
        std::string text;
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
        std::shared_ptr<std::atomic<int>> status;  // set before done
    };
    std::mutex jobs_mutex_;
    std::vector<Job> jobs_;
    int next_job_ = 1;
    std::atomic<pid_t> foreground_{0};  // the task Ctrl-C interrupts
    void start_job(const Command& cmd);
    void reap_jobs(bool wait, bool report = true);
};

}  // namespace shell

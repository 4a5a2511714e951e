// shell.cpp - running command lines.
#include "shell.hpp"

#include "line_editor.hpp"
#include "tools/uio.hpp"

#include <simkernel/syscalls.hpp>
#include <simkernel/user.hpp>

#include <csignal>
#include <cstring>

namespace shell {

namespace {

// Points fd r.fd of the bound task at r.path; returns -errno or 0.
long apply_redirect(const Redirect& r) {
    int flags = O_WRONLY | O_CREAT | (r.append ? O_APPEND : O_TRUNC);
    long fd = sk::user::open(r.path.c_str(), flags, 0644);
    if (fd < 0) return fd;
    if (fd != r.fd) {
        long err = sk::user::dup2(static_cast<int>(fd), r.fd);
        sk::user::close(static_cast<int>(fd));
        if (err < 0) return err;
    }
    return 0;
}

}  // namespace

Shell::Shell(sk::Kernel& k, sk::Task* task, ShellOptions opts) : kernel_(k), task_(task), opts_(opts) {
    sk::user::bind_thread(task_);
    home_ = task_->cwd;
}

int Shell::run_line(const std::string& line) {
    ParseResult parsed = parse_line(line);
    if (!parsed.error.empty()) {
        tools::eprint("simkernel: {}\n", parsed.error);
        return last_status_ = 2;
    }
    for (const Command& cmd : parsed.commands) {
        last_status_ = run_command(cmd);
        if (exiting_) break;
    }
    return last_status_;
}

int Shell::run_command(const Command& cmd) {
    if (opts_.echo) tools::print("$ {}\n", cmd.text);
    reap_jobs(false);
    if (cmd.argv.empty()) return 0;
    if (cmd.background) {
        start_job(cmd);
        return 0;
    }
    return run_argv(cmd.argv, cmd.redirects, kUserUid);
}

// "cmd &": a thread runs the command as a child task; the shell goes on.
void Shell::start_job(const Command& cmd) {
    const CommandSpec* spec = find_command(cmd.argv[0]);
    if (!spec || spec->in_shell_task) {
        // cd, exit, open... act on the shell itself: they cannot run apart.
        if (spec) tools::eprint("simkernel: {}: cannot run in the background\n", cmd.argv[0]);
        else tools::eprint("simkernel: {}: command not found (try 'help')\n", cmd.argv[0]);
        return;
    }
    sk::Task* child = kernel_.tasks.spawn(task_, cmd.argv[0], kUserUid, kUserGid);
    auto done = std::make_shared<std::atomic<bool>>(false);
    auto job_status = std::make_shared<std::atomic<int>>(0);
    std::lock_guard lock(jobs_mutex_);
    int number = next_job_++;
    tools::print("[{}] {}\n", number, child->pid);
    // bash reports the job by its command, without the "&".
    std::string text = cmd.text;
    if (auto amp = text.find_last_not_of(" \t"); amp != std::string::npos && text[amp] == '&')
        text = text.substr(0, text.find_last_not_of(" \t", amp - 1) + 1);
    jobs_.push_back({number, child->pid, text, std::thread([this, cmd, child, spec, done, job_status] {
                         sk::user::bind_thread(child);
                         int status = 0;
                         for (const Redirect& r : cmd.redirects) {
                             if (long err = apply_redirect(r)) {
                                 tools::eprint("simkernel: {}: {}\n", r.path, tools::errno_text(static_cast<int>(-err)));
                                 status = 1;
                                 break;
                             }
                         }
                         if (status == 0) status = run_program(*spec, cmd.argv);
                         sk::user::bind_thread(nullptr);
                         kernel_.tasks.exit(child);
                         job_status->store(status);
                         done->store(true);
                     }),
                     done, job_status});
}

// Collects finished jobs ("[1]+  Done  cmd"); with wait, waits for all.
void Shell::reap_jobs(bool wait, bool report) {
    std::lock_guard lock(jobs_mutex_);
    for (auto it = jobs_.begin(); it != jobs_.end();) {
        if (!wait && !it->done->load()) {
            ++it;
            continue;
        }
        it->thread.join();
        if (report) {
            // bash's words: Done, Exit N, or the name of the signal that ended it.
            int st = it->status->load();
            std::string how = st == 0 ? "Done" : st > 128 ? strsignal(st - 128) : fmt::format("Exit {}", st);
            tools::print("[{}]+  {:<24}{}\n", it->number, how, it->text);
        }
        it = jobs_.erase(it);
    }
}

pid_t Shell::job_pid(int n) {
    std::lock_guard lock(jobs_mutex_);
    for (const Job& j : jobs_)
        if (j.number == n) return j.pid;
    return 0;
}

void Shell::interrupt() {
    if (pid_t pid = foreground_.load()) kernel_.tasks.signal(pid, SIGINT, 0);
}

void Shell::stop_jobs() {
    {
        std::lock_guard lock(jobs_mutex_);
        for (const Job& j : jobs_) kernel_.tasks.signal(j.pid, SIGKILL, 0);
    }
    reap_jobs(true, false);
}

Shell::~Shell() { stop_jobs(); }


// Runs a command's code; a signal that ends the task ends the command,
// with the shell's usual status: 128 + the signal number.
int Shell::run_program(const CommandSpec& spec, const Args& argv) {
    try {
        return spec.run(*this, argv);
    } catch (const sk::TaskKilled& k) {
        return 128 + k.sig;
    }
}

int Shell::run_argv(const Args& argv, const std::vector<Redirect>& redirects, uid_t uid) {
    const CommandSpec* spec = find_command(argv[0]);
    if (!spec) {
        tools::eprint("simkernel: {}: command not found (try 'help')\n", argv[0]);
        return 127;
    }

    if (spec->in_shell_task) {
        // The shell's own task runs it; redirections last for this command only.
        uid_t task_uid = task_->uid;
        task_->uid = uid;
        std::vector<std::pair<int, long>> saved;
        int status = 0;
        for (const Redirect& r : redirects) {
            saved.emplace_back(r.fd, sk::user::dup(r.fd));
            if (long err = apply_redirect(r)) {
                tools::eprint("simkernel: {}: {}\n", r.path, tools::errno_text(static_cast<int>(-err)));
                status = 1;
                break;
            }
        }
        pid_t outer = foreground_.exchange(task_->pid);
        if (status == 0) status = run_program(*spec, argv);
        foreground_.store(outer);
        for (auto it = saved.rbegin(); it != saved.rend(); ++it) {
            if (it->second >= 0) {
                sk::user::dup2(static_cast<int>(it->second), it->first);
                sk::user::close(static_cast<int>(it->second));
            } else {
                sk::user::close(it->first);
            }
        }
        task_->uid = task_uid;
        return status;
    }

    // A child task: fork (a copy of the fd table), redirect, run, exit.
    sk::Task* parent = sk::user::bound_task();
    sk::Task* child = kernel_.tasks.spawn(parent, argv[0], uid, uid == 0 ? 0 : kUserGid);
    sk::user::bind_thread(child);
    int status = 0;
    for (const Redirect& r : redirects) {
        if (long err = apply_redirect(r)) {
            tools::eprint("simkernel: {}: {}\n", r.path, tools::errno_text(static_cast<int>(-err)));
            status = 1;
            break;
        }
    }
    pid_t outer = foreground_.exchange(parent == task_ ? child->pid : foreground_.load());
    if (status == 0) status = run_program(*spec, argv);
    foreground_.store(outer);
    sk::user::bind_thread(parent);
    kernel_.tasks.exit(child);
    return status;
}

int Shell::run_stream(std::istream& in) {
    std::string line;
    while (!exiting_ && std::getline(in, line)) run_line(line);
    return last_status_;
}

std::string Shell::prompt() {
    char cwd[4096];
    long n = sk::user::getcwd(cwd, sizeof cwd);
    return fmt::format("student@simkernel:{}$ ", n > 0 ? cwd : "?");
}

int Shell::run_interactive() {
    LineEditor editor(*this);
    tools::print("simkernel {} — type 'help' for commands, 'exit' to shut down.\n", sk::kernel_release());
    std::string line;
    while (!exiting_ && editor.read_line(prompt(), &line)) run_line(line);
    return last_status_;
}

}  // namespace shell

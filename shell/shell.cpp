// shell.cpp - running command lines.
#include "shell.hpp"

#include "line_editor.hpp"
#include "tools/uio.hpp"

#include <simkernel/user.hpp>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>

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

// run_argv calls in progress on this thread (the shell's, or a job's).
thread_local int run_argv_depth = 0;

}  // namespace

namespace {

// A user-space signal set: bit sig - 1 (rt_sigprocmask(2)).
unsigned long bit(int sig) { return 1UL << (sig - 1); }
constexpr unsigned long kAllSignals = ~0UL;
constexpr uid_t kUnchanged = static_cast<uid_t>(-1);

long set_disposition(int sig, unsigned long handler) {
    sk_kernel_sigaction act{};
    act.handler = handler;
    return sk::user::rt_sigaction(sig, &act, nullptr);
}

}  // namespace

long become(uid_t uid, bool drop_saved) {
    gid_t gid = uid == 0 ? 0 : Shell::kUserGid;
    uid_t suid = drop_saved ? uid : kUnchanged;
    gid_t sgid = drop_saved ? gid : kUnchanged;
    if (uid == 0) {
        if (long err = sk::user::setresuid(uid, uid, suid)) return err;
        return sk::user::setresgid(gid, gid, sgid);
    }
    if (long err = sk::user::setresgid(gid, gid, sgid)) return err;
    return sk::user::setresuid(uid, uid, suid);
}

namespace {

// The shell's status for a wait status: the exit code, or 128 + the signal.
int shell_status(int wstatus) {
    return WIFSIGNALED(wstatus) ? 128 + WTERMSIG(wstatus) : WEXITSTATUS(wstatus);
}

}  // namespace

Shell::Shell(sk::Task* task, ShellOptions opts, Terminal terminal)
    : task_(task), opts_(opts), terminal_(std::move(terminal)) {
    sk::user::bind_thread(task_);
    pid_ = static_cast<pid_t>(sk::user::getpid());
    // Started as root, the shell drops to the student, keeping root as its
    // saved uid: that is how its sudo can take root back, as a setuid
    // program does.
    become(kUserUid, false);
    char cwd[4096];
    if (sk::user::getcwd(cwd, sizeof cwd) > 0) home_ = cwd;
    // The shell's own code is never interrupted half-way (a redirection
    // half-undone, sudo's uid left in place): its signals stay pending until
    // it looks at them between commands (check_own_signals). Only a command
    // run in the shell's task itself (read, wait, ...) is interruptible.
    sk::user::rt_sigprocmask(SIG_SETMASK, &kAllSignals, nullptr);
    if (opts_.interactive) {
        set_disposition(SIGTERM, 1);  // SIG_IGN
        set_disposition(SIGQUIT, 1);
    }
}

int Shell::run_line(const std::string& line) {
    if (check_own_signals()) return last_status_;
    ParseResult parsed = parse_line(line, pid_);
    if (!parsed.error.empty()) {
        tools::eprint("simkernel: {}\n", parsed.error);
        return last_status_ = 2;
    }
    for (const Command& cmd : parsed.commands) {
        last_status_ = run_command(cmd);
        if (exiting_ || check_own_signals()) break;
    }
    return last_status_;
}

int Shell::own_fatal_signal() const {
    unsigned long got = 0;
    sk::user::rt_sigpending(&got);
    if (killed_in_shell_) got |= bit(killed_in_shell_);
    // Interactive, SIGINT is caught: it ends the command in the shell's
    // task (read on /dev/kbd, wait), never the shell.
    if (opts_.interactive) got &= ~bit(SIGINT);
    for (int sig : sk::kTerminatingSignals)
        if (got & bit(sig)) return sig;
    return 0;
}

bool Shell::check_own_signals() {
    int sig = own_fatal_signal();
    // Whatever arrived has now been seen: a caught SIGINT is spent.
    const struct timespec now = {0, 0};
    while (sk::user::rt_sigtimedwait(&kAllSignals, &now) > 0) {
    }
    killed_in_shell_ = 0;
    if (!sig) return false;
    // The shell ends, as bash does; the message is the one its parent (the
    // terminal's shell) would print: "Killed", "Terminated".
    tools::eprint("{}\n", strsignal(sig));
    exiting_ = true;
    last_status_ = 128 + sig;
    return true;
}

int Shell::run_command(const Command& cmd) {
    if (opts_.echo) tools::print("$ {}\n", cmd.text);
    // Finished jobs are reported before the next command; wait reports
    // them itself, all in job order.
    if (cmd.argv.empty() || cmd.argv[0] != "wait") reap_jobs(false);
    if (cmd.argv.empty()) return 0;
    if (cmd.background) {
        start_job(cmd);
        return 0;
    }
    // A pipe, or a host program: the host's shell runs the line on this
    // kernel (bridge/, docs/userspace.md); its own sudo is simkernel's.
    if (terminal_.run_host) {
        try {
            if (int st = terminal_.run_host(cmd.argv, cmd.text); st >= 0) return last_status_ = st;
        } catch (const sk::TaskKilled& k) {  // the shell's task, killed while it ran: as in-shell commands
            killed_in_shell_ = k.sig;
            return last_status_ = 128 + k.sig;
        }
    }
    return run_argv(cmd.argv, cmd.redirects, kUserUid);
}

// "cmd &": a thread runs the command as a child task; the shell goes on.
// "sudo cmd &" runs cmd as root in the background, as sudo would.
void Shell::start_job(const Command& cmd) {
    Args argv = cmd.argv;
    uid_t uid = kUserUid;
    while (argv.size() > 1 && argv[0] == "sudo") {
        argv.erase(argv.begin());
        uid = 0;
    }
    const CommandSpec* spec = find_command(argv[0]);
    // Not built in (a host program, a pipe): the bridge runs it, as bash
    // would, reporting "command not found" itself (Exit 127).
    const bool host = (!spec || std::find(argv.begin(), argv.end(), "|") != argv.end()) && terminal_.run_host_job;
    if (!host && (!spec || spec->in_shell_task)) {
        // cd, exit, open... act on the shell itself: they cannot run apart.
        if (spec) tools::eprint("simkernel: {}: cannot run in the background\n", argv[0]);
        else tools::eprint("simkernel: {}: command not found (try 'help')\n", argv[0]);
        return;
    }
    sk::Task* child = nullptr;
    long pid = sk::user::fork(&child);
    if (pid < 0) {
        tools::eprint("simkernel: fork: {}\n", tools::errno_text(static_cast<int>(-pid)));
        return;
    }
    std::lock_guard lock(jobs_mutex_);
    // As bash: one more than the highest job number in use (1 when none).
    int number = jobs_.empty() ? 1 : jobs_.back().number + 1;
    tools::print("[{}] {}\n", number, pid);
    // bash reports the job by its command, without the "&".
    std::string text = cmd.text;
    if (auto amp = text.find_last_not_of(" \t"); amp != std::string::npos && text[amp] == '&')
        text = text.substr(0, text.find_last_not_of(" \t", amp - 1) + 1);
    if (host) {
        jobs_.push_back({number, static_cast<pid_t>(pid), text, std::thread([this, text, child] {
                             sk::user::bind_thread(child);
                             int status = 0;
                             try {
                                 sk::user::prctl(PR_SET_NAME, reinterpret_cast<unsigned long>("sh"));
                                 const unsigned long none = 0;
                                 sk::user::rt_sigprocmask(SIG_SETMASK, &none, nullptr);
                                 set_disposition(SIGTERM, 0);  // kill %1 ends it (the bridge passes it on)
                                 status = terminal_.run_host_job(child, text);
                             } catch (const sk::TaskKilled& k) {  // killed before its program started
                                 status = 128 + k.sig;
                             }
                             sk::user::exit(status);
                         })});
        return;
    }
    jobs_.push_back({number, static_cast<pid_t>(pid), text, std::thread([this, cmd, argv, uid, child, spec] {
                         sk::user::bind_thread(child);
                         int status = 0;
                         try {
                             enter_child(argv[0], uid);
                             for (const Redirect& r : cmd.redirects) {
                                 if (long err = apply_redirect(r)) {
                                     tools::eprint("simkernel: {}: {}\n", r.path, tools::errno_text(static_cast<int>(-err)));
                                     status = 1;
                                     break;
                                 }
                             }
                             if (status == 0) status = run_program(*spec, argv);
                         } catch (const sk::TaskKilled& k) {  // killed while redirecting
                             status = 128 + k.sig;
                         }
                         sk::user::exit(status);  // the shell's wait4 sees it
                     })});
}

// Collects finished jobs ("[1]+  Done  cmd"); with wait, waits for all
// (wait4: a signal that ends the wait command ends it here, as TaskKilled).
// Only this thread adds and removes jobs, so it walks the list without the
// lock, and it never holds the lock across a join: a job may be taking it
// (job_pid, for "kill %1 &").
int Shell::reap_jobs(bool wait, bool report) {
    for (size_t i = 0; i < jobs_.size();) {
        Job& j = jobs_[i];
        int wstatus = 0;
        long got;
        while ((got = sk::user::wait4(j.pid, &wstatus, wait ? 0 : WNOHANG)) == -EINTR) {
        }
        if (got == 0) {  // still running
            ++i;
            continue;
        }
        j.thread.join();
        if (report) {
            // bash's words: Done, Exit N, or the name of the signal that ended it.
            int st = got > 0 ? shell_status(wstatus) : 1;
            std::string how = st == 0 ? "Done" : st > 128 ? strsignal(st - 128) : fmt::format("Exit {}", st);
            tools::print("[{}]+  {:<24}{}\n", j.number, how, j.text);
        }
        std::lock_guard lock(jobs_mutex_);
        jobs_.erase(jobs_.begin() + static_cast<long>(i));
    }
    return 0;
}

pid_t Shell::job_pid(int n) {
    std::lock_guard lock(jobs_mutex_);
    for (const Job& j : jobs_)
        if (j.number == n) return j.pid;
    return 0;
}

void Shell::interrupt() {
    if (pid_t pid = foreground_.load(); pid && terminal_.interrupt) terminal_.interrupt(pid);
}

void Shell::stop_jobs() {
    // Every job ends (SIGKILL, sent as root: sudo's jobs too); nothing may
    // cut this wait short: the shell's signals are blocked.
    uid_t uid = static_cast<uid_t>(sk::user::getuid());
    become(0, false);
    {
        std::lock_guard lock(jobs_mutex_);
        for (const Job& j : jobs_) sk::user::kill(j.pid, SIGKILL);
    }
    for (Job& j : jobs_) {
        j.thread.join();
        int wstatus;
        sk::user::wait4(j.pid, &wstatus, 0);
    }
    become(uid, false);
    std::lock_guard lock(jobs_mutex_);
    jobs_.clear();
}

Shell::~Shell() { stop_jobs(); }


// Runs a command's code; a signal that ends the task ends the command,
// with the shell's usual status: 128 + the signal number.
int Shell::run_program(const CommandSpec& spec, const Args& argv, int* killed_by) {
    try {
        return spec.run(*this, argv);
    } catch (const sk::TaskKilled& k) {
        if (killed_by) *killed_by = k.sig;
        return 128 + k.sig;
    }
}

void Shell::enter_child(const std::string& name, uid_t uid) {
    sk::user::prctl(PR_SET_NAME, reinterpret_cast<unsigned long>(name.c_str()));
    become(uid, true);  // sudo's root, or the student for good
    const unsigned long none = 0;
    sk::user::rt_sigprocmask(SIG_SETMASK, &none, nullptr);
    set_disposition(SIGTERM, 0);  // SIG_DFL
    set_disposition(SIGQUIT, 0);
}

int Shell::finish_child(sk::Task* parent, pid_t child, int status) {
    sk::user::exit(status);
    sk::user::bind_thread(parent);
    int wstatus = 0;
    long got;
    while ((got = sk::user::wait4(child, &wstatus, 0)) == -EINTR) {
    }
    return got > 0 ? shell_status(wstatus) : status;
}

// bash's word for a foreground command a signal ended ("Killed" for a task
// that oopsed or got kill -9); nothing for Ctrl-C.
void Shell::report_signal_death(int status) {
    int sig = status - 128;
    if (status > 128 && sig != SIGINT && sig != SIGPIPE) tools::eprint("{}\n", strsignal(sig));
}

int Shell::run_argv(const Args& argv, const std::vector<Redirect>& redirects, uid_t uid) {
    // "sudo CMD" runs CMD through here again: only the outermost says "Killed".
    struct Nesting {
        int& n;
        explicit Nesting(int& count) : n(++count) {}
        ~Nesting() { --n; }
    } nesting(run_argv_depth);
    const CommandSpec* spec = find_command(argv[0]);
    if (!spec) {
        tools::eprint("simkernel: {}: command not found (try 'help')\n", argv[0]);
        return 127;
    }

    if (spec->in_shell_task) {
        // The shell's own task runs it; redirections last for this command only.
        uid_t task_uid = static_cast<uid_t>(sk::user::getuid());
        become(uid, false);
        std::vector<std::pair<int, long>> saved;
        int status = 0;
        for (const Redirect& r : redirects) {
            // Saved at 10 and up, as bash does, so that the command cannot
            // close or overwrite the copy ("close 5 > f" with fd 5 free).
            saved.emplace_back(r.fd, sk::user::fcntl(r.fd, F_DUPFD, 10));
            if (long err = apply_redirect(r)) {
                tools::eprint("simkernel: {}: {}\n", r.path, tools::errno_text(static_cast<int>(-err)));
                status = 1;
                break;
            }
        }
        pid_t outer = foreground_.exchange(pid_);
        // The command may be interrupted (Ctrl-C ends a blocking read);
        // the shell's own code around it may not.
        const unsigned long none = 0;
        unsigned long blocked = 0;
        sk::user::rt_sigprocmask(SIG_SETMASK, &none, &blocked);
        int killed_by = 0;
        if (status == 0) status = run_program(*spec, argv, &killed_by);
        sk::user::rt_sigprocmask(SIG_SETMASK, &blocked, nullptr);
        if (killed_by) killed_in_shell_ = killed_by;
        foreground_.store(outer);
        if (run_argv_depth == 1) report_signal_death(status);
        for (auto it = saved.rbegin(); it != saved.rend(); ++it) {
            if (it->second >= 0) {
                sk::user::dup2(static_cast<int>(it->second), it->first);
                sk::user::close(static_cast<int>(it->second));
            } else {
                sk::user::close(it->first);
            }
        }
        become(task_uid, false);
        return status;
    }

    // A child task: fork (a copy of the fd table), redirect, run, exit.
    sk::Task* parent = sk::user::bound_task();
    sk::Task* child = nullptr;
    long pid = sk::user::fork(&child);
    if (pid < 0) {
        tools::eprint("simkernel: fork: {}\n", tools::errno_text(static_cast<int>(-pid)));
        return 1;
    }
    sk::user::bind_thread(child);
    int status = 0;
    pid_t outer = foreground_.exchange(parent == task_ ? static_cast<pid_t>(pid) : foreground_.load());
    try {
        enter_child(argv[0], uid);
        for (const Redirect& r : redirects) {
            if (long err = apply_redirect(r)) {
                tools::eprint("simkernel: {}: {}\n", r.path, tools::errno_text(static_cast<int>(-err)));
                status = 1;
                break;
            }
        }
        if (status == 0) status = run_program(*spec, argv);
    } catch (const sk::TaskKilled& k) {  // killed while redirecting
        status = 128 + k.sig;
    }
    status = finish_child(parent, static_cast<pid_t>(pid), status);
    foreground_.store(outer);
    if (run_argv_depth == 1) report_signal_death(status);
    return status;
}

int Shell::run_stream(std::istream& in) {
    std::string line;
    while (!exiting_ && !check_own_signals() && std::getline(in, line)) run_line(line);
    return last_status_;
}

std::string Shell::prompt() {
    char cwd[4096];
    long n = sk::user::getcwd(cwd, sizeof cwd);
    return fmt::format("student@simkernel:{}$ ", n > 0 ? cwd : "?");
}

int Shell::run_interactive() {
    LineEditor editor(*this);
    tools::print("simkernel {} — type 'help' for commands, 'exit' to shut down.\n", SK_RELEASE);
    std::string line;
    while (!exiting_ && !check_own_signals() && editor.read_line(prompt(), &line)) run_line(line);
    return last_status_;
}

}  // namespace shell

// shell.cpp - running command lines.
#include "shell.hpp"

#include "line_editor.hpp"
#include "tools/uio.hpp"

#include <simkernel/user.hpp>

namespace shell {

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
    if (cmd.argv.empty()) return 0;
    return run_argv(cmd.argv, cmd.redirects, kUserUid);
}

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

int Shell::run_argv(const Args& argv, const std::vector<Redirect>& redirects, uid_t uid) {
    const CommandSpec* spec = find_command(argv[0]);
    if (!spec) {
        tools::eprint("simkernel: {}: command not found (try 'help')\n", argv[0]);
        return 127;
    }
    uid_t saved_uid = current_uid_;
    current_uid_ = uid;

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
        if (status == 0) status = spec->run(*this, argv);
        for (auto it = saved.rbegin(); it != saved.rend(); ++it) {
            if (it->second >= 0) {
                sk::user::dup2(static_cast<int>(it->second), it->first);
                sk::user::close(static_cast<int>(it->second));
            } else {
                sk::user::close(it->first);
            }
        }
        task_->uid = task_uid;
        current_uid_ = saved_uid;
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
    if (status == 0) status = spec->run(*this, argv);
    sk::user::bind_thread(parent);
    kernel_.tasks.exit(child);
    current_uid_ = saved_uid;
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

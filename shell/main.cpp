// main.cpp - simkernel: boot a kernel, start the shell on it.
//
//   simkernel [--root DIR] [-c 'cmd; cmd'] [--echo] [SCRIPT]
//   simkernel lab list | start N [DIR] | check N [DIR] | export --student DIR
//   simkernel test FILE.t ...
//   simkernel run [--root DIR] [--uid N] -- CMD ARGS...   (host programs: docs/userspace.md)
//
// Interactive on a terminal; otherwise it runs -c, the script, or standard
// input, and exits with the status of the last command. Exiting the shell
// shuts the kernel down (modules are unloaded, newest first).
//
// This file is the boot: the one part of the program that links the kernel.
// It constructs sk::Kernel, starts the shell's task and wires the terminal
// (keyboard, Ctrl-C) to the machine; everything else of the shell reaches
// the kernel only through system calls (docs/architecture.md). Host
// programs reach it through the bridge (bridge/, docs/userspace.md).
#include "bridge.hpp"
#include "checker/commands.hpp"
#include "commands.hpp"
#include "root_setup.hpp"
#include "shell.hpp"

#include <simkernel/kernel.hpp>
#include <simkernel/user.hpp>
#include <simkernel/vfs.hpp>

#include <csignal>

#include <CLI/CLI.hpp>

#include <csignal>
#include <fstream>
#include <thread>
#include <iostream>
#include <unistd.h>

// `simkernel run`: boot a kernel and run one host program (and whatever it
// starts) on it, as the student; the exit status is the program's.
int run_command(const std::filesystem::path& root_dir, const std::vector<std::string>& cmd, int uid, bool no_builtin) {
    sk::Kernel kernel({.root = root_dir, .builtin_drivers = !no_builtin});
    sk::Task* parent = kernel.init_task();
    sk::user::bind_thread(parent);  // depmod -A, as root (init)
    shell::refresh_module_index();
    sk::user::bind_thread(nullptr);
    auto id = static_cast<uid_t>(uid);
    return bridge::run_host_program(kernel, parent, cmd, {.uid = id, .gid = id});
}

int main(int argc, char** argv) {
    // Inside a bridged program, `sudo` is this program (docs/userspace.md).
    if (std::string_view a0 = argv[0]; a0 == "sudo" || a0.ends_with("/sudo")) return bridge::sudo_main(argc, argv);
    CLI::App app{"simkernel: a simulated Linux kernel and its shell"};
    std::string root, command, script;
    bool echo = false, no_builtin = false;
    app.add_option("--root", root, "the simulated root directory (default: " + shell::default_root().string() + ")");
    app.add_option("-c", command, "run these commands (separated by ';') and exit");
    app.add_flag("--echo", echo, "print each command, prefixed by '$ ', before running it");
    app.add_flag("--no-builtin", no_builtin,
                 "boot without the built-in drivers (null, zero, kbd): load their .ko files instead");
    app.add_option("script", script, "run the commands in this file and exit")->check(CLI::ExistingFile);
    app.set_version_flag("--version", std::string("simkernel ") + sk::kernel_release());
    // Host-side tools that boot their kernels as separate simkernel runs.
    checker::Subcommands tools = checker::add_subcommands(app);
    std::vector<std::string> run_cmd;
    int run_uid = shell::Shell::kUserUid;
    CLI::App* run = app.add_subcommand("run", "boot a kernel and run a host program on it: run [--root DIR] -- CMD ARGS...");
    run->add_option("--root", root, "the simulated root directory");
    run->add_option("--uid", run_uid, "the simulated uid (and gid) of the program (default 1000; 0 is the simulated root)");
    run->add_option("command", run_cmd, "the program and its arguments")->required();
    CLI11_PARSE(app, argc, argv);
    if (int status; checker::run_subcommand(tools, status)) return status;

    std::filesystem::path root_dir = root.empty() ? shell::default_root() : std::filesystem::path(root);
    root_dir = std::filesystem::absolute(root_dir);
    // The drivers this kernel has built in (module_init() recorded them
    // when the kernel library was loaded): modules.builtin.
    std::vector<std::string> builtin;
    for (const sk::BuiltinDriver& d : sk::builtin_drivers()) builtin.push_back(d.name);
    if (std::string err = shell::prepare_root(root_dir, builtin); !err.empty()) {
        std::cerr << "simkernel: " << err << "\n";
        return 1;
    }

    if (*run) return run_command(root_dir, run_cmd, run_uid, no_builtin);

    int status = 0;
    // Interactive: Ctrl-C goes to the command in the foreground, as the
    // terminal driver sends SIGINT to it; a thread started below waits for
    // it. Blocked before the kernel boots, so every thread the kernel starts
    // inherits the block (its own threads block all signals anyway).
    const bool interactive = command.empty() && script.empty() && isatty(STDIN_FILENO);
    sigset_t sigint_set;
    sigemptyset(&sigint_set);
    sigaddset(&sigint_set, SIGINT);
    if (interactive) pthread_sigmask(SIG_BLOCK, &sigint_set, nullptr);
    {
        sk::Kernel kernel({.root = root_dir, .builtin_drivers = !no_builtin});
        // The shell's task, with the terminal as fds 0-2, started in the host
        // directory simkernel was run from. It starts as root, as login
        // does; the shell drops to the student (uid 1000) itself.
        sk::Task* task = kernel.tasks.spawn(kernel.init_task(), "sh", 0, 0);
        sk::attach_host_terminal(*task);
        task->cwd = std::filesystem::current_path().string();
        shell::Terminal terminal{
            .type_keys = [&kernel](const std::string& keys) { return kernel.machine.type_keys(keys); },
            // The tty driver's SIGINT to the foreground task (a kernel act).
            .interrupt = [&kernel](pid_t pid) { kernel.tasks.signal(pid, SIGINT, 0); },
            .run_host = [&kernel, task](const std::vector<std::string>& words, const std::string& text) {
                auto builtin = [](const std::string& name) { return shell::find_command(name) != nullptr; };
                return bridge::run_host_line(kernel, task, words, text, builtin);
            },
            .run_host_job = [&kernel](sk::Task* job, const std::string& line) { return bridge::run_host_job(kernel, job, line); },
        };
        shell::Shell sh(task, {.echo = echo, .interactive = interactive}, std::move(terminal));
        shell::refresh_module_index();

        if (!command.empty()) {
            status = sh.run_line(command);
        } else if (!script.empty()) {
            std::ifstream in(script);
            status = sh.run_stream(in);
        } else if (interactive) {
            std::thread([&sh, sigint_set] {
                for (int sig; sigwait(&sigint_set, &sig) == 0;) sh.interrupt();
            }).detach();
            status = sh.run_interactive();
        } else {
            status = sh.run_stream(std::cin);
        }
    }
    return status;
}

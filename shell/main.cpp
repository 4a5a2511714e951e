// main.cpp - simkernel: boot a kernel, start the shell on it.
//
//   simkernel [--root DIR] [-c 'cmd; cmd'] [--echo] [SCRIPT]
//
// Interactive on a terminal; otherwise it runs -c, the script, or standard
// input, and exits with the status of the last command. Exiting the shell
// shuts the kernel down (modules are unloaded, newest first).
#include "root_setup.hpp"
#include "shell.hpp"

#include <simkernel/kernel.hpp>
#include <simkernel/user.hpp>
#include <simkernel/vfs.hpp>

#include <CLI/CLI.hpp>

#include <csignal>
#include <fstream>
#include <thread>
#include <iostream>
#include <unistd.h>

int main(int argc, char** argv) {
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
    CLI11_PARSE(app, argc, argv);

    std::filesystem::path root_dir = root.empty() ? shell::default_root() : std::filesystem::path(root);
    root_dir = std::filesystem::absolute(root_dir);
    if (std::string err = shell::prepare_root(root_dir); !err.empty()) {
        std::cerr << "simkernel: " << err << "\n";
        return 1;
    }

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
        // The shell is a task of the student (uid 1000) with the terminal as
        // fds 0-2, started in the host directory simkernel was run from.
        sk::Task* task = kernel.tasks.spawn(kernel.init_task(), "sh", shell::Shell::kUserUid, shell::Shell::kUserGid);
        sk::attach_host_terminal(*task);
        task->cwd = std::filesystem::current_path().string();
        shell::Shell sh(kernel, task, {.echo = echo});
        shell::refresh_module_index(task);

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

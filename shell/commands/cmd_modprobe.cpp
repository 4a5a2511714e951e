// cmd_modprobe.cpp - modprobe: load or remove a module with what it needs
// (tools/modprobe). "install"/"remove" lines of /etc/modprobe.d are refused:
// simkernel runs no programs yet.
#include "../shell.hpp"
#include "../tools/modprobe.hpp"
#include "cmd_kmod_args.hpp"

#include <simkernel/user.hpp>

namespace shell {

int cmd_modprobe(Shell&, const Args& argv) {
    CLI::App app{"Load a module and the modules it needs (or remove them, with -r)", "modprobe"};
    tools::ModprobeOptions o;
    int verbose = 0;
    bool quiet = false;
    std::vector<std::string> args;
    app.add_flag("-a,--all", o.all, "every argument is a module to load (or remove)");
    app.add_flag("-r,--remove", o.remove, "remove the modules, then what they needed and nothing else uses");
    app.add_flag("--first-time", o.first_time, "fail if the module is already loaded (or not loaded)");
    app.add_flag("-i,--ignore-install,--ignore-remove", o.ignore_commands, "ignore install and remove commands");
    app.add_flag("-b,--use-blacklist", o.use_blacklist, "apply the blacklist to the module's name too");
    app.add_flag("-f,--force", o.force, "ignore the version magic (taints the kernel)");
    app.add_flag("--force-vermagic", o.force_vermagic, "ignore the version magic");
    app.add_flag("--force-modversion", o.force_modversion, "ignore symbol versions");
    app.add_flag("-R,--resolve-alias", o.resolve_alias, "only print the module names an alias stands for");
    app.add_flag("-D,--show-depends", o.show_depends, "only print what would be loaded, in order");
    app.add_flag("-n,--dry-run,--show", o.dry_run, "do everything but load or remove");
    app.add_option("-C,--config", o.config_paths, "read this file or directory instead of /etc/modprobe.d");
    app.add_option("-d,--dirname", o.root, "the modules are in DIR/lib/modules/<release>")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.add_option("-S,--set-version", o.release, "use this release instead of uname -r")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.add_flag("-q,--quiet", quiet, "say nothing about errors");
    app.add_flag("-v,--verbose", verbose, "print what is done");
    app.add_option("args", args, "module, then its parameters (name=value ...)");
    if (auto status = parse_kmod_args(app, argv)) return *status;

    tools::KmodLog log("modprobe", quiet ? LOG_EMERG : LOG_WARNING + verbose);
    // An install/remove line names a program to run instead of loading or
    // removing the module. simkernel cannot run programs yet, and it must
    // never run a line from the simulated root on the host (as the host
    // user): it refuses, saying why (docs/security.md).
    tools::CommandRunner run = [](const std::string& line) {
        tools::eprint("modprobe: ERROR: not running '{}': simkernel cannot run programs from "
                      "/etc/modprobe.d install/remove lines (use insmod/rmmod, or modprobe -i to ignore such lines)\n",
                      line);
        return 126;  // the shell's "found but cannot run"
    };
    tools::Modprobe modprobe(o, log, run);
    return modprobe.run(args);
}

}  // namespace shell

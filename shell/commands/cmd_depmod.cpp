// cmd_depmod.cpp - depmod: write modules.dep and the other index files for
// the modules under /lib/modules/<release>/ (tools/depmod).
#include "../shell.hpp"
#include "../tools/depmod.hpp"
#include "cmd_kmod_args.hpp"

namespace shell {

int cmd_depmod(Shell&, const Args& argv) {
    CLI::App app{"Find which modules need which, and write modules.dep, modules.alias, ...", "depmod"};
    tools::DepmodOptions o;
    bool all = false, verbose = false, errsyms = false, warn = false;
    std::vector<std::string> rest;
    app.add_flag("-a,--all", all, "probe all modules (the default)");
    app.add_flag("-A,--quick", o.quick, "do nothing if no module is newer than modules.dep");
    app.add_option("-b,--basedir", o.basedir, "the modules are in DIR/lib/modules/<release>")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.add_option("-C,--config", o.config_paths, "read this file or directory instead of /etc/depmod.d");
    app.add_flag("-n,--show,--dry-run", o.dry_run, "print modules.dep, modules.alias, ... instead of writing them");
    app.add_flag("-v,--verbose", verbose, "say which module needs which symbol from which");
    app.add_flag("-e,--errsyms", errsyms, "report unresolved symbols (needs -E or -F, which simkernel lacks)");
    app.add_flag("-w,--warn", warn, "(accepted, as kmod's)");
    app.add_option("release", rest, "the kernel release (default: uname -r)");
    if (auto status = parse_kmod_args(app, argv)) return *status;

    tools::KmodLog log("depmod", verbose ? LOG_INFO : LOG_WARNING);
    // kmod checks unresolved symbols only against a Module.symvers (-E) or a
    // System.map (-F); the kernel's own exports are not in the tree.
    if (errsyms) log.warning("-e needs -E or -F\n");
    if (!rest.empty()) {
        if (!tools::is_release_arg(rest[0]) || rest.size() > 1) {
            log.fatal("{}: not a kernel release (simkernel's depmod takes no module files)\n", rest.back());
            return 1;
        }
        o.release = rest[0];
    }
    tools::Depmod depmod(o, log);
    return depmod.run();
}

}  // namespace shell

// cmd_modules.cpp - insmod, rmmod, lsmod: thin commands over the tools'
// module object (tools/kmod_module.hpp), with kmod's messages.
#include "../commands.hpp"
#include "../shell.hpp"
#include "../tools/kmod.hpp"
#include "../tools/kmod_module.hpp"
#include "../tools/moddb.hpp"
#include "../tools/ufs.hpp"
#include "../tools/uio.hpp"
#include "cmd_kmod_args.hpp"

#include <algorithm>

namespace shell {

int cmd_insmod(Shell&, const Args& argv) {
    CLI::App app{"insmod", "insmod"};
    bool force = false, syslog = false, unused_p = false;
    std::vector<std::string> operands;  // the file, then the module's parameters
    app.add_flag("-f,--force", force);
    app.add_flag("-s,--syslog", syslog);  // kmod takes them and does nothing more
    app.add_flag("-p", unused_p);
    app.add_option("operands", operands);
    if (auto status = parse_getopt_args(app, argv,
                                        "Usage:\n"
                                        "\tinsmod [options] filename [args]\n"
                                        "Options:\n"
                                        "\t-V, --version     show version\n"
                                        "\t-h, --help        show this help\n"))
        return *status;
    if (operands.empty()) {
        tools::eprint("insmod: ERROR: missing filename.\n");
        return 1;
    }
    const std::string& file = operands[0];
    std::string params;
    for (size_t j = 1; j < operands.size(); ++j) params += (params.empty() ? "" : " ") + operands[j];

    // As kmod: --force asks the kernel to ignore the version magic.
    unsigned flags = force ? tools::KMOD_INSERT_FORCE_VERMAGIC | tools::KMOD_INSERT_FORCE_MODVERSION : 0;
    tools::KmodModule::Failure where = tools::KmodModule::Failure::None;
    long err = tools::KmodModule::from_path(file).insert(params, flags, &where);
    if (where == tools::KmodModule::Failure::File) {
        tools::eprint("insmod: ERROR: could not load module {}: {}\n", file, tools::errno_text(static_cast<int>(-err)));
        return 1;
    }
    if (err < 0) {
        tools::eprint("insmod: ERROR: could not insert module {}: {}\n", file,
                      tools::insert_error_text(static_cast<int>(-err)));
        return 1;
    }
    return 0;
}

int cmd_rmmod(Shell&, const Args& argv) {
    CLI::App app{"rmmod", "rmmod"};
    bool force = false, syslog = false, verbose = false;
    std::vector<std::string> names;
    app.add_flag("-f,--force", force);
    app.add_flag("-s,--syslog", syslog);
    app.add_flag("-v,--verbose", verbose);
    app.add_option("modulename", names);
    if (auto status = parse_getopt_args(app, argv,
                                        "Usage:\n"
                                        "\trmmod [options] modulename ...\n"
                                        "Options:\n"
                                        "\t-f, --force       forces a module unload and may crash your\n"
                                        "\t                  machine. This requires Forced Module Removal\n"
                                        "\t                  option in your kernel. DANGEROUS\n"
                                        "\t-s, --syslog      print to syslog, not stderr\n"
                                        "\t-v, --verbose     enables more messages\n"
                                        "\t-V, --version     show version\n"
                                        "\t-h, --help        show this help\n"))
        return *status;
    if (names.empty()) {
        tools::eprint("rmmod: ERROR: missing module name.\n");
        return 1;
    }
    int status = 0;
    for (const std::string& arg : names) {
        std::string name = tools::module_name_from_arg(arg);
        std::vector<tools::KmodModule> loaded;
        tools::KmodModule::from_loaded(&loaded);
        auto it = std::find_if(loaded.begin(), loaded.end(), [&](const tools::KmodModule& l) { return l.name() == name; });
        const tools::LoadedModule* m = it == loaded.end() ? nullptr : &it->loaded();
        if (!force) {
            // kmod checks before asking the kernel, to name the holders.
            if (!m && tools::ModuleDb("/lib/modules/" + tools::kernel_release()).builtin(name)) {
                tools::eprint("rmmod: ERROR: Module {} is builtin.\n", name);
                status = 1;
                continue;
            }
            if (!m) {
                tools::eprint("rmmod: ERROR: Module {} is not currently loaded\n", name);
                status = 1;
                continue;
            }
            if (!m->holders.empty()) {
                std::string users;
                for (const auto& h : m->holders) users += " " + h;
                tools::eprint("rmmod: ERROR: Module {} is in use by:{}\n", name, users);
                status = 1;
                continue;
            }
            if (m->refcnt > 0) {
                tools::eprint("rmmod: ERROR: Module {} is in use\n", name);
                status = 1;
                continue;
            }
        }
        long err = tools::KmodModule::from_name(name).remove(force);
        if (err < 0) {
            tools::eprint("rmmod: ERROR: could not remove module {}: {}\n", arg, tools::errno_text(-err));
            status = 1;
        }
    }
    return status;
}

int cmd_lsmod(Shell&, const Args& argv) {
    if (argv.size() != 1) {  // kmod's lsmod takes no options and no operands
        tools::eprint("Usage: {}\n", argv[0]);
        return 1;
    }
    std::vector<tools::KmodModule> mods;
    if (long err = tools::KmodModule::from_loaded(&mods)) {
        tools::eprint("lsmod: ERROR: could not open /proc/modules: {}\n", tools::errno_text(-err));
        return 1;
    }
    tools::print("Module                  Size  Used by\n");
    for (const tools::KmodModule& mod : mods) {
        const tools::LoadedModule& m = mod.loaded();
        std::string line = fmt::format("{:<19} {:>8}  {}", m.name, m.size, m.refcnt);
        for (size_t i = 0; i < m.holders.size(); ++i) line += (i ? "," : " ") + m.holders[i];
        tools::print("{}\n", line);
    }
    return 0;
}

}  // namespace shell

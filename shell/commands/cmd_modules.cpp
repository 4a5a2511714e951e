// cmd_modules.cpp - insmod, rmmod, lsmod: thin commands over tools/kmod,
// with kmod's messages.
#include "../commands.hpp"
#include "../shell.hpp"
#include "../tools/kmod.hpp"
#include "../tools/moddb.hpp"
#include "../tools/ufs.hpp"
#include "../tools/uio.hpp"

#include <simkernel/loader.hpp>
#include <simkernel/user.hpp>

namespace shell {

int cmd_insmod(Shell&, const Args& argv) {
    bool force = false;
    size_t i = 1;
    for (; i < argv.size() && argv[i][0] == '-'; ++i) {
        if (argv[i] == "-f" || argv[i] == "--force") force = true;
        else {
            tools::eprint("insmod: ERROR: unknown option '{}'\n", argv[i]);
            return 1;
        }
    }
    if (i >= argv.size()) {
        tools::eprint("insmod: ERROR: missing filename.\n");
        return 1;
    }
    const std::string& file = argv[i];
    std::string params;
    for (size_t j = i + 1; j < argv.size(); ++j) params += (params.empty() ? "" : " ") + argv[j];

    long err;
    if (force) {
        // As kmod: --force asks the kernel to ignore the version magic.
        long fd = sk::user::open(file.c_str(), O_RDONLY);
        if (fd < 0) {
            tools::eprint("insmod: ERROR: could not load module {}: {}\n", file, tools::errno_text(-fd));
            return 1;
        }
        err = sk::user::finit_module(static_cast<int>(fd), params.c_str(),
                                     sk::kInitIgnoreVermagic | sk::kInitIgnoreModversions);
        sk::user::close(static_cast<int>(fd));
    } else {
        std::string image;
        if (long rerr = tools::read_whole_file(file, &image)) {
            tools::eprint("insmod: ERROR: could not load module {}: {}\n", file, tools::errno_text(-rerr));
            return 1;
        }
        err = sk::user::init_module(image.data(), image.size(), params.c_str());
    }
    if (err < 0) {
        tools::eprint("insmod: ERROR: could not insert module {}: {}\n", file,
                      tools::insert_error_text(static_cast<int>(-err)));
        return 1;
    }
    return 0;
}

int cmd_rmmod(Shell&, const Args& argv) {
    bool force = false;
    std::vector<std::string> names;
    for (size_t i = 1; i < argv.size(); ++i) {
        if (argv[i] == "-f" || argv[i] == "--force") force = true;
        else names.push_back(argv[i]);
    }
    if (names.empty()) {
        tools::eprint("rmmod: ERROR: missing module name.\n");
        return 1;
    }
    int status = 0;
    for (const std::string& arg : names) {
        std::string name = tools::module_name_from_arg(arg);
        std::vector<tools::LoadedModule> mods;
        tools::read_proc_modules(&mods);
        const tools::LoadedModule* m = tools::find_module(mods, name);
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
        long err = sk::user::delete_module(name.c_str(), O_NONBLOCK | (force ? O_TRUNC : 0));
        if (err < 0) {
            tools::eprint("rmmod: ERROR: could not remove module {}: {}\n", arg, tools::errno_text(-err));
            status = 1;
        }
    }
    return status;
}

int cmd_lsmod(Shell&, const Args&) {
    std::vector<tools::LoadedModule> mods;
    if (long err = tools::read_proc_modules(&mods)) {
        tools::eprint("lsmod: ERROR: could not open /proc/modules: {}\n", tools::errno_text(-err));
        return 1;
    }
    tools::print("Module                  Size  Used by\n");
    for (const auto& m : mods) {
        std::string line = fmt::format("{:<19} {:>8}  {}", m.name, m.size, m.refcnt);
        for (size_t i = 0; i < m.holders.size(); ++i) line += (i ? "," : " ") + m.holders[i];
        tools::print("{}\n", line);
    }
    return 0;
}

}  // namespace shell

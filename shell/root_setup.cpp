// root_setup.cpp - making and refreshing a simulated root.
#include "root_setup.hpp"

#include "product_paths.hpp"
#include "tools/depmod.hpp"

#include "shell.hpp"

#include <simkernel/user.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace shell {

fs::path default_root() {
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
        return fs::path(state) / "simkernel/root";
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/tmp") / ".local/state/simkernel/root";
}

std::string prepare_root(const fs::path& root, const std::vector<std::string>& builtin) {
    std::error_code ec;
    fs::path modules = root / "lib/modules" / SK_RELEASE;
    for (const fs::path& dir : {modules, root / "etc/modprobe.d", root / "etc/depmod.d", root / "var/log"}) {
        fs::create_directories(dir, ec);
        if (ec) return fmt::format("cannot create {}: {}", dir.string(), ec.message());
    }
    // /lib/modules/<release>/build leads to the SDK, as on Linux.
    fs::path build_link = modules / "build";
    if (!fs::exists(fs::symlink_status(build_link)) && fs::exists(product_paths().sdk))
        fs::create_directory_symlink(product_paths().sdk, build_link, ec);

    // shipped.list: "name.ko<TAB>subdirectory" for each module the build ships.
    std::ifstream list(product_paths().shipped_list);
    std::string line, order, builtin_list;
    while (std::getline(list, line)) {
        size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        fs::path src = product_paths().modules / line.substr(0, tab);
        fs::path dst_dir = modules / line.substr(tab + 1);
        fs::path dst = dst_dir / src.filename();
        if (!fs::exists(src)) continue;
        fs::create_directories(dst_dir, ec);
        if (!fs::exists(dst) || fs::last_write_time(dst, ec) < fs::last_write_time(src, ec))
            fs::copy_file(src, dst, fs::copy_options::overwrite_existing, ec);
        if (ec) return fmt::format("cannot install {}: {}", dst.string(), ec.message());
        std::string relpath = line.substr(tab + 1) + "/" + src.filename().string();
        order += relpath + "\n";
        std::string modname = src.stem().string();
        std::replace(modname.begin(), modname.end(), '-', '_');
        if (std::find(builtin.begin(), builtin.end(), modname) != builtin.end()) builtin_list += relpath + "\n";
    }
    // What "make modules_install" leaves beside the modules: the build's
    // order (depmod lists modules in it), and modules.builtin, the modules
    // built into the kernel, by which modprobe and rmmod know them (say
    // "builtin", load nothing). simkernel's built-in drivers are shipped as
    // .ko files too, for a kernel built without them. When either list
    // changes, modules.dep goes, so that depmod -A makes the indexes again.
    auto write_if_changed = [&](const char* name, const std::string& text) {
        fs::path p = modules / name;
        std::ifstream in(p, std::ios::binary);
        std::stringstream old;
        old << in.rdbuf();
        if (in.is_open() && old.str() == text) return false;
        std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
        return true;
    };
    bool changed = write_if_changed("modules.order", order);
    changed |= write_if_changed("modules.builtin", builtin_list);
    if (!fs::exists(modules / "modules.builtin.modinfo")) write_if_changed("modules.builtin.modinfo", "");
    if (changed) fs::remove(modules / "modules.dep", ec);
    return {};
}

void refresh_module_index() {
    // "depmod -A" as root, saying nothing: it does the work only if a module
    // is newer than modules.dep, or there is none. It runs in the shell's
    // own task (made root for the while: its saved uid is root), so that it
    // takes no pid and the student's first command gets the same one every time.
    uid_t uid = static_cast<uid_t>(sk::user::getuid());
    become(0, false);
    tools::KmodLog quiet("depmod", -1);
    tools::Depmod depmod({.quick = true}, quiet);
    depmod.run();
    become(uid, false);
}

}  // namespace shell

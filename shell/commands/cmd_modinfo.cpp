// cmd_modinfo.cpp - modinfo: a module's .modinfo, read from its file (by
// path, or found through modules.dep by name or alias), printed as kmod's
// modinfo prints it (tools/modinfo).
#include "../shell.hpp"
#include "../tools/kmod.hpp"
#include "../tools/kmod_log.hpp"
#include "../tools/kmod_module.hpp"
#include "../tools/moddb.hpp"
#include "../tools/modinfo.hpp"
#include "../tools/ufs.hpp"
#include "cmd_kmod_args.hpp"

#include <simkernel/user.hpp>

namespace shell {

namespace {

// kmod's path_make_absolute_cwd.
std::string absolute(const std::string& p) {
    if (!p.empty() && p[0] == '/') return p;
    char cwd[4096];
    if (sk::user::getcwd(cwd, sizeof cwd) < 0) return p;
    std::string dir = cwd;
    return (dir == "/" ? "" : dir) + "/" + p;
}

int show(const std::string& filename, const std::string& name, const tools::ModinfoFormat& fmt,
         const tools::KmodLog& log) {
    if (fmt.field == "filename") {  // -n: kmod prints the name without opening the file
        tools::print("{}", tools::format_modinfo_filename(filename, fmt));
        return 0;
    }
    tools::ModuleFile mf;
    long err = tools::KmodModule::from_path(filename).info(&mf);
    if (err == 0) err = mf.info_err;
    if (err < 0) {
        tools::print("{}", tools::format_modinfo_filename(filename, fmt));
        log.error("could not get modinfo from '{}': {}\n", name, tools::errno_text(static_cast<int>(-err)));
        return 1;
    }
    tools::print("{}", tools::format_modinfo(filename, mf.info, fmt));
    return 0;
}

}  // namespace

int cmd_modinfo(Shell&, const Args& argv) {
    CLI::App app{"Print what a module file says about itself (its .modinfo)", "modinfo"};
    tools::ModinfoFormat fmt;
    bool author = false, description = false, license = false, parameters = false, filename = false;
    bool null = false, modname = false;
    std::string field, basedir, release;
    std::vector<std::string> names;
    app.add_flag("-a,--author", author, "print only 'author'");
    app.add_flag("-d,--description", description, "print only 'description'");
    app.add_flag("-l,--license", license, "print only 'license'");
    app.add_flag("-p,--parameters", parameters, "print only 'parm'");
    app.add_flag("-n,--filename", filename, "print only 'filename'");
    app.add_flag("-0,--null", null, "use \\0 instead of \\n");
    app.add_flag("-m,--modname", modname, "handle the argument as a module name, not an alias or file");
    app.add_option("-F,--field", field, "print only this field")->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.add_option("-k,--set-version", release, "use this release instead of uname -r")->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.add_option("-b,--basedir", basedir, "use DIR as the root of /lib/modules")->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.add_option("module", names, "module file, name or alias");
    if (auto status = parse_kmod_args(app, argv)) return *status;

    tools::KmodLog log("modinfo");
    if (author) fmt.field = "author";
    if (description) fmt.field = "description";
    if (license) fmt.field = "license";
    if (parameters) fmt.field = "parm";
    if (filename) fmt.field = "filename";
    if (!field.empty()) fmt.field = field;
    if (null) fmt.separator = '\0';
    if (names.empty()) {
        log.error("missing module or filename.\n");
        return 1;
    }
    tools::ModuleDb db(basedir + "/lib/modules/" + (release.empty() ? tools::kernel_release() : release));
    int status = 0;
    for (const std::string& name : names) {
        if (!modname && tools::is_regular_file(name) && tools::has_module_extension(name)) {
            std::string path = absolute(name);
            status |= show(path, tools::modname_from_path(path), fmt, log);
            continue;
        }
        std::vector<tools::ModuleRef> refs;
        if (modname) {
            std::string n = tools::underscores(name);
            if (db.dep(n) || db.builtin(n)) refs.push_back({n, ""});
        } else {
            refs = db.lookup(name, nullptr);  // modinfo reads no modprobe.d
        }
        if (refs.empty()) {
            if (modname) log.error("Module name {} not found.\n", name);
            else log.error("Module {} not found.\n", name);
            status = 1;
            continue;
        }
        for (const tools::ModuleRef& r : refs) {
            const tools::DepEntry* e = db.dep(r.name);
            if (!e) {  // built in: no file, what modules.builtin.modinfo says
                if (fmt.field.empty()) tools::print("{:<16}{}{}", "name:", r.name, fmt.separator);
                else if (fmt.field == "name") tools::print("{}{}", r.name, fmt.separator);
                tools::print("{}", tools::format_modinfo("(builtin)", db.builtin_info(r.name), fmt));
                continue;
            }
            status |= show(e->path, r.name, fmt, log);
        }
    }
    return status;
}

}  // namespace shell

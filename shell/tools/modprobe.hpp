// modprobe.hpp - modprobe: load a module with everything it needs, or
// remove it with everything nothing else needs, as kmod's modprobe does.
//
// Loading NAME: find it (ModuleDb::lookup: by name, alias or symbol), make
// the probe list - its dependencies from modules.dep (deepest first), each
// with its softdeps around it, then NAME - and insert each one not loaded
// yet, with the options of /etc/modprobe.d and, for NAME, those of the
// command line (later words win). "install" lines run a command instead.
// If one that is needed fails, what this modprobe loaded is removed again,
// newest first, so that nothing of the stack stays half-loaded (kmod
// leaves it loaded).
//
// Removing NAME (-r): refuse if it is in use; remove it; then each of its
// dependencies (in modules.dep's order) that nothing else uses any more.
#pragma once

#include "kmod_log.hpp"
#include "moddb.hpp"
#include "modprobe_config.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tools {

struct ModprobeOptions {
    bool remove = false;            // -r
    bool all = false;               // -a: every argument is a module
    bool dry_run = false;           // -n
    bool show_depends = false;      // -D, --show-depends
    bool resolve_alias = false;     // -R
    bool first_time = false;        // --first-time
    bool ignore_commands = false;   // -i
    bool use_blacklist = false;     // -b
    bool force = false;             // -f
    bool force_vermagic = false;    // --force-vermagic
    bool force_modversion = false;  // --force-modversion
    std::string root;               // -d DIR: modules under DIR/lib/modules
    std::string release;            // -S VERSION (default: uname -r)
    std::vector<std::string> config_paths;  // -C; default /etc/modprobe.d
};

// Runs an install or remove command line; returns its exit status.
using CommandRunner = std::function<int(const std::string& command_line)>;

class Modprobe {
public:
    Modprobe(ModprobeOptions opts, KmodLog& log, CommandRunner run_command);

    // modprobe's main(): args are the module (and its parameters), or with
    // -a the modules. Returns the exit status.
    int run(const std::vector<std::string>& args);

    // What would be inserted for a module, in order (--show-depends).
    std::vector<std::string> probe_list_names(const ModuleRef& mod);

private:
    struct Mod {  // what kmod keeps per struct kmod_module
        std::string name, alias, path;
        bool visited = false, required = false, ignorecmd = false;
    };
    Mod& mod(const std::string& name, const std::string& alias = {}, const std::string& path = {});
    std::vector<Mod*> dependencies(const Mod& m);  // deepest first, as kmod's list
    void softdeps(const Mod& m, std::vector<Mod*>* pre, std::vector<Mod*>* post);
    void probe_list(Mod& m, bool required, std::vector<Mod*>* list);
    void fill_softdep(Mod& m, std::vector<Mod*>* list);
    int probe_insert(Mod& m, const std::string& extra);
    int insert_one(const Mod& m, const std::string& options);
    int run_install(const Mod& m, const std::string& options);
    int rmmod_module(Mod& m, bool ignore_builtin);
    int remove_one(const Mod& m);
    int insmod(const std::string& name, const std::string& extra);
    int rmmod(const std::string& name);

    std::string initstate(const std::string& name);  // "live", "coming", "going", "builtin", ""
    bool in_kernel(const std::string& name);
    long refcnt(const std::string& name);             // -ENOENT if not loaded

    ModprobeOptions opts_;
    KmodLog& log_;
    CommandRunner run_command_;
    std::string dirname_;
    ModprobeConfig config_;
    ModuleDb db_;
    std::vector<std::unique_ptr<Mod>> mods_;
    bool show_actions_ = false;  // print "insmod ..." lines
    int log_level_ = LOG_CRIT;   // kmod's LOG(): FATAL, or WARNING with -a
};

// modprobe's command line after the module name, as one option string:
// "a=1 b=two words" becomes a=1 b="two words".
std::string options_from_args(const std::vector<std::string>& args, size_t first);

}  // namespace tools

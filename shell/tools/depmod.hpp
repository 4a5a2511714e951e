// depmod.hpp - depmod: from the modules under /lib/modules/<release>/ to the
// files modprobe reads, as kmod's depmod computes and writes them.
//
//   1. find every .ko below the directory (not in build/ or source/); of two
//      modules with one name, /etc/depmod.d's "search" and "override" pick;
//   2. order them: modules.order first, then kmod's hash order;
//   3. read each: the symbols it exports and the ones it needs;
//   4. module A depends on B when A needs a symbol B exports; sort them so
//      that every module comes before what it needs (a cycle is reported,
//      as kmod does, and its modules are left out);
//   5. write modules.dep (each module and all it needs, nearest first),
//      modules.alias, modules.softdep, modules.symbols, modules.devname and
//      the binary indexes kmod's modprobe reads (modules.*.bin).
#pragma once

#include "kmod_log.hpp"
#include "modfile.hpp"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tools {

struct DepmodOptions {
    std::string basedir;                    // -b DIR: the tree is DIR/lib/modules/<release>
    std::string release;                    // "" = uname -r
    bool dry_run = false;                   // -n: print the text files instead of writing
    bool quick = false;                     // -A: nothing to do if no module is newer than modules.dep
    std::vector<std::string> config_paths;  // -C; default: /etc/depmod.d
};

struct DepmodModule {
    std::string name;
    std::string path;     // as opened, e.g. /lib/modules/6.8.0-simkernel/extra/hello.ko
    std::string relpath;  // relative to the modules directory: extra/hello.ko
    ModuleFile file;
    int sort_idx = 1;             // modules.order position (negative), else 1
    int dep_sort_idx = INT32_MAX; // position in the topological order
    unsigned users = 0;           // how many modules need this one
    std::vector<size_t> deps;     // direct dependencies (indexes), in symbol order
    bool in_cycle = false;
    bool visited = false;         // the cycle report's depth-first search
};

class Depmod {
public:
    Depmod(DepmodOptions opts, const KmodLog& log);

    // The whole run; returns the exit status (1 on an error or a cycle).
    int run();

    // The steps, for tests.
    long load_config();
    long find_modules();
    void sort_modules();
    void load_modules();
    bool resolve_dependencies();  // false: cycles were found (and reported)
    // (file name, content) for every file depmod writes, in kmod's order;
    // the .bin files only when binary is true.
    std::vector<std::pair<std::string, std::string>> outputs(bool binary) const;

    const std::string& dirname() const { return dirname_; }
    const std::vector<DepmodModule>& modules() const { return modules_; }
    // All that m needs, directly or not, nearest first (modules.dep's order).
    std::vector<size_t> all_dependencies(size_t m) const;

private:
    struct Search {
        std::string path;  // a subdirectory; "" for built-in
        bool builtin;
    };
    struct Override {
        std::string path;  // subdir/modname
    };
    bool higher_priority(const DepmodModule& old, const std::string& newrel) const;
    void add_file(const std::string& path, const std::string& relpath);
    long scan_dir(const std::string& dir, const std::string& rel);
    bool up_to_date();
    void report_cycles(const std::vector<unsigned>& users);
    void mark_cycles();

    std::string text_dep() const;
    std::string bin_dep() const;
    std::string text_alias() const;
    std::string bin_alias() const;
    std::string text_softdep() const;
    std::string text_symbols() const;
    std::string bin_symbols() const;
    std::string bin_builtin() const;
    std::string bin_builtin_alias() const;
    std::string text_devname() const;
    std::vector<std::pair<std::string, size_t>> symbols_in_hash_order() const;

    DepmodOptions opts_;
    const KmodLog& log_;
    std::string dirname_;
    std::vector<Search> searches_;
    std::vector<Override> overrides_;
    std::vector<DepmodModule> modules_;
    std::unordered_map<std::string, size_t> by_name_;  // while finding them
    std::vector<std::pair<std::string, size_t>> symbols_;  // name -> owner, last exporter wins
    int status_ = 0;
};

// kmod's test for depmod's optional argument: a release ("6.8.0-x"), not
// a module file, when it starts "N.N".
bool is_release_arg(const std::string& arg);

}  // namespace tools

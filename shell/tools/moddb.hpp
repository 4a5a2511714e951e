// moddb.hpp - the installed modules as depmod described them, for modprobe
// and modinfo: /lib/modules/<release>/modules.dep (where each module is and
// what it needs), modules.alias, modules.symbols and modules.builtin.
//
// kmod's modprobe reads the binary twins of these files (modules.*.bin);
// simkernel's reads the text, which depmod writes at the same moment, so a
// student can see exactly what modprobe goes by.
#pragma once

#include "modfile.hpp"
#include "modprobe_config.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace tools {

struct DepEntry {
    std::string path;               // the module file, e.g. /lib/modules/R/extra/a.ko
    std::vector<std::string> deps;  // the files it needs, as modules.dep lists them (nearest first)
};

// A module found by name or alias (kmod's struct kmod_module).
struct ModuleRef {
    std::string name;   // the module's name
    std::string alias;  // the alias (or pattern) it was found by; "" if by name
};

class ModuleDb {
public:
    explicit ModuleDb(std::string dirname) : dirname_(std::move(dirname)) {}
    const std::string& dirname() const { return dirname_; }

    // modules.dep's line for a module name, or nullptr.
    const DepEntry* dep(const std::string& name);
    // Module names whose MODULE_ALIAS pattern matches name (modules.alias).
    std::vector<std::string> alias_matches(const std::string& name);
    // The module exporting a symbol ("symbol:foo"), from modules.symbols.
    std::string symbol_owner(const std::string& key);
    bool builtin(const std::string& name);
    // What modules.builtin.modinfo says about a built-in module.
    std::vector<ModinfoField> builtin_info(const std::string& name);
    // Built-in modules whose alias pattern matches name.
    std::vector<std::string> builtin_alias_matches(const std::string& name);

    // kmod_module_new_from_lookup: config aliases, then modules.dep, then
    // modules.symbols, then install/remove commands, then modules.alias,
    // then the built-in modules' aliases, then modules.builtin; the first
    // that knows the name answers.
    std::vector<ModuleRef> lookup(const std::string& given, const ModprobeConfig* config);

private:
    void load_dep();
    std::string join(const std::string& p) const { return !p.empty() && p[0] == '/' ? p : dirname_ + "/" + p; }

    std::string dirname_;
    bool dep_loaded_ = false;
    std::string dep_text_;                             // modules.dep, read once
    std::unordered_map<std::string, DepEntry> dep_;   // the lines looked up so far
    std::unordered_map<std::string, bool> dep_missing_;
    std::optional<std::vector<std::pair<std::string, std::string>>> aliases_;  // pattern, module
    std::optional<std::unordered_map<std::string, std::string>> symbols_;
    std::optional<std::vector<std::string>> builtin_;
    std::optional<std::vector<BuiltinModinfo>> builtin_info_;
    void load_builtin_info();
};

}  // namespace tools

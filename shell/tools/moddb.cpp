// moddb.cpp - see moddb.hpp.
#include "moddb.hpp"

#include "conf_files.hpp"
#include "kmod.hpp"
#include "modfile.hpp"

#include <algorithm>
#include <fnmatch.h>


namespace tools {

void ModuleDb::load_dep() {
    if (dep_loaded_) return;
    dep_loaded_ = true;
    read_whole_file(dirname_ + "/modules.dep", &dep_text_);
}

// A lookup scans the text for the one line it needs, as kmod looks one key
// up in modules.dep.bin, rather than parsing every line of a big tree.
const DepEntry* ModuleDb::dep(const std::string& name) {
    if (auto it = dep_.find(name); it != dep_.end()) return &it->second;
    if (dep_missing_.count(name)) return nullptr;
    load_dep();
    std::string_view text = dep_text_;
    size_t i = 0;
    while (i < text.size()) {
        size_t nl = text.find('\n', i);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(i, nl - i);
        i = nl + 1;
        size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) continue;
        std::string_view path = line.substr(0, colon);
        std::string_view base = path.substr(path.find_last_of('/') + 1);
        base = base.substr(0, base.find('.'));
        if (base.size() != name.size()) continue;
        bool same = true;  // '-' in a file name is '_' in the module's
        for (size_t k = 0; k < base.size() && same; ++k) same = (base[k] == '-' ? '_' : base[k]) == name[k];
        if (!same) continue;
        DepEntry e;
        e.path = join(std::string(path));
        for (const std::string& d : split_words(std::string(line.substr(colon + 1)))) e.deps.push_back(join(d));
        return &dep_.emplace(name, std::move(e)).first->second;
    }
    dep_missing_[name] = true;
    return nullptr;
}

std::vector<std::string> ModuleDb::alias_matches(const std::string& name) {
    if (!aliases_) {
        aliases_.emplace();
        std::string text;
        if (read_whole_file(dirname_ + "/modules.alias", &text) == 0) {
            for (const ConfLine& l : conf_lines(text)) {
                std::vector<std::string> w = split_words(l.text);
                if (w.size() == 3 && w[0] == "alias") aliases_->emplace_back(underscores(w[1]), w[2]);
            }
        }
    }
    std::vector<std::string> out;
    for (const auto& [pattern, module] : *aliases_)
        if (fnmatch(pattern.c_str(), name.c_str(), 0) == 0 &&
            std::find(out.begin(), out.end(), module) == out.end())
            out.push_back(module);
    return out;
}

std::string ModuleDb::symbol_owner(const std::string& key) {
    if (!symbols_) {
        symbols_.emplace();
        std::string text;
        if (read_whole_file(dirname_ + "/modules.symbols", &text) == 0) {
            for (const ConfLine& l : conf_lines(text)) {
                std::vector<std::string> w = split_words(l.text);
                if (w.size() == 3 && w[0] == "alias") symbols_->try_emplace(w[1], w[2]);
            }
        }
    }
    auto it = symbols_->find(key);
    return it == symbols_->end() ? std::string() : it->second;
}

bool ModuleDb::builtin(const std::string& name) {
    if (!builtin_) {
        builtin_.emplace();
        std::string text;
        if (read_whole_file(dirname_ + "/modules.builtin", &text) == 0)
            for (const ConfLine& l : conf_lines(text))
                if (!l.text.empty()) builtin_->push_back(modname_from_path(l.text));
    }
    return std::find(builtin_->begin(), builtin_->end(), name) != builtin_->end();
}

void ModuleDb::load_builtin_info() {
    if (builtin_info_) return;
    builtin_info_.emplace();
    std::string text;
    if (read_whole_file(dirname_ + "/modules.builtin.modinfo", &text) != 0) return;
    *builtin_info_ = parse_builtin_modinfo(text);
}

std::vector<ModinfoField> ModuleDb::builtin_info(const std::string& name) {
    load_builtin_info();
    std::vector<ModinfoField> out;
    for (const auto& [module, field] : *builtin_info_)
        if (module == name) out.push_back(field);
    return out;
}

std::vector<std::string> ModuleDb::builtin_alias_matches(const std::string& name) {
    load_builtin_info();
    std::vector<std::string> out;
    for (const auto& [module, field] : *builtin_info_)
        if (field.key == "alias" && fnmatch(underscores(field.value).c_str(), name.c_str(), 0) == 0 &&
            std::find(out.begin(), out.end(), module) == out.end())
            out.push_back(module);
    return out;
}

std::vector<ModuleRef> ModuleDb::lookup(const std::string& given, const ModprobeConfig* config) {
    std::string name = underscores(given);
    std::vector<ModuleRef> out;
    if (config) {
        for (const auto& a : config->aliases)
            if (fnmatch(a.pattern.c_str(), name.c_str(), 0) == 0) out.push_back({a.module, a.pattern});
        if (!out.empty()) return out;
    }
    if (dep(name)) return {{name, ""}};
    if (name.rfind("symbol:", 0) == 0) {
        std::string owner = symbol_owner(name);
        if (!owner.empty()) return {{owner, name}};
    }
    if (config) {
        for (const auto& c : config->install)
            if (c.module == name) return {{name, ""}};
        for (const auto& c : config->remove)
            if (c.module == name) return {{name, ""}};
    }
    for (const std::string& m : alias_matches(name)) out.push_back({m, name});
    if (!out.empty()) return out;
    for (const std::string& m : builtin_alias_matches(name)) out.push_back({m, name});
    if (!out.empty()) return out;
    if (builtin(name)) return {{name, ""}};
    return {};
}

}  // namespace tools

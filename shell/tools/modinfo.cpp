// modinfo.cpp - see modinfo.hpp. The layout is kmod's modinfo.c: parameters
// are gathered by name from parm= and parmtype= and printed last, newest
// first (kmod keeps them in a list it prepends to).
#include "modinfo.hpp"

#include <fmt/format.h>

namespace tools {

namespace {

struct Param {
    std::string name;
    const std::string* desc = nullptr;
    const std::string* type = nullptr;
};

// parm=name:description and parmtype=name:type, merged by name.
std::vector<Param> gather_params(const std::vector<ModinfoField>& info) {
    std::vector<Param> params;  // newest first, as kmod's list
    for (const ModinfoField& f : info) {
        bool is_parm = f.key == "parm";
        if (!is_parm && f.key != "parmtype") continue;
        size_t colon = f.value.find(':');
        if (colon == std::string::npos) continue;  // kmod: "Found invalid ..."; skipped
        std::string name = f.value.substr(0, colon);
        Param* p = nullptr;
        for (Param& q : params)
            if (q.name == name) p = &q;
        if (!p) {
            params.insert(params.begin(), Param{name});
            p = &params.front();
        }
        (is_parm ? p->desc : p->type) = &f.value;
    }
    return params;
}

std::string param_text(const Param& p) {
    auto after_colon = [](const std::string* s) { return s->substr(s->find(':') + 1); };
    if (!p.desc) return fmt::format("{}:{}", p.name, after_colon(p.type));
    if (p.type) return fmt::format("{}:{} ({})", p.name, after_colon(p.desc), after_colon(p.type));
    return fmt::format("{}:{}", p.name, after_colon(p.desc));
}

}  // namespace

std::string format_modinfo_filename(const std::string& filename, const ModinfoFormat& fmt) {
    if (fmt.field.empty()) return fmt::format("{:<16}{}{}", "filename:", filename, fmt.separator);
    if (fmt.field == "filename") return fmt::format("{}{}", filename, fmt.separator);
    return {};
}

std::string format_modinfo(const std::string& filename, const std::vector<ModinfoField>& info,
                           const ModinfoFormat& fmt) {
    std::string out = format_modinfo_filename(filename, fmt);
    if (fmt.field == "filename") return out;
    if (fmt.field == "parm") {
        // kmod prints -p's parameters without the "(type)" only when the
        // description is missing: "name:type".
        for (const Param& p : gather_params(info)) {
            if (!p.desc) out += fmt::format("{}: ({}){}", p.name, p.type->substr(p.type->find(':') + 1), fmt.separator);
            else out += param_text(p) + fmt.separator;
        }
        return out;
    }
    for (const ModinfoField& f : info) {
        if (!fmt.field.empty()) {
            if (f.key == fmt.field) out += f.value + fmt.separator;
            continue;
        }
        if (f.key == "parm" || f.key == "parmtype") continue;
        if (fmt.separator == '\0') out += fmt::format("{}={}{}", f.key, f.value, '\0');
        else out += fmt::format("{}:{:<{}}{}{}", f.key, "", f.key.size() < 15 ? 15 - f.key.size() : 0, f.value,
                                fmt.separator);
    }
    if (!fmt.field.empty()) return out;
    for (const Param& p : gather_params(info)) out += fmt::format("{:<16}{}{}", "parm:", param_text(p), fmt.separator);
    return out;
}

}  // namespace tools

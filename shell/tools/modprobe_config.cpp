// modprobe_config.cpp - see modprobe_config.hpp (libkmod-config.c).
#include "modprobe_config.hpp"

#include "conf_files.hpp"
#include "kmod.hpp"

#include <fnmatch.h>

namespace tools {

std::string underscores(const std::string& name) {
    std::string out = name;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '[') {
            size_t close = out.find(']', i);
            if (close == std::string::npos) break;
            i = close;
        } else if (out[i] == '-') {
            out[i] = '_';
        }
    }
    return out;
}

namespace {

// The text after the first n words and the one blank that ends the last,
// as strtok_r(NULL, "\0") leaves it in kmod.
std::string rest_after_words(const std::string& line, size_t n) {
    size_t i = 0;
    for (size_t w = 0; w < n; ++w) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    }
    return i + 1 < line.size() ? line.substr(i + 1) : std::string();
}

}  // namespace

void ModprobeConfig::parse(const std::string& filename, const std::string& text, const KmodLog& log) {
    for (const ConfLine& line : conf_lines(text)) {
        if (line.text.empty() || line.text[0] == '#') continue;
        std::vector<std::string> w = split_words(line.text);
        if (w.empty()) continue;
        const std::string& cmd = w[0];
        std::string rest = rest_after_words(line.text, 2);
        bool ok = true;
        if (cmd == "alias") {
            ok = w.size() >= 3;
            if (ok) aliases.push_back({underscores(w[1]), underscores(w[2])});
        } else if (cmd == "blacklist") {
            ok = w.size() >= 2;
            if (ok) blacklist.push_back(underscores(w[1]));
        } else if (cmd == "options") {
            ok = w.size() >= 3 && !rest.empty();
            if (ok) {
                for (char& c : rest)
                    if (c == '\t') c = ' ';
                options.push_back({underscores(w[1]), rest});
            }
        } else if (cmd == "install" || cmd == "remove") {
            ok = w.size() >= 3 && !rest.empty();
            if (ok) (cmd == "install" ? install : remove).push_back({underscores(w[1]), rest});
        } else if (cmd == "softdep") {
            ok = w.size() >= 3;
            if (ok) {
                Softdep s{underscores(w[1]), {}, {}};
                std::vector<std::string>* into = nullptr;
                for (size_t i = 2; i < w.size(); ++i) {
                    if (w[i] == "pre:") into = &s.pre;
                    else if (w[i] == "post:") into = &s.post;
                    else if (into) into->push_back(w[i]);
                }
                softdeps.push_back(std::move(s));
            }
        } else if (cmd == "include" || cmd == "config") {
            log.error("{}: command {} is deprecated and not parsed anymore\n", filename, cmd);
            continue;
        } else {
            ok = false;
        }
        if (!ok) log.error("{} line {}: ignoring bad line starting with '{}'\n", filename, line.number, cmd);
    }
}

void ModprobeConfig::load(const std::vector<std::string>& paths, const KmodLog& log) {
    for (const std::string& file : list_conf_files(paths, {".conf", ".alias"})) {
        std::string text;
        if (read_whole_file(file, &text) != 0) continue;
        parse(file, text, log);
    }
}

std::string ModprobeConfig::options_for(const std::string& module, const std::string& mod_alias) const {
    std::string out;
    for (const Options& o : options) {
        if (o.module != module && (mod_alias.empty() || o.module != mod_alias)) continue;
        if (o.options.empty()) continue;
        if (!out.empty()) out += ' ';
        out += o.options;
    }
    return out;
}

namespace {
const std::string* first_command(const std::vector<ModprobeConfig::Command>& list, const std::string& module) {
    for (const auto& c : list)
        if (fnmatch(c.module.c_str(), module.c_str(), 0) == 0) return &c.command;
    return nullptr;
}
}  // namespace

const std::string* ModprobeConfig::install_command(const std::string& module) const {
    return first_command(install, module);
}

const std::string* ModprobeConfig::remove_command(const std::string& module) const {
    return first_command(remove, module);
}

const ModprobeConfig::Softdep* ModprobeConfig::softdep(const std::string& module) const {
    for (const Softdep& s : softdeps)
        if (fnmatch(s.module.c_str(), module.c_str(), 0) == 0) return &s;
    return nullptr;
}

bool ModprobeConfig::blacklisted(const std::string& module) const {
    for (const std::string& b : blacklist)
        if (b == module) return true;
    return false;
}

}  // namespace tools

// modprobe_config.hpp - /etc/modprobe.d/*.conf, as libkmod reads it:
//
//   alias WILDCARD MODULE      another name (fnmatch pattern) for a module
//   options MODULE OPTS...     parameters given whenever MODULE is loaded
//   install MODULE COMMAND...  run COMMAND instead of loading MODULE
//   remove MODULE COMMAND...   run COMMAND instead of removing MODULE
//   blacklist MODULE           do not load MODULE through an alias
//   softdep MODULE pre: A B post: C    load A and B before, C after
//
// Module names have '-' read as '_'. A line that makes no sense is
// reported with its file and line number and skipped; the rest is read.
// The modules' own softdeps (modules.softdep, written by depmod) are read
// the same way.
#pragma once

#include "kmod_log.hpp"

#include <string>
#include <vector>

namespace tools {

struct ModprobeConfig {
    struct Alias {
        std::string pattern, module;
    };
    struct Options {
        std::string module, options;
    };
    struct Command {
        std::string module, command;
    };
    struct Softdep {
        std::string module;
        std::vector<std::string> pre, post;
    };
    std::vector<Alias> aliases;
    std::vector<Options> options;
    std::vector<Command> install, remove;
    std::vector<std::string> blacklist;
    std::vector<Softdep> softdeps;

    // Reads the *.conf files of paths (directories or files), in name
    // order; messages go to log.
    void load(const std::vector<std::string>& paths, const KmodLog& log);
    // Reads one file's text.
    void parse(const std::string& filename, const std::string& text, const KmodLog& log);

    // What applies to a module (mod_alias: the alias it was found by).
    std::string options_for(const std::string& module, const std::string& mod_alias) const;
    const std::string* install_command(const std::string& module) const;
    const std::string* remove_command(const std::string& module) const;
    const Softdep* softdep(const std::string& module) const;
    bool blacklisted(const std::string& module) const;
};

// "-" becomes "_" outside [...] (kmod's underscores()).
std::string underscores(const std::string& name);

}  // namespace tools

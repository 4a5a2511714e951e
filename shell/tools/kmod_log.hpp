// kmod_log.hpp - the module tools speak as kmod's do: "modprobe: FATAL:
// Module x not found ...", "depmod: WARNING: ...", on standard error, each
// message shown only when the tool's verbosity (a syslog priority, default
// LOG_WARNING; -q lowers it, -v raises it) lets it through.
#pragma once

#include "uio.hpp"

#include <fmt/format.h>

#include <string>
#include <syslog.h>

namespace tools {

class KmodLog {
public:
    explicit KmodLog(std::string program, int verbosity = LOG_WARNING)
        : program_(std::move(program)), verbosity_(verbosity) {}

    int verbosity() const { return verbosity_; }
    void set_verbosity(int v) { verbosity_ = v; }
    bool shows(int prio) const { return prio <= verbosity_; }

    // "program: LEVEL: text", as kmod's log_printf.
    template <typename... Args>
    void log(int prio, fmt::format_string<Args...> f, Args&&... args) const {
        if (!shows(prio)) return;
        eprint("{}: {}: {}", program_, level_name(prio), fmt::format(f, std::forward<Args>(args)...));
    }
    template <typename... Args>
    void fatal(fmt::format_string<Args...> f, Args&&... args) const {
        log(LOG_CRIT, f, std::forward<Args>(args)...);
    }
    template <typename... Args>
    void error(fmt::format_string<Args...> f, Args&&... args) const {
        log(LOG_ERR, f, std::forward<Args>(args)...);
    }
    template <typename... Args>
    void warning(fmt::format_string<Args...> f, Args&&... args) const {
        log(LOG_WARNING, f, std::forward<Args>(args)...);
    }

    static const char* level_name(int prio);

private:
    std::string program_;
    int verbosity_;
};

}  // namespace tools

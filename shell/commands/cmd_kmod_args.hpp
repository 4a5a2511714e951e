// cmd_kmod_args.hpp - option parsing shared by modinfo, depmod and modprobe:
// CLI11 over the command's argv, errors said the way the tool says them.
#pragma once

#include "../commands.hpp"
#include "../tools/uio.hpp"

#include <CLI/CLI.hpp>

#include <optional>

namespace shell {

// Parses argv with app; returns the exit status to stop with (0 after
// --help, 1 after a bad option), or nothing to go on.
inline std::optional<int> parse_kmod_args(CLI::App& app, const Args& argv) {
    std::vector<std::string> reversed(argv.rbegin(), argv.rend() - 1);  // CLI11 wants them backwards
    try {
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        tools::print("{}", app.help());
        return 0;
    } catch (const CLI::ParseError& e) {
        tools::eprint("{}: {}\n", argv[0], e.what());
        return 1;
    }
    return std::nullopt;
}

}  // namespace shell

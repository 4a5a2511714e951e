// cmd_kmod_args.hpp - option parsing shared by the module tools: CLI11 over
// the command's argv, errors said the way the tool says them.
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

// insmod and rmmod parse with GNU getopt_long in kmod, and say so: an
// unknown option is "insmod: invalid option -- 'x'" (or "unrecognized
// option '--xyz'"), exit status 1, the first one only. help is the text
// -h prints (on stdout, status 0); -V prints kmod's version. Options may
// come after the operands, as getopt permutes them.
inline std::optional<int> parse_getopt_args(CLI::App& app, const Args& argv, const char* help) {
    bool want_help = false, want_version = false;
    app.set_help_flag();
    app.add_flag("-h,--help", want_help);
    app.add_flag("-V,--version", want_version);
    app.allow_extras();
    std::vector<std::string> reversed(argv.rbegin(), argv.rend() - 1);  // CLI11 wants them backwards
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {  // a flag given a value: --force=1
        tools::eprint("{}: {}\n", argv[0], e.what());
        return 1;
    }
    for (const std::string& extra : app.remaining()) {
        if (extra == "--") break;  // the end of the options: what follows is operands
        if (extra.rfind("--", 0) == 0) {
            tools::eprint("{}: unrecognized option '{}'\n", argv[0], extra);
            return 1;
        }
        if (extra.size() > 1 && extra[0] == '-') {
            tools::eprint("{}: invalid option -- '{}'\n", argv[0], extra[1]);
            return 1;
        }
    }
    if (want_help) {
        tools::print("{}", help);
        return 0;
    }
    if (want_version) {  // simkernel reads no compressed module: no +ZSTD, +XZ
        tools::print("kmod version 30\n-ZSTD -XZ -ZLIB -LIBCRYPTO -EXPERIMENTAL\n");
        return 0;
    }
    return std::nullopt;
}

}  // namespace shell

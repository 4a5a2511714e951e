// fuzz_shell_parser.cpp - libFuzzer target: the shell's command-line parser
// (shell/parser.cpp), which reads every line a student types. Any line must
// parse or give an error, and a parsed command is never empty.
#include "../shell/parser.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string line(reinterpret_cast<const char*>(data), size);
    shell::ParseResult r = shell::parse_line(line);
    if (!r.error.empty()) return 0;
    for (const shell::Command& c : r.commands)
        if (c.argv.empty() && c.redirects.empty()) std::abort();  // an empty command must not reach the shell
    return 0;
}

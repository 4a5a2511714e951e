// parser.hpp - the shell's command language: words, quotes, redirections.
//
//   insmod hello.ko myint=5 ; echo "two words" > /tmp/x ; cat /tmp/x
//
// Quotes ('...' literal, "..." with \" \\ escapes) group words; ';' or a
// newline ends a command, '&' ends one that runs in the background; '>' and
// '>>' redirect standard output; '#' starts a comment; "$$" is the shell's pid.
#pragma once

#include <string>
#include <vector>

namespace shell {

struct Redirect {
    int fd = 1;
    std::string path;
    bool append = false;
};

struct Command {
    std::vector<std::string> argv;
    std::vector<Redirect> redirects;
    std::string text;  // as typed, for --echo
    bool background = false;  // ended with '&': run it as a job
};

struct ParseResult {
    std::vector<Command> commands;
    std::string error;  // empty if the line parsed
};

// shell_pid, if given, is what "$$" stands for (outside single quotes).
ParseResult parse_line(const std::string& line, int shell_pid = 0);

}  // namespace shell

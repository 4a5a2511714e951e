// conf_files.hpp - the configuration directories kmod's tools read
// (/etc/modprobe.d, /etc/depmod.d): every *.conf file, in name order, and
// the lines of each, with backslash-newline continuations joined and the
// number of the line each starts on (for "file line N:" messages).
#pragma once

#include <string>
#include <vector>

namespace tools {

// The config files under each path (a directory, or a single file), sorted
// by file name across all of them; a name seen in an earlier path hides
// the same name in a later one. Files not ending in one of the suffixes,
// or starting with '.', are skipped.
std::vector<std::string> list_conf_files(const std::vector<std::string>& paths,
                                         const std::vector<std::string>& suffixes);

struct ConfLine {
    unsigned number;   // where the line starts
    std::string text;  // continuation lines joined, without the newline
};

// The lines of text, as kmod's getline_wrapped reads them.
std::vector<ConfLine> conf_lines(const std::string& text);

// Splits on spaces and tabs.
std::vector<std::string> split_words(const std::string& s);

}  // namespace tools

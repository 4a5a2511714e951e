// conf_files.cpp - see conf_files.hpp.
#include "conf_files.hpp"

#include "ufs.hpp"

#include <algorithm>

namespace tools {

std::vector<std::string> list_conf_files(const std::vector<std::string>& paths,
                                         const std::vector<std::string>& suffixes) {
    struct File {
        std::string name, path;
    };
    std::vector<File> files;
    auto wanted = [&](const std::string& name) {
        if (name.empty() || name[0] == '.') return false;
        return std::any_of(suffixes.begin(), suffixes.end(), [&](const std::string& s) {
            return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
        });
    };
    auto add = [&](const std::string& name, const std::string& path) {
        for (const File& f : files)
            if (f.name == name) return;  // an earlier directory's file of that name wins
        files.push_back({name, path});
    };
    for (const std::string& p : paths) {
        struct stat st;
        if (stat_path(p, &st) != 0) continue;
        if (S_ISREG(st.st_mode)) {
            add(p.substr(p.find_last_of('/') + 1), p);
            continue;
        }
        std::vector<DirEntry> entries;
        if (!S_ISDIR(st.st_mode) || list_dir(p, &entries) != 0) continue;
        for (const DirEntry& e : entries) {
            std::string path = p + "/" + e.name;
            if (wanted(e.name) && !is_directory(path)) add(e.name, path);
        }
    }
    std::stable_sort(files.begin(), files.end(), [](const File& a, const File& b) { return a.name < b.name; });
    std::vector<std::string> out;
    for (const File& f : files) out.push_back(f.path);
    return out;
}

std::vector<ConfLine> conf_lines(const std::string& text) {
    std::vector<ConfLine> lines;
    unsigned n = 0;
    size_t i = 0;
    while (i < text.size()) {
        ConfLine line{n + 1, {}};
        for (;;) {
            size_t end = text.find('\n', i);
            if (end == std::string::npos) end = text.size();
            ++n;
            std::string part = text.substr(i, end - i);
            i = end + 1;
            if (!part.empty() && part.back() == '\\' && i < text.size()) {
                part.pop_back();
                line.text += part;
                continue;
            }
            line.text += part;
            break;
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> words;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
        if (j > i) words.push_back(s.substr(i, j - i));
        i = j;
    }
    return words;
}

}  // namespace tools

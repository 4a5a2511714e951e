// line_editor.cpp - libedit's readline interface, with completion of
// command names and of paths (listed through getdents64, like any program).
#include "line_editor.hpp"

#include "commands.hpp"
#include "shell.hpp"

#include <simkernel/user.hpp>

#include <editline/readline.h>

#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <filesystem>
#include <vector>

namespace shell {

namespace {

std::vector<std::string> candidates;
size_t next_candidate = 0;

// Names in a directory of the simulated system.
std::vector<std::pair<std::string, bool>> list_dir(const std::string& dir) {
    std::vector<std::pair<std::string, bool>> out;
    long fd = sk::user::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return out;
    char buf[8192];
    long n;
    while ((n = sk::user::getdents64(static_cast<int>(fd), buf, sizeof buf)) > 0) {
        for (long off = 0; off < n;) {
            auto* d = reinterpret_cast<struct dirent64*>(buf + off);
            out.emplace_back(d->d_name, d->d_type == DT_DIR);
            off += d->d_reclen;
        }
    }
    sk::user::close(static_cast<int>(fd));
    return out;
}

char* generate(const char* text, int state) {
    if (state == 0) next_candidate = 0;
    if (next_candidate < candidates.size()) return strdup(candidates[next_candidate++].c_str());
    return nullptr;
}

char** complete(const char* text, int start, int /*end*/) {
    candidates.clear();
    std::string word = text;
    bool first_word = std::string(rl_line_buffer, start).find_first_not_of(' ') == std::string::npos;
    if (first_word) {
        for (const CommandSpec& c : command_table())
            if (std::string(c.name).rfind(word, 0) == 0) candidates.push_back(c.name);
    } else {
        size_t slash = word.find_last_of('/');
        std::string dir = slash == std::string::npos ? "" : word.substr(0, slash + 1);
        std::string prefix = slash == std::string::npos ? word : word.substr(slash + 1);
        for (const auto& [name, is_dir] : list_dir(dir)) {
            if (name.rfind(prefix, 0) == 0 && (prefix.size() || name[0] != '.'))
                candidates.push_back(dir + name + (is_dir ? "/" : ""));
        }
    }
    rl_attempted_completion_over = 1;  // no fallback to the host's file names
    return rl_completion_matches(text, generate);
}

}  // namespace

LineEditor::LineEditor(Shell&) {
    rl_readline_name = const_cast<char*>("simkernel");
    rl_attempted_completion_function = complete;
    const char* state = std::getenv("XDG_STATE_HOME");
    const char* home = std::getenv("HOME");
    std::filesystem::path dir = state ? std::filesystem::path(state) / "simkernel"
                                      : std::filesystem::path(home ? home : "/tmp") / ".local/state/simkernel";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    history_file_ = (dir / "history").string();
    using_history();
    read_history(history_file_.c_str());
}

LineEditor::~LineEditor() { write_history(history_file_.c_str()); }

bool LineEditor::read_line(const std::string& prompt, std::string* line) {
    char* input = readline(prompt.c_str());
    if (!input) return false;
    *line = input;
    if (*input) add_history(input);
    free(input);
    return true;
}

}  // namespace shell

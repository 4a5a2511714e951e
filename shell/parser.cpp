// parser.cpp - splits a line into commands, words and redirections.
#include "parser.hpp"

#include <cctype>
#include <string>

namespace shell {

namespace {

std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t");
    size_t b = s.find_last_not_of(" \t");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

}  // namespace

ParseResult parse_line(const std::string& line, int shell_pid) {
    ParseResult result;
    // "$$": the shell's pid, outside single quotes (kill $$).
    auto dollar_dollar = [&](size_t i) { return shell_pid > 0 && line.compare(i, 2, "$$") == 0; };
    Command cmd;
    std::string word;
    bool in_word = false;
    bool want_redirect_target = false;
    Redirect pending;
    size_t cmd_start = 0;

    auto end_word = [&] {
        if (!in_word) return;
        if (want_redirect_target) {
            pending.path = word;
            cmd.redirects.push_back(pending);
            want_redirect_target = false;
        } else {
            cmd.argv.push_back(word);
        }
        word.clear();
        in_word = false;
    };
    auto end_command = [&](size_t end) {
        end_word();
        if (want_redirect_target) {
            result.error = "syntax error: redirection without a file name";
            return false;
        }
        cmd.text = trim(line.substr(cmd_start, end - cmd_start));
        if (!cmd.argv.empty() || !cmd.redirects.empty()) result.commands.push_back(cmd);
        cmd = Command{};
        return true;
    };

    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '\'') {
            size_t close = line.find('\'', i + 1);
            if (close == std::string::npos) {
                result.error = "syntax error: unterminated '";
                return result;
            }
            word += line.substr(i + 1, close - i - 1);
            in_word = true;
            i = close;
        } else if (c == '"') {
            size_t j = i + 1;
            for (; j < line.size() && line[j] != '"'; ++j) {
                if (line[j] == '\\' && j + 1 < line.size() &&
                    (line[j + 1] == '"' || line[j + 1] == '\\' || line[j + 1] == '$')) {
                    ++j;
                } else if (dollar_dollar(j)) {
                    word += std::to_string(shell_pid);
                    ++j;
                    continue;
                }
                word += line[j];
            }
            if (j >= line.size()) {
                result.error = "syntax error: unterminated \"";
                return result;
            }
            in_word = true;
            i = j;
        } else if (c == '\\' && i + 1 < line.size()) {
            word += line[++i];
            in_word = true;
        } else if (c == '#' && !in_word) {
            break;  // a comment runs to the end of the line
        } else if (c == '&' && i + 1 < line.size() && !std::isspace(static_cast<unsigned char>(line[i + 1])) &&
                   line[i + 1] != ';' && line[i + 1] != '&') {
            word += c;  // "&5": a word (ioctl's pointer argument), not a job
            in_word = true;
        } else if (c == ';' || c == '\n' || c == '&') {
            if (c == '&') {
                if (i + 1 < line.size() && line[i + 1] == '&') {
                    result.error = "syntax error: '&&' is not supported; use ';'";
                    return result;
                }
                cmd.background = true;
            }
            if (!end_command(c == '&' ? i + 1 : i)) return result;
            cmd_start = i + 1;
        } else if (c == '>') {
            end_word();
            pending = Redirect{};
            // "2>" names the descriptor: the word before must be just a digit.
            if (!cmd.argv.empty() && i > 0 && std::isdigit(static_cast<unsigned char>(line[i - 1])) &&
                cmd.argv.back().size() == 1 && (i < 2 || line[i - 2] == ' ')) {
                pending.fd = cmd.argv.back()[0] - '0';
                cmd.argv.pop_back();
            }
            if (i + 1 < line.size() && line[i + 1] == '>') {
                pending.append = true;
                ++i;
            }
            want_redirect_target = true;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            end_word();
        } else if (dollar_dollar(i)) {
            word += std::to_string(shell_pid);
            in_word = true;
            ++i;
        } else {
            word += c;
            in_word = true;
        }
    }
    end_command(line.size());
    return result;
}

}  // namespace shell

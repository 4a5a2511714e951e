// transcript.cpp - see transcript.hpp.
#include "checker/transcript.hpp"

#include "checker/process.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace checker {

namespace {

constexpr size_t kNoCommand = SIZE_MAX;

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string trim(std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    return s;
}

// A literal line with {{LO..HI}} ranges, as a regex whose groups are the numbers.
struct RangeLine {
    std::regex re;
    std::vector<std::pair<long long, long long>> ranges;
};

const std::regex& range_token() {
    static const std::regex re(R"(\{\{(-?[0-9]+)\.\.(-?[0-9]+)\}\})");
    return re;
}

std::string regex_escape(const std::string& s) {
    static const std::regex special(R"([.^$|()\[\]{}*+?\\])");
    return std::regex_replace(s, special, R"(\$&)");
}

bool parse_ranges(const std::string& text, RangeLine& out) {
    std::string pattern;
    auto begin = std::sregex_iterator(text.begin(), text.end(), range_token());
    size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        pattern += regex_escape(text.substr(last, it->position() - last)) + "(-?[0-9]+)";
        long long lo = std::stoll((*it)[1]), hi = std::stoll((*it)[2]);
        if (lo > hi) return false;
        out.ranges.emplace_back(lo, hi);
        last = it->position() + it->length();
    }
    pattern += regex_escape(text.substr(last));
    out.re = std::regex(pattern);
    return true;
}

}  // namespace

std::string normalise_line(const std::string& line, const std::string& root) {
    static const std::regex time(R"(\[ *[0-9]+\.[0-9]{6}\])");
    static const std::regex addr("0x[0-9a-f]{16}");
    static const std::regex date("[A-Z][a-z]{2} [ 0-9][0-9] ([0-9]{2}:[0-9]{2}|  *[0-9]{4})");  // ls -l: recent, or a year
    static const std::regex stamp(R"([0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{9} [-+][0-9]{4})");
    // An Oops: "function+0x5/0x17" offsets differ between the normal and the
    // sanitizer builds; stack and lock addresses, the stack's size and how
    // often a recursing frame repeats vary; a source path's directory is
    // where the checkout happens to be.
    static const std::regex offset(R"(\+0x[0-9a-f]+/0x[0-9a-f]+)");
    static const std::regex oops_addr("(guard page was hit at |stack is |\\.\\.|#[0-9]+: )[0-9a-f]{16}");
    static const std::regex oops_count(R"((stack ran out \(|repeats )[0-9]+)");
    static const std::regex source_dir(R"([^ :]*/([^/ :]+\.c):)");  // absolute or relative
    std::string s = std::regex_replace(line, time, "[TIME]");
    s = std::regex_replace(s, addr, "0xADDR");
    s = std::regex_replace(s, date, "DATE");
    s = std::regex_replace(s, stamp, "STAMP");
    if (!root.empty())
        for (size_t at; (at = s.find(root)) != std::string::npos;) s.replace(at, root.size(), "ROOT");
    if (s.find("+0x") != std::string::npos) {
        s = std::regex_replace(s, offset, "+OFF");
        // A table padded after a symbol (failtest's) is as wide as the
        // offsets were: the run of spaces after one counts as two.
        static const std::regex padded(R"(\+OFF {2,})");
        s = std::regex_replace(s, padded, "+OFF  ");
    }
    s = std::regex_replace(s, oops_addr, "$1ADDR");
    s = std::regex_replace(s, oops_count, "$1N");
    if (s.find(".c:") != std::string::npos) s = std::regex_replace(s, source_dir, "$1:");
    return s;
}

bool line_matches(const ExpectedLine& e, const std::string& actual) {
    if (e.regex) return std::regex_match(actual, std::regex(e.text));
    std::string text = normalise_line(e.text);
    if (!std::regex_search(text, range_token())) return text == actual;
    RangeLine r;
    if (!parse_ranges(text, r)) return false;
    std::smatch m;
    if (!std::regex_match(actual, m, r.re)) return false;
    for (size_t i = 0; i < r.ranges.size(); ++i) {
        long long v;
        try {
            v = std::stoll(m[i + 1]);
        } catch (const std::exception&) {
            return false;
        }
        if (v < r.ranges[i].first || v > r.ranges[i].second) return false;
    }
    return true;
}

bool parse_transcript(const fs::path& file, Transcript& t, std::string& error) {
    std::ifstream in(file);
    if (!in) {
        error = fmt::format("cannot read {}: {}", file.string(), std::strerror(errno));
        return false;
    }
    t = Transcript{};
    t.file = file;
    t.name = file.stem().string();
    std::string notes;
    size_t current = kNoCommand;
    int lineno = 0;
    static const std::regex exit_line(R"(\[exit ([0-9]+)\])");
    for (std::string line; std::getline(in, line);) {
        ++lineno;
        std::smatch m;
        auto where = [&] { return fmt::format("{}:{}", file.string(), lineno); };
        if (line.rfind("#:", 0) == 0) {
            std::string note = trim(line.substr(2));
            if (note.rfind("args:", 0) == 0) {
                std::istringstream words(note.substr(5));
                for (std::string w; words >> w;) t.args.push_back(w);
            } else if (note.rfind("test:", 0) == 0) {
                t.name = trim(note.substr(5));
            } else if (note.rfind("points:", 0) == 0) {
                try {
                    t.points = std::stoi(note.substr(7));
                } catch (const std::exception&) {
                    t.points = -1;
                }
                if (t.points < 0) {
                    error = fmt::format("{}: points must be a whole number, 0 or more", where());
                    return false;
                }
            } else {
                notes += (notes.empty() ? "" : " ") + note;
            }
            continue;
        }
        if (std::regex_match(line, m, exit_line)) {
            t.expected_exit = std::stoi(m[1]);
            continue;
        }
        ExpectedLine e{line, false, current};
        if (line.rfind("$ ", 0) == 0) {
            t.commands.push_back(line.substr(2));
            t.why.push_back(notes);
            notes.clear();
            current = e.command = t.commands.size() - 1;
        } else if (line.size() >= 5 && line.compare(line.size() - 5, 5, " (re)") == 0) {
            e.text = line.substr(0, line.size() - 5);
            e.regex = true;
            try {
                std::regex check(e.text);
            } catch (const std::regex_error& ex) {
                error = fmt::format("{}: not a regular expression ({}): {}", where(), ex.what(), e.text);
                return false;
            }
        } else if (std::regex_search(line, m, range_token())) {
            RangeLine r;
            if (!parse_ranges(line, r)) {
                error = fmt::format("{}: a range must go from low to high: {}", where(), m.str());
                return false;
            }
        }
        t.expected.push_back(std::move(e));
    }
    if (t.commands.empty()) {
        error = fmt::format("{}: no commands (lines starting with \"$ \")", file.string());
        return false;
    }
    return true;
}

RunResult run_transcript(const Transcript& t, const RunOptions& opts) {
    RunResult r;
    auto started = std::chrono::steady_clock::now();
    ScratchDir scratch("simkernel-check");
    if (!scratch.ok()) {
        r.output = fmt::format("cannot make a scratch directory: {}\n", std::strerror(errno));
        r.exit_status = 127;
        return r;
    }
    const fs::path root = scratch.path() / "root";
    const fs::path cmds = scratch.path() / "commands";
    {
        std::ofstream out(cmds);
        for (const std::string& c : t.commands) out << c << "\n";
    }
    std::vector<std::string> argv{opts.simkernel.string(), "--root", root.string(), "--echo"};
    argv.insert(argv.end(), t.args.begin(), t.args.end());
    ProcessResult p = run_process(argv, opts.workdir, cmds, opts.timeout);
    r.exit_status = p.exit_status;
    r.signal = p.signal;
    r.timed_out = p.timed_out;
    for (const std::string& line : split_lines(p.output)) r.output += normalise_line(line, root.string()) + "\n";
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return r;
}

namespace {

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string describe(const ExpectedLine& e) {
    if (e.regex) return "a line matching " + quoted(e.text);
    if (std::regex_search(e.text, range_token())) return "a line like " + quoted(e.text);
    return e.text.empty() ? "an empty line" : quoted(e.text);
}

// Expected vs actual as a line diff (longest common subsequence, patterns
// allowed on the expected side): " " both, "-" expected only, "+" actual only.
std::string line_diff(const std::vector<ExpectedLine>& exp, const std::vector<std::string>& act) {
    const size_t n = exp.size(), m = act.size();
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            lcs[i][j] = line_matches(exp[i], act[j]) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::string out;
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && line_matches(exp[i], act[j])) {
            out += "  " + act[j] + "\n";
            ++i, ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            out += "+ " + act[j++] + "\n";
        } else {
            out += "- " + exp[i].text + (exp[i].regex ? " (re)" : "") + "\n";
            ++i;
        }
    }
    return out;
}

// The last command echoed in the output (where a run stopped).
std::string last_echoed(const std::vector<std::string>& act) {
    for (auto it = act.rbegin(); it != act.rend(); ++it)
        if (it->rfind("$ ", 0) == 0) return it->substr(2);
    return "";
}

// The notes of the command a run stopped in: the last of the transcript's
// commands with that text among the first as many as were echoed.
std::string why_of_step(const Transcript& t, const std::vector<std::string>& act, const std::string& step) {
    size_t echoed = 0;
    for (const std::string& line : act)
        if (line.rfind("$ ", 0) == 0) ++echoed;
    for (size_t j = std::min(echoed, t.commands.size()); j-- > 0;)
        if (t.commands[j] == step) return t.why[j];
    return "";
}

}  // namespace

Verdict judge(const Transcript& t, const RunResult& r) {
    Verdict v;
    const std::vector<std::string> act = split_lines(r.output);
    v.diff = line_diff(t.expected, act);

    if (r.timed_out) {
        v.step = last_echoed(act);
        v.why = why_of_step(t, act, v.step);
        v.expected = "every command to finish";
        v.happened = "it was still running when the time ran out (a read or a wait that is never woken? a loop "
                     "that never ends?)";
        return v;
    }
    if (r.signal != 0) {
        v.step = last_echoed(act);
        v.why = why_of_step(t, act, v.step);
        v.expected = "the commands to run to the end";
        v.happened = fmt::format("simkernel itself was killed by signal {} ({}): most likely the module used a bad "
                                 "pointer",
                                 r.signal, strsignal(r.signal));
        return v;
    }
    size_t i = 0;
    for (; i < t.expected.size() && i < act.size(); ++i)
        if (!line_matches(t.expected[i], act[i])) break;
    if (i == t.expected.size() && i == act.size()) {
        if (r.exit_status == t.expected_exit) {
            v.passed = true;
            return v;
        }
        v.step = t.commands.back();
        v.expected = fmt::format("exit status {}", t.expected_exit);
        v.happened = fmt::format("exit status {}", r.exit_status);
        return v;
    }
    // The step: the command the first differing line belongs to.
    size_t cmd = i < t.expected.size() ? t.expected[i].command
                                      : (t.expected.empty() ? kNoCommand : t.expected.back().command);
    if (i < t.expected.size() && i < act.size() && t.expected[i].command != kNoCommand &&
        t.expected[i].text.rfind("$ ", 0) == 0 && act[i].rfind("$ ", 0) != 0 && i > 0)
        cmd = t.expected[i - 1].command;  // the previous command printed more than expected
    if (cmd != kNoCommand) {
        v.step = t.commands[cmd];
        v.why = t.why[cmd];
    }
    // An echoed command where output was expected (or the reverse) means the
    // command printed less (or more) than expected: said so, not as a line.
    auto is_command = [](const std::string& line) { return line.rfind("$ ", 0) == 0; };
    const bool exp_cmd = i < t.expected.size() && !t.expected[i].regex && is_command(t.expected[i].text);
    const bool act_cmd = i < act.size() && is_command(act[i]);
    v.expected = i >= t.expected.size() || exp_cmd ? "no more output" : describe(t.expected[i]);
    if (i >= act.size())
        v.happened = "no more output";
    else if (act_cmd && !exp_cmd)
        v.happened = "no more output (the next command ran)";
    else
        v.happened = act[i].empty() ? "an empty line" : quoted(act[i]);
    return v;
}

}  // namespace checker

// transcript.hpp - shell transcripts (*.t): a session as a student sees it,
// replayed on a fresh kernel and compared with what it printed.
//
// A transcript is lines of text:
//   $ COMMAND          a command typed at the shell
//   TEXT               what the command printed (stdout and stderr together)
//   TEXT (re)          a line matching the regular expression TEXT (ECMAScript),
//                      matched against the normalised line
//   ...{{LO..HI}}...   a line with a whole number from LO to HI at that place
//   #: NOTE            a note; the notes just above a command say why it matters
//   #: args: ARGS      extra options for simkernel
//   #: test: NAME      the test's name (labs); #: points: N its weight
//   [exit N]           the exit status expected from simkernel (default 0)
// Timestamps, kernel addresses, dates and the root's path vary from run to
// run: both sides are normalised ([TIME], 0xADDR, DATE, STAMP, ROOT) first.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace checker {

struct ExpectedLine {
    std::string text;     // as written, without a " (re)" suffix
    bool regex = false;   // written with " (re)"
    size_t command = 0;   // the command it belongs to (index into commands; SIZE_MAX before the first)
};

struct Transcript {
    std::filesystem::path file;
    std::string name;                  // "#: test:", else the file's stem
    int points = 1;                    // "#: points:"
    std::vector<std::string> args;     // "#: args:"
    int expected_exit = 0;             // "[exit N]"
    std::vector<std::string> commands; // each "$ " line, without the "$ "
    std::vector<std::string> why;      // per command: the notes just above it, joined
    std::vector<ExpectedLine> expected;
};

// Reads FILE; on a malformed line (a bad regex, a bad range) returns false
// with a sentence naming the line in error.
bool parse_transcript(const std::filesystem::path& file, Transcript& out, std::string& error);

struct RunOptions {
    std::filesystem::path simkernel;   // the program to run (this one)
    std::filesystem::path workdir;     // where the commands run
    std::chrono::milliseconds timeout{15000};
};

struct RunResult {
    std::string output;    // stdout and stderr together, normalised
    int exit_status = 0;   // or 128+signal
    int signal = 0;        // the signal that ended simkernel, if one did
    bool timed_out = false;
    double seconds = 0;
};

// Boots simkernel on a new scratch root (removed afterwards) in workdir,
// feeds it the commands with --echo, and collects what it printed.
RunResult run_transcript(const Transcript& t, const RunOptions& opts);

// The outcome, in a student's words.
struct Verdict {
    bool passed = false;
    std::string step;      // the command at which it went wrong ("" if none)
    std::string why;       // the notes above that command
    std::string expected;  // what should have happened
    std::string happened;  // what did
    std::string diff;      // expected vs actual, line by line ("-" expected, "+" actual)
};

Verdict judge(const Transcript& t, const RunResult& r);

// Normalisation applied to both sides before comparing (root: the scratch
// root's path, which becomes ROOT).
std::string normalise_line(const std::string& line, const std::string& root = "");

// Does the actual (normalised) line match the expected one?
bool line_matches(const ExpectedLine& e, const std::string& actual);

}  // namespace checker

// process.hpp - running a host program (simkernel itself, make) with its
// output collected and a time limit, for the checker.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace checker {

struct ProcessResult {
    std::string output;    // stdout and stderr together
    int exit_status = 0;   // or 128+signal
    int signal = 0;        // the signal that ended it, if one did
    bool timed_out = false;
    bool started = true;   // false: it could not be run (output says why)
};

// Runs argv[0] (a path) in workdir with stdin from stdin_file ("" for
// /dev/null), killing it (and what it started) after timeout.
ProcessResult run_process(const std::vector<std::string>& argv, const std::filesystem::path& workdir,
                          const std::filesystem::path& stdin_file, std::chrono::milliseconds timeout);

// A new scratch directory under $TMPDIR, removed with its contents when
// the object goes.
class ScratchDir {
public:
    explicit ScratchDir(const char* prefix);
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    bool ok() const { return !path_.empty(); }

private:
    std::filesystem::path path_;
};

// /proc/self/exe
std::filesystem::path self_exe();

}  // namespace checker

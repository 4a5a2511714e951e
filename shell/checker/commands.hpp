// commands.hpp - simkernel's host-side subcommands, which boot their
// kernels as separate simkernel runs:
//
//   simkernel lab list | start N [DIR] | check N [DIR] | export --student DIR
//   simkernel test [--workdir DIR] [--timeout S] FILE.t ...
#pragma once

#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace checker {

struct Subcommands {
    CLI::App* lab = nullptr;
    CLI::App* lab_list = nullptr;
    CLI::App* lab_start = nullptr;
    CLI::App* lab_check = nullptr;
    CLI::App* lab_export = nullptr;
    CLI::App* test = nullptr;
    // Their options, filled in by the parse.
    struct Values {
        std::string labs;
        std::string number;  // decimal, leading zeros allowed ("08")
        std::string dir;
        std::string junit, json;
        bool student = false;
        int jobs = 2;
        std::string workdir;
        double timeout = 15;
        std::vector<std::string> files;
    };
    std::shared_ptr<Values> v = std::make_shared<Values>();
};

Subcommands add_subcommands(CLI::App& app);

// If one of them was given: runs it, sets status, returns true.
bool run_subcommand(const Subcommands& s, int& status);

// simkernel test: each transcript on a fresh kernel; prints "transcript ok:
// NAME" or what differed. 0 if all passed, 1 if one failed, 2 if one is malformed.
int test_transcripts(const std::vector<std::string>& files, const std::filesystem::path& workdir,
                     std::chrono::milliseconds timeout);

}  // namespace checker

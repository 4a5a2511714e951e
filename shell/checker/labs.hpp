// labs.hpp - the lab exercises of labs/ and their checker:
//
//   simkernel lab list
//   simkernel lab start N [DIR]
//   simkernel lab check N [DIR] [--junit FILE] [--json FILE]
//   simkernel lab export --student DIR
//
// A lab is a directory labs/NN-slug/ holding README.md (its first line
// "# Lab N: Title", a line "Time: ..."), skeleton/ (the starter code the
// student gets), solution/ (the reference, never exported to students) and
// tests/*.t (transcripts, run in the student's directory, each on a fresh
// kernel). docs/teaching.md describes the layout for a lab author.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace checker {

struct Lab {
    int number = 0;
    std::string slug;        // "hello" of 01-hello
    std::string title;       // from README.md's first line
    std::string time;        // from its "Time:" line
    std::filesystem::path dir;
};

// Every lab under labs_dir, by number.
std::vector<Lab> find_labs(const std::filesystem::path& labs_dir);
std::optional<Lab> find_lab(const std::filesystem::path& labs_dir, int number);

struct CheckOptions {
    std::filesystem::path simkernel;  // this program
    std::filesystem::path sdk;        // make -C sdk M=dir modules
    std::filesystem::path junit, json;
    int jobs = 2;                     // tests run at once
};

// The subcommands; each prints what it did (or why it could not) and
// returns the exit status.
int lab_list(const std::filesystem::path& labs_dir);
int lab_start(const std::filesystem::path& labs_dir, int number, std::filesystem::path dir);
int lab_check(const std::filesystem::path& labs_dir, int number, const std::filesystem::path& dir,
              const CheckOptions& opts);
int lab_export_student(const std::filesystem::path& labs_dir, const std::filesystem::path& dest);

}  // namespace checker

// report.hpp - a lab check's results as the grading services read them:
// JUnit XML (GitLab, Jenkins, GitHub test reporters) and Gradescope's
// autograder results.json.
#pragma once

#include "checker/transcript.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace checker {

struct TestOutcome {
    std::string name;
    int number = 0;        // 1, 2, ... in the order they ran
    int max_points = 1;
    bool passed = false;
    Verdict verdict;       // why it failed (verdict.passed == passed)
    double seconds = 0;
};

struct CheckReport {
    std::string suite;     // "lab03-chardev"
    std::string build_log; // the make output (shown when the build failed)
    bool built = false;
    double seconds = 0;    // the whole check
    std::vector<TestOutcome> tests;

    int score() const;
    int max_score() const;
};

// One failure as a student reads it: "at: ...", "why: ...", "expected: ...", "happened: ...".
std::string failure_text(const Verdict& v);

// <testsuites><testsuite ...><testcase ...><failure message=...>...</failure></testcase>...
std::string junit_xml(const CheckReport& r);
// {"score", "max_score", "execution_time", "output", "tests": [{"name", "number", "score", "max_score", "status", "output"}]}
std::string gradescope_json(const CheckReport& r);

// Writes text to path; "" or a sentence saying what failed.
std::string write_file(const std::filesystem::path& path, const std::string& text);

}  // namespace checker

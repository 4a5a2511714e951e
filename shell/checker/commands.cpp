// commands.cpp - see commands.hpp.
#include "checker/commands.hpp"

#include "checker/labs.hpp"
#include "checker/process.hpp"
#include "checker/report.hpp"
#include "checker/transcript.hpp"
#include "product_paths.hpp"

#include <fmt/format.h>

#include <iostream>

namespace fs = std::filesystem;

namespace checker {

Subcommands add_subcommands(CLI::App& app) {
    Subcommands s;
    auto& v = *s.v;
    s.lab = app.add_subcommand("lab", "lab exercises: list, start, check, export (docs/teaching.md)");
    s.lab->add_option("--labs", v.labs, "the labs directory (default: $SIMKERNEL_LABS, else the shipped labs)");
    s.lab->require_subcommand(1);
    s.lab_list = s.lab->add_subcommand("list", "list the labs, in course order");
    s.lab_start = s.lab->add_subcommand("start", "copy lab N's starter code to DIR (default: labNN-name)");
    s.lab_start->add_option("N", v.number, "the lab's number")->required();
    s.lab_start->add_option("DIR", v.dir, "a new or empty directory");
    s.lab_check = s.lab->add_subcommand("check", "build the module in DIR (default: .) and run lab N's tests");
    s.lab_check->add_option("N", v.number, "the lab's number")->required();
    s.lab_check->add_option("DIR", v.dir, "the directory holding your module and its Makefile");
    s.lab_check->add_option("--junit", v.junit, "also write the results as JUnit XML to FILE");
    s.lab_check->add_option("--json", v.json, "also write the results as Gradescope's results.json to FILE");
    s.lab_check->add_option("-j,--jobs", v.jobs, "tests run at once (default 2)")->check(CLI::Range(1, 64));
    s.lab_export = s.lab->add_subcommand("export", "write the labs for students (no solutions) to DIR");
    s.lab_export->add_flag("--student", v.student, "the student version: README, skeleton, tests")->required();
    s.lab_export->add_option("DIR", v.dir, "a new or empty directory")->required();
    s.test = app.add_subcommand("test", "replay shell transcripts (FILE.t), each on a fresh kernel (docs/testing.md)");
    s.test->add_option("--workdir", v.workdir, "run the commands in DIR (default: .)");
    s.test->add_option("--timeout", v.timeout, "seconds each transcript may take (default 15)")
        ->check(CLI::PositiveNumber);
    s.test->add_option("FILE", v.files, "transcripts")->required()->check(CLI::ExistingFile);
    return s;
}

namespace {

// "8" or "08": a lab's number, in decimal; -1 if it is not one.
int lab_number(const std::string& text) {
    if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stoi(text, nullptr, 10);
}

}  // namespace

bool run_subcommand(const Subcommands& s, int& status) {
    const auto& v = *s.v;
    if ((s.lab_start->parsed() || s.lab_check->parsed()) && lab_number(v.number) < 0) {
        std::cerr << fmt::format("simkernel lab: N must be a lab's number (simkernel lab list), not '{}'\n", v.number);
        status = 2;
        return true;
    }
    const fs::path labs = v.labs.empty() ? shell::product_paths().labs : fs::path(v.labs);
    if (s.test->parsed()) {
        status = test_transcripts(v.files, v.workdir.empty() ? fs::current_path() : fs::path(v.workdir),
                                  std::chrono::milliseconds(static_cast<long>(v.timeout * 1000)));
    } else if (s.lab_list->parsed()) {
        status = lab_list(labs);
    } else if (s.lab_start->parsed()) {
        status = lab_start(labs, lab_number(v.number), v.dir);
    } else if (s.lab_check->parsed()) {
        CheckOptions o{self_exe(), shell::product_paths().sdk, v.junit, v.json, v.jobs};
        status = lab_check(labs, lab_number(v.number), v.dir, o);
    } else if (s.lab_export->parsed()) {
        status = lab_export_student(labs, v.dir);
    } else {
        return false;
    }
    return true;
}

int test_transcripts(const std::vector<std::string>& files, const fs::path& workdir, std::chrono::milliseconds timeout) {
    int status = 0;
    for (const std::string& file : files) {
        Transcript t;
        std::string err;
        if (!parse_transcript(file, t, err)) {
            std::cerr << "simkernel test: " << err << "\n";
            status = 2;
            continue;
        }
        RunResult r = run_transcript(t, {self_exe(), workdir, timeout});
        Verdict v = judge(t, r);
        if (v.passed) {
            std::cout << fmt::format("transcript ok: {} ({:.2f} s)\n", fs::path(file).filename().string(), r.seconds);
            continue;
        }
        std::cout << fmt::format("transcript differs: {}\n{}", file, failure_text(v));
        std::cout << "expected (-) and actual (+) output:\n" << v.diff;
        if (r.exit_status != t.expected_exit)
            std::cout << fmt::format("exit status {}, expected {}\n", r.exit_status, t.expected_exit);
        if (status == 0) status = 1;
    }
    return status;
}

}  // namespace checker

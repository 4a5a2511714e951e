// labs.cpp - see labs.hpp.
#include "checker/labs.hpp"

#include "checker/process.hpp"
#include "checker/report.hpp"
#include "checker/transcript.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <regex>
#include <thread>

namespace fs = std::filesystem;

namespace checker {

namespace {

constexpr auto kBuildTimeout = std::chrono::seconds(120);
constexpr auto kTestTimeout = std::chrono::seconds(15);

bool empty_or_missing(const fs::path& dir) {
    std::error_code ec;
    return !fs::exists(dir, ec) || (fs::is_directory(dir, ec) && fs::is_empty(dir, ec));
}

// The files a directory holds, relative to it, sorted.
std::vector<fs::path> files_under(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file()) out.push_back(fs::relative(it->path(), dir));
    std::sort(out.begin(), out.end());
    return out;
}

// What a module's build leaves beside its sources (kbuild's outputs): not
// part of a lab, though an author may have built in skeleton/ or solution/.
bool is_build_output(const fs::path& rel) {
    static const std::regex outputs(R"(.*\.(ko|o|mod|mod\.c|cmd)|\..*\.d|Module\.symvers|modules\.order)");
    return std::regex_match(rel.filename().string(), outputs);
}

// Copies src's tree into dest (made if missing), skipping directories named
// in skip and build outputs; "" or a sentence saying what failed.
std::string copy_tree(const fs::path& src, const fs::path& dest, const std::vector<std::string>& skip = {}) {
    std::error_code ec;
    for (const fs::path& rel : files_under(src)) {
        if (!skip.empty() && std::find(skip.begin(), skip.end(), rel.begin()->string()) != skip.end()) continue;
        if (is_build_output(rel)) continue;
        fs::create_directories((dest / rel).parent_path(), ec);
        if (!ec) fs::copy_file(src / rel, dest / rel, fs::copy_options::overwrite_existing, ec);
        if (ec) return fmt::format("cannot copy {} to {}: {}", (src / rel).string(), (dest / rel).string(), ec.message());
    }
    return "";
}

std::vector<fs::path> lab_tests(const Lab& lab) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(lab.dir / "tests", ec))
        if (e.path().extension() == ".t") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string suite_name(const Lab& lab) { return fmt::format("lab{:02}-{}", lab.number, lab.slug); }

}  // namespace

std::vector<Lab> find_labs(const fs::path& labs_dir) {
    static const std::regex dir_name(R"(([0-9]{2})-([a-z0-9-]+))");
    static const std::regex title_line(R"(# Lab [0-9]+: (.*))");
    std::vector<Lab> labs;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(labs_dir, ec)) {
        std::smatch m;
        std::string name = e.path().filename().string();
        if (!e.is_directory() || !std::regex_match(name, m, dir_name)) continue;
        Lab lab{std::stoi(m[1]), m[2], "", "", e.path()};
        std::ifstream readme(e.path() / "README.md");
        for (std::string line; std::getline(readme, line);) {
            if (std::regex_match(line, m, title_line) && lab.title.empty()) lab.title = m[1];
            if (line.rfind("Time:", 0) == 0 && lab.time.empty()) {
                lab.time = line.substr(5);
                lab.time.erase(0, lab.time.find_first_not_of(' '));
            }
        }
        labs.push_back(lab);
    }
    std::sort(labs.begin(), labs.end(), [](const Lab& a, const Lab& b) { return a.number < b.number; });
    return labs;
}

std::optional<Lab> find_lab(const fs::path& labs_dir, int number) {
    for (Lab& lab : find_labs(labs_dir))
        if (lab.number == number) return lab;
    return std::nullopt;
}

int lab_list(const fs::path& labs_dir) {
    std::vector<Lab> labs = find_labs(labs_dir);
    if (labs.empty()) {
        std::cerr << fmt::format("simkernel lab: no labs in {}\n", labs_dir.string());
        return 1;
    }
    for (const Lab& lab : labs)
        std::cout << fmt::format("{:2}  {:<16} {:<58} {}\n", lab.number, lab.slug, lab.title, lab.time);
    std::cout << fmt::format("\n(in {}; start one with: simkernel lab start N)\n", labs_dir.string());
    return 0;
}

int lab_start(const fs::path& labs_dir, int number, fs::path dir) {
    std::optional<Lab> lab = find_lab(labs_dir, number);
    if (!lab) {
        std::cerr << fmt::format("simkernel lab start: there is no lab {} (simkernel lab list shows them)\n", number);
        return 2;
    }
    if (dir.empty()) dir = fmt::format("lab{:02}-{}", lab->number, lab->slug);
    if (!empty_or_missing(dir)) {
        std::cerr << fmt::format("simkernel lab start: {} already exists and is not empty: choose another directory "
                                 "(simkernel lab start {} DIR)\n",
                                 dir.string(), number);
        return 2;
    }
    const bool existed = fs::exists(dir);
    std::string err = copy_tree(lab->dir / "skeleton", dir);
    if (err.empty()) err = copy_tree(lab->dir, dir, {"skeleton", "solution", "tests"});
    if (!err.empty()) {
        std::error_code ec;
        if (existed) {
            for (const auto& e : fs::directory_iterator(dir, ec)) fs::remove_all(e.path(), ec);
        } else {
            fs::remove_all(dir, ec);
        }
        std::cerr << "simkernel lab start: " << err << "\n";
        return 1;
    }
    std::cout << fmt::format("Lab {}: {}\n", lab->number, lab->title);
    std::cout << fmt::format("Your starter code is in {}:\n", dir.string());
    for (const fs::path& f : files_under(dir)) std::cout << "  " << f.string() << "\n";
    std::cout << fmt::format("Next: cd {}, read README.md, do the TODOs, then\n", dir.string());
    std::cout << fmt::format("  simkernel lab check {}\n", lab->number);
    return 0;
}

namespace {

// make -C sdk M=dir modules
bool build_module(const fs::path& dir, const CheckOptions& opts, CheckReport& report) {
    auto t0 = std::chrono::steady_clock::now();
    ProcessResult b = run_process({"/usr/bin/make", "-C", opts.sdk.string(), "M=" + dir.string(), "modules"}, dir,
                                  "", kBuildTimeout);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    report.build_log = b.output;
    report.built = b.exit_status == 0 && !b.timed_out;
    std::cout << fmt::format("build: make -C {} M={} modules: {} ({:.1f} s)\n", opts.sdk.string(), dir.string(),
                             report.built ? "ok" : "FAILED", s);
    if (!report.built) {
        std::cout << b.output;
        if (b.timed_out) std::cout << "(stopped: the build took longer than two minutes)\n";
    }
    return report.built;
}

void print_outcome(const TestOutcome& t) {
    std::cout << fmt::format("{}  {:2}. {:<56} {}/{}\n", t.passed ? "PASS" : "FAIL", t.number, t.name,
                             t.passed ? t.max_points : 0, t.max_points);
    if (t.passed) return;
    std::string text = failure_text(t.verdict);
    for (size_t at = 0, nl; at < text.size(); at = nl + 1) {
        nl = text.find('\n', at);
        std::cout << "          " << text.substr(at, nl - at) << "\n";
    }
}

}  // namespace

int lab_check(const fs::path& labs_dir, int number, const fs::path& dir_in, const CheckOptions& opts) {
    std::optional<Lab> lab = find_lab(labs_dir, number);
    if (!lab) {
        std::cerr << fmt::format("simkernel lab check: there is no lab {} (simkernel lab list shows them)\n", number);
        return 2;
    }
    std::error_code ec;
    const fs::path dir = fs::absolute(dir_in.empty() ? fs::current_path() : dir_in, ec);
    if (!fs::is_directory(dir, ec)) {
        std::cerr << fmt::format("simkernel lab check: no directory {}: start the lab with: simkernel lab start {} {}\n",
                                 dir.string(), number, dir_in.string());
        return 2;
    }
    if (!fs::exists(dir / "Makefile") && !fs::exists(dir / "Kbuild")) {
        std::cerr << fmt::format("simkernel lab check: {} has no Makefile (obj-m += ...): is it the lab's directory?\n",
                                 dir.string());
        return 2;
    }
    // The lab's tests: a malformed one is the lab author's error, said before anything runs.
    std::vector<Transcript> tests;
    for (const fs::path& f : lab_tests(*lab)) {
        Transcript t;
        std::string err;
        if (!parse_transcript(f, t, err)) {
            std::cerr << "simkernel lab check: the lab's test is malformed: " << err << "\n";
            return 2;
        }
        tests.push_back(std::move(t));
    }
    if (tests.empty()) {
        std::cerr << fmt::format("simkernel lab check: lab {} has no tests ({} holds no *.t)\n", number,
                                 (lab->dir / "tests").string());
        return 2;
    }

    auto t0 = std::chrono::steady_clock::now();
    CheckReport report;
    report.suite = suite_name(*lab);
    std::cout << fmt::format("Lab {}: {} ({})\n", lab->number, lab->title, dir.string());
    const bool built = build_module(dir, opts, report);

    report.tests.resize(tests.size());
    for (size_t i = 0; i < tests.size(); ++i) {
        TestOutcome& o = report.tests[i];
        o.name = tests[i].name;
        o.number = static_cast<int>(i + 1);
        o.max_points = tests[i].points;
        if (!built) {
            o.verdict.expected = "the module to build";
            o.verdict.happened = "make failed (its messages are above)";
        }
    }
    if (built) {
        // Each test on a fresh kernel (its own simkernel and scratch root), a few at once.
        std::atomic<size_t> next{0};
        auto worker = [&] {
            for (size_t i; (i = next++) < tests.size();) {
                RunResult r = run_transcript(tests[i], {opts.simkernel, dir, kTestTimeout});
                TestOutcome& o = report.tests[i];
                o.verdict = judge(tests[i], r);
                o.passed = o.verdict.passed;
                o.seconds = r.seconds;
            }
        };
        std::vector<std::thread> pool;
        for (int j = 0; j < std::max(1, opts.jobs); ++j) pool.emplace_back(worker);
        for (std::thread& th : pool) th.join();
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    for (const TestOutcome& o : report.tests) print_outcome(o);
    std::cout << fmt::format("score: {}/{} ({:.1f} s)\n", report.score(), report.max_score(), report.seconds);

    int status = report.score() == report.max_score() && built ? 0 : 1;
    const std::vector<std::pair<fs::path, std::string>> outputs{{opts.junit, junit_xml(report)},
                                                                 {opts.json, gradescope_json(report)}};
    for (const auto& [path, text] : outputs) {
        if (path.empty()) continue;
        if (std::string err = write_file(path, text); !err.empty()) {
            std::cerr << "simkernel lab check: " << err << "\n";
            status = 2;
        }
    }
    return status;
}

int lab_export_student(const fs::path& labs_dir, const fs::path& dest) {
    std::vector<Lab> labs = find_labs(labs_dir);
    if (labs.empty()) {
        std::cerr << fmt::format("simkernel lab export: no labs in {}\n", labs_dir.string());
        return 1;
    }
    if (!empty_or_missing(dest)) {
        std::cerr << fmt::format("simkernel lab export: {} already exists and is not empty\n", dest.string());
        return 2;
    }
    const bool existed = fs::exists(dest);
    std::string err;
    // Everything but the solutions: README, skeleton and tests (students run the checker too).
    for (const Lab& lab : labs) {
        err = copy_tree(lab.dir, dest / lab.dir.filename(), {"solution"});
        if (!err.empty()) break;
    }
    if (err.empty() && fs::exists(labs_dir / "README.md")) {
        std::error_code ec;
        fs::copy_file(labs_dir / "README.md", dest / "README.md", ec);
        if (ec) err = fmt::format("cannot copy {}: {}", (labs_dir / "README.md").string(), ec.message());
    }
    if (!err.empty()) {
        std::error_code ec;
        if (existed) {
            for (const auto& e : fs::directory_iterator(dest, ec)) fs::remove_all(e.path(), ec);
        } else {
            fs::remove_all(dest, ec);
        }
        std::cerr << "simkernel lab export: " << err << "\n";
        return 1;
    }
    std::cout << fmt::format("{} labs exported for students (no solutions) to {}\n", labs.size(), dest.string());
    std::cout << fmt::format("Students use them with: SIMKERNEL_LABS={} simkernel lab start N\n", dest.string());
    return 0;
}

}  // namespace checker

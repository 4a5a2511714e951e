// checker_tests.cpp - the transcript runner's pieces and the report
// writers (shell/checker/), without a kernel: patterns, normalisation, the
// words of a verdict, and the escaping JUnit XML and JSON need.
#include "checker/report.hpp"
#include "checker/transcript.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using checker::ExpectedLine;

namespace {

ExpectedLine literal(std::string text) { return {std::move(text), false, 0}; }
ExpectedLine regex(std::string text) { return {std::move(text), true, 0}; }

checker::Transcript parse_text(const std::string& text, std::string* error = nullptr) {
    auto path = std::filesystem::temp_directory_path() / "checker_tests.t";
    std::ofstream(path) << text;
    checker::Transcript t;
    std::string err;
    bool ok = checker::parse_transcript(path, t, err);
    std::filesystem::remove(path);
    if (error) *error = ok ? "" : err;
    return t;
}

}  // namespace

TEST_CASE("a literal line matches itself only, after normalisation", "[checker]") {
    CHECK(checker::line_matches(literal("hello"), "hello"));
    CHECK_FALSE(checker::line_matches(literal("hello"), "hello "));
    // Timestamps in the expected text stand for any time.
    CHECK(checker::line_matches(literal("[    0.000000] greet: hi"), checker::normalise_line("[   12.345678] greet: hi")));
    CHECK(checker::normalise_line("x 0x00007f1234567890 y") == "x 0xADDR y");
    CHECK(checker::normalise_line("-r--r--r-- 1 root root 4096 Jan  1  1970 count") ==
          "-r--r--r-- 1 root root 4096 DATE count");
    CHECK(checker::normalise_line("at /tmp/r1/var", "/tmp/r1") == "at ROOT/var");
}

TEST_CASE("a (re) line is a regular expression over the whole line", "[checker]") {
    CHECK(checker::line_matches(regex("[0-9]+ cats?"), "12 cats"));
    CHECK_FALSE(checker::line_matches(regex("[0-9]+ cats?"), "12 cats!"));  // the whole line
    CHECK_FALSE(checker::line_matches(regex("cat"), "concatenate"));
}

TEST_CASE("{{LO..HI}} is a whole number in the range, the rest literal", "[checker]") {
    CHECK(checker::line_matches(literal("{{1..6}}"), "1"));
    CHECK(checker::line_matches(literal("{{1..6}}"), "6"));
    CHECK_FALSE(checker::line_matches(literal("{{1..6}}"), "7"));
    CHECK_FALSE(checker::line_matches(literal("{{1..6}}"), "0"));
    CHECK_FALSE(checker::line_matches(literal("{{1..6}}"), "3.5"));
    CHECK(checker::line_matches(literal("{{-5..5}} and {{10..20}} (x*)"), "-3 and 15 (x*)"));
    CHECK_FALSE(checker::line_matches(literal("{{-5..5}} and {{10..20}} (x*)"), "-3 and 25 (x*)"));
    CHECK_FALSE(checker::line_matches(literal("a{{1..2}}"), "b1"));
}

TEST_CASE("parsing: commands, notes, points, exit status; malformed lines are named", "[checker]") {
    std::string err;
    checker::Transcript t = parse_text("#: test: my test\n#: points: 3\n#: why it matters\n$ echo a\na\n[exit 1]\n", &err);
    REQUIRE(err.empty());
    CHECK(t.name == "my test");
    CHECK(t.points == 3);
    CHECK(t.expected_exit == 1);
    REQUIRE(t.commands.size() == 1);
    CHECK(t.why[0] == "why it matters");
    CHECK(t.expected.size() == 2);  // "$ echo a" and "a"

    parse_text("$ echo\n{{9..1}}\n", &err);
    CHECK(err.find(":2: a range must go from low to high") != std::string::npos);
    parse_text("$ echo\n([a-z (re)\n", &err);
    CHECK(err.find(":2: not a regular expression") != std::string::npos);
    parse_text("#: points: many\n$ echo\n", &err);
    CHECK(err.find(":1: points must be a whole number") != std::string::npos);
    parse_text("just text\n", &err);
    CHECK(err.find("no commands") != std::string::npos);
}

TEST_CASE("a verdict names the step, its notes, what was expected and what happened", "[checker]") {
    checker::Transcript t = parse_text("$ first\n#: the second matters\n$ second\nwanted\n$ third\n");
    checker::RunResult r;
    r.output = "$ first\n$ second\ngot\n$ third\n";
    checker::Verdict v = checker::judge(t, r);
    CHECK_FALSE(v.passed);
    CHECK(v.step == "second");
    CHECK(v.why == "the second matters");
    CHECK(v.expected == "\"wanted\"");
    CHECK(v.happened == "\"got\"");

    r.output = "$ first\n$ second\n$ third\n";  // printed nothing
    v = checker::judge(t, r);
    CHECK(v.happened == "no more output (the next command ran)");

    r.output = "$ first\n$ second\nwanted\n$ third\n";
    r.exit_status = 3;
    v = checker::judge(t, r);
    CHECK_FALSE(v.passed);
    CHECK(v.happened == "exit status 3");
    r.exit_status = 0;
    CHECK(checker::judge(t, r).passed);

    r.timed_out = true;
    v = checker::judge(t, r);
    CHECK_FALSE(v.passed);
    CHECK(v.step == "third");
    CHECK(v.why.empty());  // the third command has no notes
    r.output = "$ first\n$ second\n";  // stuck in the second: its notes say why it matters
    v = checker::judge(t, r);
    CHECK(v.step == "second");
    CHECK(v.why == "the second matters");
    r.timed_out = false;
    r.signal = 11;
    v = checker::judge(t, r);
    CHECK(v.step == "second");
    CHECK(v.why == "the second matters");
}

TEST_CASE("reports escape what XML and JSON cannot hold as it is", "[checker]") {
    checker::CheckReport rep;
    rep.suite = "lab01-hello";
    rep.built = true;
    checker::TestOutcome o;
    o.name = "a <\"quoted\"> & 'odd' \x01 name";
    o.number = 1;
    o.max_points = 2;
    o.verdict.expected = "\"x\"";
    o.verdict.happened = "tab\there\nline";
    rep.tests.push_back(o);
    std::string xml = checker::junit_xml(rep);
    CHECK(xml.find("a &lt;&quot;quoted&quot;&gt; &amp; &apos;odd&apos; \\x01 name") != std::string::npos);
    CHECK(xml.find('\x01') == std::string::npos);
    std::string json = checker::gradescope_json(rep);
    CHECK(json.find("\"a <\\\"quoted\\\"> & 'odd' \\u0001 name\"") != std::string::npos);
    CHECK(json.find("\"score\": 0,") != std::string::npos);
    CHECK(json.find("\"max_score\": 2,") != std::string::npos);
    CHECK(rep.score() == 0);
    CHECK(rep.max_score() == 2);
}

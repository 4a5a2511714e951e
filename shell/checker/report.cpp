// report.cpp - see report.hpp.
#include "checker/report.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace checker {

int CheckReport::score() const {
    int s = 0;
    for (const TestOutcome& t : tests) s += t.passed ? t.max_points : 0;
    return s;
}

int CheckReport::max_score() const {
    int s = 0;
    for (const TestOutcome& t : tests) s += t.max_points;
    return s;
}

std::string failure_text(const Verdict& v) {
    std::string s;
    if (!v.step.empty()) s += "at: $ " + v.step + "\n";
    if (!v.why.empty()) s += "why: " + v.why + "\n";
    s += "expected: " + v.expected + "\n";
    s += "happened: " + v.happened + "\n";
    return s;
}

namespace {

std::string xml_escape(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            // XML 1.0 allows no control characters but tab, newline, return.
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += fmt::format("\\x{:02x}", c);
            else out += static_cast<char>(c);
        }
    }
    return out;
}

std::string json_escape(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += static_cast<char>(c);
    }
    return out + "\"";
}

std::string test_output(const TestOutcome& t) {
    if (t.passed) return "";
    return failure_text(t.verdict) + (t.verdict.diff.empty() ? "" : "\nexpected (-) and actual (+) output:\n" + t.verdict.diff);
}

}  // namespace

std::string junit_xml(const CheckReport& r) {
    int failures = 0;
    for (const TestOutcome& t : r.tests) failures += t.passed ? 0 : 1;
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    x += fmt::format("<testsuites name=\"simkernel lab check\" tests=\"{}\" failures=\"{}\" errors=\"0\" time=\"{:.3f}\">\n",
                     r.tests.size(), failures, r.seconds);
    x += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" time=\"{:.3f}\">\n",
                     xml_escape(r.suite), r.tests.size(), failures, r.seconds);
    for (const TestOutcome& t : r.tests) {
        x += fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3f}\"", xml_escape(r.suite),
                         xml_escape(t.name), t.seconds);
        if (t.passed) {
            x += "/>\n";
            continue;
        }
        x += fmt::format(">\n      <failure message=\"{}\" type=\"check\">{}</failure>\n    </testcase>\n",
                         xml_escape("expected " + t.verdict.expected + "; happened: " + t.verdict.happened),
                         xml_escape(test_output(t)));
    }
    if (!r.built) x += fmt::format("    <system-out>{}</system-out>\n", xml_escape(r.build_log));
    x += "  </testsuite>\n</testsuites>\n";
    return x;
}

std::string gradescope_json(const CheckReport& r) {
    std::string j = "{\n";
    j += fmt::format("  \"score\": {},\n  \"max_score\": {},\n", r.score(), r.max_score());
    j += fmt::format("  \"execution_time\": {},\n", static_cast<long>(r.seconds + 0.999));
    std::string output = fmt::format("{}: {}/{}", r.suite, r.score(), r.max_score());
    if (!r.built) output += "\nThe module did not build:\n" + r.build_log;
    j += fmt::format("  \"output\": {},\n", json_escape(output));
    j += "  \"visibility\": \"visible\",\n  \"stdout_visibility\": \"visible\",\n  \"tests\": [";
    bool first = true;
    for (const TestOutcome& t : r.tests) {
        j += first ? "\n" : ",\n";
        first = false;
        j += fmt::format("    {{\"name\": {}, \"number\": \"{}\", \"score\": {}, \"max_score\": {}, \"status\": \"{}\", "
                         "\"visibility\": \"visible\", \"output\": {}}}",
                         json_escape(t.name), t.number, t.passed ? t.max_points : 0, t.max_points,
                         t.passed ? "passed" : "failed", json_escape(test_output(t)));
    }
    j += "\n  ]\n}\n";
    return j;
}

std::string write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) out << text;
    out.close();
    if (!out) return fmt::format("cannot write {}: {}", path.string(), std::strerror(errno));
    return "";
}

}  // namespace checker

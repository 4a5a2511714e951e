// printk_tests.cpp - the kernel log: levels from KERN_SOH prefixes, the
// console log level, the bounded ring buffer and what it drops, syslog(2)
// as dmesg uses it, and the copy in <root>/var/log/system.log.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <numeric>
#include <regex>
#include <sstream>
#include <string>

using skt::TestKernel;
namespace user = sk::user;

namespace {

// The records whose text is exactly `text`.
std::vector<sk::LogRecord> records_with(sk::Kernel& k, const std::string& text) {
    std::vector<sk::LogRecord> out;
    for (const sk::LogRecord& r : k.log.snapshot())
        if (r.text == text) out.push_back(r);
    return out;
}

int level_of(sk::Kernel& k, const std::string& text) {
    auto rs = records_with(k, text);
    REQUIRE(rs.size() == 1);
    return rs[0].level;
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

std::string read_syslog(int type = 3, int len = 1 << 20) {
    std::string buf(static_cast<size_t>(len), '\0');
    long n = user::syslog(type, buf.data(), len);
    REQUIRE(n >= 0);
    buf.resize(static_cast<size_t>(n));
    return buf;
}

// "[    0.123456] " then the text.
const std::regex kDmesgLine(R"(\[ {0,4}\d+\.\d{6}\] .*)");
// syslog(2) adds "<level>" in front.
const std::regex kSyslogLine(R"(<[0-7]>\[ {0,4}\d+\.\d{6}\] .*)");

}  // namespace

TEST_CASE("printk: the KERN_SOH prefix sets each record's level", "[printk]") {
    TestKernel tk;
    printk(KERN_EMERG "level test emerg\n");
    printk(KERN_ALERT "level test alert\n");
    printk(KERN_CRIT "level test crit\n");
    printk(KERN_ERR "level test err\n");
    printk(KERN_WARNING "level test warning\n");
    printk(KERN_NOTICE "level test notice\n");
    printk(KERN_INFO "level test info\n");
    printk(KERN_DEBUG "level test debug\n");
    printk("level test no prefix\n");
    printk(KERN_DEFAULT "level test default\n");
    CHECK(level_of(tk.k(), "level test emerg") == 0);
    CHECK(level_of(tk.k(), "level test alert") == 1);
    CHECK(level_of(tk.k(), "level test crit") == 2);
    CHECK(level_of(tk.k(), "level test err") == 3);
    CHECK(level_of(tk.k(), "level test warning") == 4);
    CHECK(level_of(tk.k(), "level test notice") == 5);
    CHECK(level_of(tk.k(), "level test info") == 6);
    CHECK(level_of(tk.k(), "level test debug") == 7);
    CHECK(level_of(tk.k(), "level test no prefix") == sk::LogBuffer::kDefaultMessageLevel);
    CHECK(level_of(tk.k(), "level test default") == sk::LogBuffer::kDefaultMessageLevel);
    // The prefix is not part of the text.
    for (const sk::LogRecord& r : tk->log.snapshot()) CHECK(r.text.find('\001') == std::string::npos);
}

TEST_CASE("printk: one record per line, KERN_CONT continues the open one", "[printk]") {
    TestKernel tk;
    printk(KERN_NOTICE "first line\nsecond line\n");
    CHECK(level_of(tk.k(), "first line") == 5);
    CHECK(level_of(tk.k(), "second line") == 5);

    printk(KERN_INFO "progress:");
    printk(KERN_CONT " 50%%");
    printk(KERN_CONT " 100%%\n");
    CHECK(level_of(tk.k(), "progress: 50% 100%") == 6);
    CHECK(records_with(tk.k(), " 50%").empty());

    // After a finished line KERN_CONT has nothing to continue: a new record.
    printk(KERN_ERR "finished\n");
    printk(KERN_CONT "orphan\n");
    CHECK(level_of(tk.k(), "finished") == 3);
    CHECK(records_with(tk.k(), "orphan").size() == 1);

    // A line without '\n' is ended by the next printk that is not KERN_CONT.
    printk(KERN_ALERT "Hello World");
    printk(KERN_ALERT "Goodbye");
    CHECK(level_of(tk.k(), "Hello World") == 1);
    CHECK(level_of(tk.k(), "Goodbye") == 1);

    // Format arguments are expanded.
    printk(KERN_INFO "%s has %d legs\n", "spider", 8);
    CHECK(level_of(tk.k(), "spider has 8 legs") == 6);
}

TEST_CASE("printk: records are numbered and stamped in order", "[printk]") {
    TestKernel tk;
    for (int i = 0; i < 20; ++i) printk(KERN_INFO "tick %d\n", i);
    auto rs = tk->log.snapshot();
    REQUIRE(rs.size() >= 20);
    for (size_t i = 1; i < rs.size(); ++i) {
        CHECK(rs[i].seq == rs[i - 1].seq + 1);
        CHECK(rs[i].ts_usec >= rs[i - 1].ts_usec);
    }
    CHECK(rs.back().ts_usec <= tk->log.usec_since_boot());
}

TEST_CASE("printk: dmesg's line format", "[printk]") {
    CHECK(sk::format_log_line({0, 0, 6, "boot"}) == "[    0.000000] boot");
    CHECK(sk::format_log_line({1, 123456, 1, "Hello World"}) == "[    0.123456] Hello World");
    CHECK(sk::format_log_line({2, 12345678901ULL, 4, "late"}) == "[12345.678901] late");
}

TEST_CASE("printk: only records more urgent than the console log level reach the console", "[printk][console]") {
    TestKernel tk;
    REQUIRE(tk->log.console_loglevel() == 4);
    const char* const levels[] = {KERN_EMERG, KERN_ALERT, KERN_CRIT, KERN_ERR,
                                  KERN_WARNING, KERN_NOTICE, KERN_INFO, KERN_DEBUG};
    auto emit_all = [&](const char* tag) {
        size_t start = tk.console().size();
        for (int l = 0; l < 8; ++l) printk("%s%s %d\n", levels[l], tag, l);
        return tk.console().substr(start);
    };
    auto shown = [](const std::string& console, const char* tag) {
        std::string levels_shown;
        for (const std::string& line : lines_of(console)) {
            CHECK(std::regex_match(line, kDmesgLine));
            size_t at = line.find(tag);
            if (at != std::string::npos) levels_shown += line.substr(at + strlen(tag) + 1);
        }
        return levels_shown;
    };

    CHECK(shown(emit_all("default"), "default") == "0123");

    // syslog(SYSLOG_ACTION_CONSOLE_LEVEL), as dmesg -n: root only, 1..8.
    tk.as_user();
    CHECK(user::syslog(8, nullptr, 8) == -EPERM);
    tk.as_root();
    CHECK(user::syslog(8, nullptr, 0) == -EINVAL);
    CHECK(user::syslog(8, nullptr, 9) == -EINVAL);
    CHECK(tk->log.console_loglevel() == 4);
    REQUIRE(user::syslog(8, nullptr, 8) == 0);
    CHECK(tk->log.console_loglevel() == 8);
    CHECK(shown(emit_all("verbose"), "verbose") == "01234567");
    REQUIRE(user::syslog(8, nullptr, 1) == 0);
    CHECK(shown(emit_all("quiet"), "quiet") == "0");

    // SYSLOG_ACTION_CONSOLE_OFF / _ON (dmesg -D / -E).
    REQUIRE(user::syslog(7, nullptr, 0) == 0);
    CHECK(shown(emit_all("on"), "on") == "0123");
    REQUIRE(user::syslog(6, nullptr, 0) == 0);
    CHECK(shown(emit_all("off"), "off") == "0");

    // Whatever the console shows, the ring buffer keeps every record.
    for (int l = 0; l < 8; ++l) CHECK(level_of(tk.k(), "off " + std::to_string(l)) == l);
}

TEST_CASE("printk: the ring buffer is bounded, drops the oldest records and counts them", "[printk][ring]") {
    const size_t cap = 4096;
    TestKernel tk({.log_buf_len = cap});
    CHECK(tk->log.capacity() == cap);
    CHECK(tk->log.dropped() == 0);
    CHECK_FALSE(records_with(tk.k(), "Run /sbin/init as init process").empty());

    for (int i = 0; i < 200; ++i) printk(KERN_INFO "ring line %03d\n", i);

    auto rs = tk->log.snapshot();
    uint64_t dropped = tk->log.dropped();
    REQUIRE_FALSE(rs.empty());
    CHECK(dropped > 0);
    CHECK(rs.back().text == "ring line 199");
    // What is left is the newest records, in one unbroken run.
    CHECK(rs.front().seq == dropped);
    CHECK(rs.back().seq + 1 == dropped + rs.size());
    size_t bytes = std::accumulate(rs.begin(), rs.end(), size_t{0}, [](size_t n, const sk::LogRecord& r) {
        return n + r.text.size() + sizeof(sk::LogRecord);
    });
    CHECK(bytes <= cap);
    CHECK(rs.size() < 200);
    CHECK(records_with(tk.k(), "Run /sbin/init as init process").empty());  // the boot messages went first

    // dmesg is told how much it missed.
    std::string text = read_syslog();
    auto lines = lines_of(text);
    REQUIRE(lines.size() == rs.size() + 1);
    CHECK(lines.front().find("** " + std::to_string(dropped) + " printk messages dropped **") != std::string::npos);
    CHECK(lines.back().find("] ring line 199") != std::string::npos);

    // Clearing the buffer does not forget what was dropped.
    REQUIRE(user::syslog(5, nullptr, 0) == 0);
    CHECK(tk->log.snapshot().empty());
    CHECK(tk->log.dropped() == dropped);
}

TEST_CASE("printk: KERN_CONT cannot grow the buffer past its bound", "[printk][ring]") {
    const size_t cap = 4096;
    TestKernel tk({.log_buf_len = cap});
    auto check_bounded = [&] {
        auto rs = tk->log.snapshot();
        size_t bytes = std::accumulate(rs.begin(), rs.end(), size_t{0}, [](size_t n, const sk::LogRecord& r) {
            return n + r.text.size() + sizeof(sk::LogRecord);
        });
        CHECK(bytes <= cap);
        // No record is longer than one printk can be (Linux: 1024 bytes).
        for (const sk::LogRecord& r : rs) CHECK(r.text.size() < 1024);
        return rs;
    };

    printk(KERN_ERR "a long line:");
    for (int i = 0; i < 1000; ++i) printk(KERN_CONT " %03d", i);
    auto rs = check_bounded();
    CHECK(tk->log.dropped() > 0);
    // The line goes on in records of its own; nothing is lost
    // but what the bound pushed out.
    REQUIRE_FALSE(rs.empty());
    CHECK(rs.back().level == sk::LogBuffer::kDefaultMessageLevel);  // as Linux: a new record, default level
    CHECK(rs.back().text.substr(rs.back().text.size() - 4) == " 999");
    std::string joined;
    for (const sk::LogRecord& r : rs) joined += r.text;
    CHECK(joined.find(" 998 999") != std::string::npos);

    printk(KERN_CONT "\n");
    printk(KERN_INFO "after the long line\n");
    rs = check_bounded();
    CHECK(rs.back().text == "after the long line");
}

TEST_CASE("printk: syslog(2) READ_ALL returns '<level>[time] text' lines", "[printk][syslog]") {
    TestKernel tk;
    printk(KERN_ERR "syslog marker %d\n", 42);
    printk(KERN_DEBUG "syslog debug marker\n");

    // Anyone may read the log (dmesg_restrict=0).
    tk.as_user();
    std::string text = read_syslog(3);
    auto lines = lines_of(text);
    REQUIRE(lines.size() == tk->log.snapshot().size());
    for (const std::string& line : lines) CHECK(std::regex_match(line, kSyslogLine));
    CHECK(lines.front().find("Linux version " + std::string(sk::kernel_release())) != std::string::npos);
    REQUIRE(lines.size() >= 2);
    CHECK(std::regex_match(lines[lines.size() - 2], std::regex(R"(<3>\[ *\d+\.\d{6}\] syslog marker 42)")));
    CHECK(std::regex_match(lines.back(), std::regex(R"(<7>\[ *\d+\.\d{6}\] syslog debug marker)")));
    CHECK(text.back() == '\n');

    // A short buffer gets the newest whole lines that fit.
    std::string tail = read_syslog(3, 80);
    CHECK(tail.size() <= 80);
    REQUIRE_FALSE(tail.empty());
    CHECK(tail.front() == '<');
    CHECK(text.size() >= tail.size());
    CHECK(text.compare(text.size() - tail.size(), tail.size(), tail) == 0);

    // Bad arguments.
    CHECK(user::syslog(3, nullptr, 100) == -EINVAL);
    char buf[16];
    CHECK(user::syslog(3, buf, -1) == -EINVAL);
    CHECK(user::syslog(3, buf, 0) == 0);
    CHECK(user::syslog(99, buf, sizeof buf) == -EINVAL);
    CHECK(user::syslog(10, nullptr, 0) == static_cast<long>(tk->log.capacity()));
    // Clearing is for root.
    CHECK(user::syslog(4, buf, sizeof buf) == -EPERM);
    CHECK(user::syslog(5, nullptr, 0) == -EPERM);
    CHECK_FALSE(tk->log.snapshot().empty());
}

TEST_CASE("printk: syslog(2) READ_CLEAR reads, then empties the buffer", "[printk][syslog]") {
    TestKernel tk;
    printk(KERN_INFO "before the clear\n");
    std::string text = read_syslog(4);
    CHECK(text.find("] before the clear\n") != std::string::npos);
    CHECK(tk->log.snapshot().empty());
    CHECK(read_syslog(3).empty());
    printk(KERN_INFO "after the clear\n");
    auto lines = lines_of(read_syslog(3));
    REQUIRE(lines.size() == 1);
    CHECK(std::regex_match(lines[0], std::regex(R"(<6>\[ *\d+\.\d{6}\] after the clear)")));
}

TEST_CASE("printk: the log is mirrored to /var/log/system.log under the root", "[printk][logfile]") {
    TestKernel tk;
    printk(KERN_DEBUG "to disk %d\n", 7);  // below the console level: on disk all the same
    printk(KERN_ALERT "alert to disk\n");
    const std::filesystem::path file = tk.root() / "var/log/system.log";
    REQUIRE(std::filesystem::exists(file));
    std::vector<char> bytes = skt::read_host_file(file);
    std::string disk(bytes.begin(), bytes.end());
    auto lines = lines_of(disk);
    REQUIRE_FALSE(lines.empty());
    for (const std::string& line : lines) CHECK(std::regex_match(line, kDmesgLine));
    CHECK(lines.front().find("] Linux version ") != std::string::npos);
    CHECK(disk.find("] to disk 7\n") != std::string::npos);
    CHECK(disk.find("] alert to disk\n") != std::string::npos);
    CHECK(tk.console().find("to disk 7") == std::string::npos);

    // The same records as the ring buffer, with the same stamps.
    std::vector<std::string> ring;
    for (const sk::LogRecord& r : tk->log.snapshot()) ring.push_back(sk::format_log_line(r));
    CHECK(lines == ring);

    // The simulated root's /var/log is what user space sees there.
    std::string via_syscall;
    REQUIRE(user::read_file("/var/log/system.log", &via_syscall) > 0);
    CHECK(via_syscall == disk);
}

TEST_CASE("printk: the log file keeps what the ring buffer dropped", "[printk][logfile]") {
    TestKernel tk({.log_buf_len = 2048});
    for (int i = 0; i < 100; ++i) printk(KERN_INFO "kept on disk %03d\n", i);
    REQUIRE(tk->log.dropped() > 0);
    std::vector<char> bytes = skt::read_host_file(tk.root() / "var/log/system.log");
    std::string disk(bytes.begin(), bytes.end());
    CHECK(disk.find("] kept on disk 000\n") != std::string::npos);
    CHECK(disk.find("] kept on disk 099\n") != std::string::npos);
    CHECK(disk.find("] Linux version ") != std::string::npos);
}

TEST_CASE("printk: log_to_file = false writes no file", "[printk][logfile]") {
    TestKernel tk({.log_to_file = false});
    printk(KERN_ERR "memory only\n");
    CHECK(level_of(tk.k(), "memory only") == 3);
    CHECK_FALSE(std::filesystem::exists(tk.root() / "var/log/system.log"));
}

// printk.hpp - the kernel log: a bounded ring of records, the console, and
// the on-disk copy in <root>/var/log/system.log.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace spdlog { class logger; }

namespace sk {

struct LogRecord {
    uint64_t seq;
    uint64_t ts_usec;  // microseconds since boot
    int level;         // 0 (EMERG) .. 7 (DEBUG)
    std::string text;  // one line, no trailing newline
};

// "[    0.123456] text", as dmesg prints it.
std::string format_log_line(const LogRecord& r);

class LogBuffer {
public:
    using ConsoleSink = std::function<void(std::string_view)>;
    static constexpr int kDefaultMessageLevel = 4;  // KERN_WARNING, as Linux
    static constexpr int kDefaultConsoleLevel = 4;  // Debian: "4 4 1 7"

    LogBuffer(size_t capacity_bytes, ConsoleSink console, const std::string& logfile);
    ~LogBuffer();

    // Append text whose first bytes may be a KERN_SOH level prefix.
    void emit(std::string_view text);

    std::vector<LogRecord> snapshot() const;
    void clear();
    uint64_t dropped() const;
    int console_loglevel() const;
    void set_console_loglevel(int level);
    // Bytes straight to the console, in order with the messages printk puts
    // there: what /dev/console's driver writes (sk_console_write).
    void write_console(std::string_view text);
    size_t capacity() const { return capacity_; }
    uint64_t usec_since_boot() const;

private:
    void append_locked(int level, std::string_view line, bool cont);

    mutable std::mutex mutex_;
    std::deque<LogRecord> records_;
    size_t bytes_ = 0;
    size_t capacity_;
    uint64_t next_seq_ = 0;
    uint64_t dropped_ = 0;
    bool last_open_ = false;  // last record had no newline: KERN_CONT may extend it
    int console_loglevel_ = kDefaultConsoleLevel;
    ConsoleSink console_;
    std::shared_ptr<spdlog::logger> file_;
    uint64_t boot_ns_;
};

}  // namespace sk

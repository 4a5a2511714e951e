// printk.cpp - the kernel log (kernel/printk/printk.c in Linux).
//
// printk() formats the message, reads its level from the KERN_SOH prefix,
// and appends one record per line to a bounded ring. When the ring is full
// the oldest records go, and are counted. A record more urgent than the
// console log level is written to the console at once; every record is also
// appended to <root>/var/log/system.log.
#include <simkernel/kernel.hpp>
#include <simkernel/printk.hpp>

#include <fmt/format.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdarg>
#include <simkernel/export.hpp>

namespace sk {

namespace {
uint64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
}  // namespace

std::string format_log_line(const LogRecord& r) {
    return fmt::format("[{:5}.{:06}] {}", r.ts_usec / 1000000, r.ts_usec % 1000000, r.text);
}

LogBuffer::LogBuffer(size_t capacity_bytes, ConsoleSink console, const std::string& logfile)
    : capacity_(capacity_bytes), console_(std::move(console)), boot_ns_(now_ns()) {
    if (!logfile.empty()) {
        try {
            // A logger of our own (not registered globally): two kernels in a
            // row in one test process must not collide on a name.
            auto sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(logfile, false);
            file_ = std::make_shared<spdlog::logger>("kernel", sink);
            file_->set_pattern("%v");
            file_->flush_on(spdlog::level::trace);
        } catch (const spdlog::spdlog_ex& e) {
            if (console_) console_(fmt::format("simkernel: cannot open {}: {}\n", logfile, e.what()));
        }
    }
}

LogBuffer::~LogBuffer() = default;

uint64_t LogBuffer::usec_since_boot() const { return (now_ns() - boot_ns_) / 1000; }

void LogBuffer::emit(std::string_view text) {
    int level = kDefaultMessageLevel;
    bool cont = false;
    // Prefixes may repeat (KERN_CONT KERN_INFO): the last level wins.
    while (text.size() >= 2 && text[0] == KERN_SOH_ASCII) {
        char c = text[1];
        if (c >= '0' && c <= '7')
            level = c - '0';
        else if (c == 'c')
            cont = true;
        else if (c != 'd')
            break;
        text.remove_prefix(2);
    }
    std::lock_guard lock(mutex_);
    // Split into lines; a trailing part without '\n' stays open for KERN_CONT.
    while (!text.empty()) {
        size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        bool ends = nl != std::string_view::npos;
        append_locked(level, line, cont);
        last_open_ = !ends;
        cont = false;
        if (!ends) break;
        text.remove_prefix(nl + 1);
    }
}

void LogBuffer::append_locked(int level, std::string_view line, bool cont) {
    // A record holds at most what one printk can (Linux's PRINTKRB_RECORD_MAX).
    constexpr size_t kRecordMax = 1024;
    if (cont && last_open_ && !records_.empty() && records_.back().text.size() + line.size() < kRecordMax) {
        // Continuation: extend the open record. The console already showed
        // the start of the line, so the fragment appears on a line of its own.
        LogRecord& open = records_.back();
        open.text.append(line);
        bytes_ += line.size();
        if (open.level < console_loglevel_ && console_) console_(std::string(line) + "\n");
        if (file_) file_->info(std::string(line));
    } else {
        // A new record; also a continuation that would outgrow the open one,
        // which (as on Linux) starts a record of its own.
        LogRecord r{next_seq_++, usec_since_boot(), level, std::string(line)};
        bytes_ += r.text.size() + sizeof(LogRecord);
        std::string shown = format_log_line(r);
        if (level < console_loglevel_ && console_) console_(shown + "\n");
        if (file_) file_->info(shown);
        records_.push_back(std::move(r));
    }
    // The bound holds for a grown record as for a new one.
    while (bytes_ > capacity_ && records_.size() > 1) {
        bytes_ -= records_.front().text.size() + sizeof(LogRecord);
        records_.pop_front();
        ++dropped_;
    }
}

std::vector<LogRecord> LogBuffer::snapshot() const {
    std::lock_guard lock(mutex_);
    return {records_.begin(), records_.end()};
}

void LogBuffer::clear() {
    std::lock_guard lock(mutex_);
    records_.clear();
    bytes_ = 0;
    last_open_ = false;
}

uint64_t LogBuffer::dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

int LogBuffer::console_loglevel() const {
    std::lock_guard lock(mutex_);
    return console_loglevel_;
}

void LogBuffer::set_console_loglevel(int level) {
    std::lock_guard lock(mutex_);
    console_loglevel_ = level;
}

void LogBuffer::write_console(std::string_view text) {
    std::lock_guard lock(mutex_);
    if (console_) console_(text);
}

}  // namespace sk

// ---- the module API ----

extern "C" int vprintk(const char* fmt, va_list args) {
    char buf[1024];  // LOG_LINE_MAX in Linux is 1024 - 32
    va_list copy;
    va_copy(copy, args);
    int n = sk_vsnprintf(buf, sizeof buf, fmt, copy);
    va_end(copy);
    if (n < 0) return n;
    std::string_view text(buf, std::min<size_t>(n, sizeof buf - 1));
    if (sk::Kernel* k = sk::kernel_if_running()) k->log.emit(text);
    return static_cast<int>(text.size());
}
EXPORT_SYMBOL(vprintk);

extern "C" int printk(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    int n = vprintk(fmt, args);
    va_end(args);
    return n;
}
EXPORT_SYMBOL(printk);

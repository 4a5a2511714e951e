// cmd_dmesg.cpp - dmesg: the kernel log through syslog(2), as util-linux's
// dmesg reads it when /dev/kmsg is not used.
#include "../commands.hpp"
#include "../shell.hpp"
#include "../tools/uio.hpp"

#include <simkernel/user.hpp>

#include <array>
#include <cstdio>
#include <ctime>
#include <sstream>

#include <sys/stat.h>

namespace shell {

namespace {

enum SyslogAction { READ_ALL = 3, READ_CLEAR = 4, CLEAR = 5, CONSOLE_LEVEL = 8, SIZE_BUFFER = 10 };

const std::array<const char*, 8> level_names = {"emerg", "alert", "crit", "err",
                                                "warn", "notice", "info", "debug"};

int parse_level(const std::string& s) {
    for (size_t i = 0; i < level_names.size(); ++i)
        if (s == level_names[i]) return static_cast<int>(i);
    if (s.size() == 1 && s[0] >= '0' && s[0] <= '7') return s[0] - '0';
    return -1;
}

// "[    2.415012] " at the start of a line: its seconds, and where the text starts.
bool split_stamp(const std::string& text, double* secs, size_t* rest) {
    if (text.empty() || text[0] != '[') return false;
    size_t close = text.find(']');
    if (close == std::string::npos) return false;
    *secs = std::atof(text.c_str() + 1);
    *rest = close + 1 < text.size() && text[close + 1] == ' ' ? close + 2 : close + 1;
    return true;
}

// The kernel's boot time: /proc is stamped with it, as on Linux.
time_t boot_time() {
    struct stat st {};
    return sk::user::stat("/proc", &st) == 0 ? st.st_mtime : 0;
}

}  // namespace

int cmd_dmesg(Shell&, const Args& argv) {
    bool clear_after = false, clear_only = false, raw = false;
    bool no_time = false, ctime = false, decode = false, follow = false;
    int console_level = -1;
    unsigned level_mask = 0xff;
    for (size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "-c" || a == "--read-clear") clear_after = true;
        else if (a == "-C" || a == "--clear") clear_only = true;
        else if (a == "-r" || a == "--raw") raw = true;
        else if (a == "-t" || a == "--notime") no_time = true;
        else if (a == "-T" || a == "--ctime") ctime = true;
        else if (a == "-x" || a == "--decode") decode = true;
        else if (a == "-w" || a == "--follow") follow = true;
        else if ((a == "-l" || a == "--level") && i + 1 < argv.size()) {
            level_mask = 0;
            std::istringstream list(argv[++i]);
            std::string name;
            while (std::getline(list, name, ',')) {
                int l = parse_level(name);
                if (l < 0) {
                    tools::eprint("dmesg: unknown level '{}'\n", name);
                    return 1;
                }
                level_mask |= 1U << l;
            }
        } else if ((a == "-n" || a == "--console-level") && i + 1 < argv.size()) {
            // A number 1..8 is the console level itself; a level name means
            // "that level and the more urgent ones", i.e. its number + 1.
            const std::string& v = argv[++i];
            int l = -1;
            if (v.size() == 1 && v[0] >= '1' && v[0] <= '8') l = v[0] - '0';
            else if (int named = parse_level(v); named >= 0 && !isdigit(static_cast<unsigned char>(v[0]))) l = named + 1;
            if (l < 1) {
                tools::eprint("dmesg: unknown level '{}'\n", v);
                return 1;
            }
            console_level = l;
        } else {
            tools::eprint("dmesg: invalid option -- '{}'\nusage: dmesg [-c] [-C] [-r] [-t] [-T] [-x] [-w] [-l LEVELS] [-n LEVEL]\n", a);
            return 1;
        }
    }

    if (clear_only || console_level > 0) {
        long err = clear_only ? sk::user::syslog(CLEAR, nullptr, 0)
                              : sk::user::syslog(CONSOLE_LEVEL, nullptr, console_level);
        if (err < 0) {
            tools::eprint("dmesg: klogctl failed: {}\n", tools::errno_text(-err));
            return 1;
        }
        return 0;
    }

    // -w: the lines after the last one shown, by timestamp, until a signal
    // (Ctrl-C, kill) ends the command in one of its system calls.
    double last_shown = -1;
    for (bool first = true;; first = false) {
        if (!first) {
            struct timespec ts {0, 200 * 1000 * 1000};
            if (sk::user::nanosleep(&ts) < 0) return 0;
        }
        long size = sk::user::syslog(SIZE_BUFFER, nullptr, 0);
        if (size <= 0) size = 1 << 17;
        std::string buf(static_cast<size_t>(size) * 2, '\0');
        long n = sk::user::syslog(clear_after ? READ_CLEAR : READ_ALL, buf.data(), static_cast<int>(buf.size()));
        if (n < 0) {
            tools::eprint("dmesg: read kernel buffer failed: {}\n", tools::errno_text(-n));
            return 1;
        }
        buf.resize(static_cast<size_t>(n));

        // Each line is "<level>[seconds.micros] text".
        std::istringstream in(buf);
        std::string line, out;
        while (std::getline(in, line)) {
            double stamp_secs = 0;
            size_t stamp_end = 0;
            int level = 4;
            std::string text = line;
            if (line.size() > 2 && line[0] == '<') {
                size_t close = line.find('>');
                if (close != std::string::npos) {
                    level = std::atoi(line.c_str() + 1) & 7;
                    text = line.substr(close + 1);
                }
            }
            if (!(level_mask & (1U << level))) continue;
            if (split_stamp(text, &stamp_secs, &stamp_end)) {
                if (follow && stamp_secs <= last_shown) continue;
                last_shown = stamp_secs;
            }
            if (raw) {
                out += line + "\n";
                continue;
            }
            double secs = 0;
            size_t rest = 0;
            if ((no_time || ctime) && split_stamp(text, &secs, &rest)) {
                std::string stamp;
                if (ctime && !no_time) {
                    // util-linux: "[Tue Dec  1 00:58:31 2026] " from boot time + seconds.
                    static const time_t boot = boot_time();
                    time_t when = boot + static_cast<time_t>(secs);
                    char tbuf[64];
                    struct tm tm {};
                    localtime_r(&when, &tm);
                    strftime(tbuf, sizeof tbuf, "[%a %b %e %H:%M:%S %Y] ", &tm);
                    stamp = tbuf;
                }
                text = stamp + text.substr(rest);
            }
            if (decode) {
                char prefix[32];
                snprintf(prefix, sizeof prefix, "%-6s:%-6s: ", "kern", level_names[static_cast<size_t>(level)]);
                text = prefix + text;
            }
            out += text + "\n";
        }
        tools::write_all(1, out);
        if (!follow) return 0;
    }
}

}  // namespace shell

// cmd_syscalls.cpp - one command per system call, printing what strace
// would print, so a lab can walk through each call:
//
//   $ open /dev/kbd O_WRONLY
//   open("/dev/kbd", O_WRONLY) = 3
//   $ write 3 hello
//   write(3, "hello", 5) = -1 EINVAL (Invalid argument)
//
// They run in the shell's own task, so an fd opened by one is there for the
// next.
#include "../commands.hpp"
#include "../shell.hpp"
#include "../tools/uio.hpp"

#include <simkernel/user.hpp>


#include <poll.h>
#include <sys/select.h>

#include <cstdlib>

namespace shell {

namespace {

struct FlagName {
    int value;
    const char* name;
};

const FlagName open_flags[] = {
    {O_CREAT, "O_CREAT"},     {O_EXCL, "O_EXCL"},         {O_NOCTTY, "O_NOCTTY"},
    {O_TRUNC, "O_TRUNC"},     {O_APPEND, "O_APPEND"},     {O_NONBLOCK, "O_NONBLOCK"},
    {O_DIRECTORY, "O_DIRECTORY"}, {O_CLOEXEC, "O_CLOEXEC"}, {O_ASYNC, "O_ASYNC"},
    {0100000, "O_LARGEFILE"},  // the kernel's value (glibc's is 0 on x86-64)
};

bool parse_open_flags(const std::string& s, int* flags) {
    *flags = 0;
    size_t start = 0;
    while (start <= s.size()) {
        size_t bar = s.find('|', start);
        std::string f = s.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        if (f == "O_RDONLY") {
        } else if (f == "O_WRONLY") *flags |= O_WRONLY;
        else if (f == "O_RDWR") *flags |= O_RDWR;
        else {
            bool found = false;
            for (const FlagName& n : open_flags)
                if (f == n.name) *flags |= n.value, found = true;
            if (!found) {
                char* end;
                long v = std::strtol(f.c_str(), &end, 0);
                if (f.empty() || *end) return false;
                *flags |= static_cast<int>(v);
            }
        }
        if (bar == std::string::npos) break;
        start = bar + 1;
    }
    return true;
}

std::string open_flags_string(int flags) {
    std::string s = (flags & O_ACCMODE) == O_WRONLY ? "O_WRONLY" : (flags & O_ACCMODE) == O_RDWR ? "O_RDWR" : "O_RDONLY";
    for (const FlagName& n : open_flags)
        if (flags & n.value) s += std::string("|") + n.name;
    return s;
}

// strace's way of showing a buffer: C escapes, octal for the rest, 32 bytes.
std::string quote(std::string_view data, size_t max = 32) {
    std::string s = "\"";
    for (size_t i = 0; i < data.size() && i < max; ++i) {
        unsigned char c = static_cast<unsigned char>(data[i]);
        switch (c) {
        case '\n': s += "\\n"; break;
        case '\t': s += "\\t"; break;
        case '\r': s += "\\r"; break;
        case '\v': s += "\\v"; break;
        case '\f': s += "\\f"; break;
        case '"': s += "\\\""; break;
        case '\\': s += "\\\\"; break;
        default:
            if (c >= 32 && c < 127) s += static_cast<char>(c);
            else if (i + 1 < data.size() && data[i + 1] >= '0' && data[i + 1] <= '7') s += fmt::format("\\{:03o}", c);
            else s += fmt::format("\\{:o}", c);
        }
    }
    s += "\"";
    if (data.size() > max) s += "...";
    return s;
}

std::string result(long ret) {
    if (ret >= 0) return std::to_string(ret);
    return fmt::format("-1 {} ({})", tools::errno_name(static_cast<int>(-ret)), tools::errno_text(static_cast<int>(-ret)));
}

bool parse_long(const std::string& s, long* v) {
    char* end;
    errno = 0;
    *v = std::strtol(s.c_str(), &end, 0);
    return !s.empty() && !*end && errno == 0;
}

std::string unescape(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            char c = s[++i];
            if (c == 'n') out += '\n';
            else if (c == 't') out += '\t';
            else if (c == '0') out += '\0';
            else if (c == 'x' && i + 2 < s.size()) {
                out += static_cast<char>(std::strtol(s.substr(i + 1, 2).c_str(), nullptr, 16));
                i += 2;
            } else out += c;
        } else {
            out += s[i];
        }
    }
    return out;
}

int usage(const char* name) {
    const CommandSpec* c = find_command(name);
    tools::eprint("usage: {}\n", c ? c->usage : name);
    return 2;
}

// poll(2)'s event bits, as strace names them.
const FlagName poll_events[] = {
    {POLLIN, "POLLIN"},         {POLLPRI, "POLLPRI"},       {POLLOUT, "POLLOUT"},
    {POLLERR, "POLLERR"},       {POLLHUP, "POLLHUP"},       {POLLNVAL, "POLLNVAL"},
    {POLLRDNORM, "POLLRDNORM"}, {POLLRDBAND, "POLLRDBAND"}, {POLLWRNORM, "POLLWRNORM"},
    {POLLWRBAND, "POLLWRBAND"},
};

bool parse_poll_events(const std::string& s, short* events) {
    *events = 0;
    size_t start = 0;
    for (;;) {
        size_t bar = s.find('|', start);
        std::string f = s.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        bool found = false;
        for (const FlagName& n : poll_events)
            if (f == n.name) *events = static_cast<short>(*events | n.value), found = true;
        if (!found) {
            long v;
            if (!parse_long(f, &v)) return false;
            *events = static_cast<short>(*events | v);
        }
        if (bar == std::string::npos) return true;
        start = bar + 1;
    }
}

std::string poll_events_string(short events) {
    std::string s;
    unsigned left = static_cast<unsigned short>(events);
    for (const FlagName& n : poll_events)
        if (left & n.value) s += (s.empty() ? "" : "|") + std::string(n.name), left &= ~n.value;
    if (left) s += (s.empty() ? "" : "|") + fmt::format("{:#x}", left);
    return s.empty() ? "0" : s;
}

// An fd list for select: "3,4" or "-" (none: a NULL set).
bool parse_fd_list(const std::string& s, std::vector<int>* fds) {
    fds->clear();
    if (s == "-") return true;
    size_t start = 0;
    for (;;) {
        size_t comma = s.find(',', start);
        long fd;
        if (!parse_long(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start), &fd) ||
            fd < 0 || fd >= FD_SETSIZE)
            return false;
        fds->push_back(static_cast<int>(fd));
        if (comma == std::string::npos) return true;
        start = comma + 1;
    }
}

std::string fd_list_string(const std::vector<int>& fds) {
    std::string s = "[";
    for (size_t i = 0; i < fds.size(); ++i) s += (i ? " " : "") + std::to_string(fds[i]);
    return s + "]";
}

}  // namespace

// poll FD[:EVENTS] ... TIMEOUT_MS
int cmd_sys_poll(Shell&, const Args& argv) {
    if (argv.size() < 3) return usage("poll");
    long timeout;
    if (!parse_long(argv.back(), &timeout)) return usage("poll");
    std::vector<struct pollfd> fds;
    for (size_t i = 1; i + 1 < argv.size(); ++i) {
        const std::string& a = argv[i];
        size_t colon = a.find(':');
        long fd;
        short events = POLLIN;
        if (!parse_long(a.substr(0, colon), &fd) ||
            (colon != std::string::npos && !parse_poll_events(a.substr(colon + 1), &events))) {
            tools::eprint("poll: bad fd or events '{}' (e.g. 3, 3:POLLIN|POLLOUT)\n", a);
            return 2;
        }
        fds.push_back({static_cast<int>(fd), events, 0});
    }
    long ret = sk::user::poll(fds.data(), fds.size(), static_cast<int>(timeout));
    std::string in, out;
    for (const struct pollfd& p : fds) {
        in += fmt::format("{}{{fd={}, events={}}}", in.empty() ? "" : ", ", p.fd, poll_events_string(p.events));
        if (ret > 0 && p.revents)
            out += fmt::format("{}{{fd={}, revents={}}}", out.empty() ? "" : ", ", p.fd, poll_events_string(p.revents));
    }
    std::string shown = result(ret);
    if (ret == 0) shown += " (Timeout)";
    else if (ret > 0) shown += " ([" + out + "])";
    tools::print("poll([{}], {}, {}) = {}\n", in, fds.size(), timeout, shown);
    return ret < 0;
}

// select READFDS WRITEFDS EXCEPTFDS [SECONDS]: fd lists like 3,4 or -
int cmd_sys_select(Shell&, const Args& argv) {
    if (argv.size() != 4 && argv.size() != 5) return usage("select");
    std::vector<int> lists[3];
    for (int i = 0; i < 3; ++i)
        if (!parse_fd_list(argv[1 + i], &lists[i])) {
            tools::eprint("select: bad fd list '{}' (e.g. 3,4 or - for none)\n", argv[1 + i]);
            return 2;
        }
    struct timeval tv {};
    bool has_timeout = argv.size() == 5;
    if (has_timeout) {
        char* end;
        double secs = std::strtod(argv[4].c_str(), &end);
        if (argv[4].empty() || *end || secs < 0) return usage("select");
        tv.tv_sec = static_cast<time_t>(secs);
        tv.tv_usec = static_cast<suseconds_t>((secs - static_cast<double>(tv.tv_sec)) * 1e6 + 0.5);
    }
    fd_set sets[3];
    int nfds = 0;
    for (int i = 0; i < 3; ++i) {
        FD_ZERO(&sets[i]);
        for (int fd : lists[i]) FD_SET(fd, &sets[i]), nfds = std::max(nfds, fd + 1);
    }
    std::string timeout_text = has_timeout ? fmt::format("{{tv_sec={}, tv_usec={}}}", tv.tv_sec, tv.tv_usec) : "NULL";
    auto set_arg = [&](int i) -> fd_set* { return argv[1 + i] == "-" ? nullptr : &sets[i]; };
    long ret = sk::user::select(nfds, set_arg(0), set_arg(1), set_arg(2), has_timeout ? &tv : nullptr);
    std::string args;
    for (int i = 0; i < 3; ++i) args += ", " + (set_arg(i) ? fd_list_string(lists[i]) : std::string("NULL"));
    std::string shown = result(ret);
    if (ret == 0) {
        shown += " (Timeout)";
    } else if (ret > 0) {
        // strace: which fds are ready, per set (the time left is not shown: it varies).
        const char* names[3] = {"in", "out", "except"};
        std::string ready;
        for (int i = 0; i < 3; ++i) {
            std::vector<int> r;
            for (int fd : lists[i])
                if (FD_ISSET(fd, &sets[i])) r.push_back(fd);
            if (!r.empty()) ready += fmt::format("{}{} {}", ready.empty() ? "" : ", ", names[i], fd_list_string(r));
        }
        shown += " (" + ready + ")";
    }
    tools::print("select({}{}, {}) = {}\n", nfds, args, timeout_text, shown);
    return ret < 0;
}

// The fcntl commands the shell names (others by number).
const FlagName fcntl_cmds[] = {
    {F_DUPFD, "F_DUPFD"},   {F_GETFD, "F_GETFD"},   {F_SETFD, "F_SETFD"},   {F_GETFL, "F_GETFL"},
    {F_SETFL, "F_SETFL"},   {F_SETOWN, "F_SETOWN"}, {F_GETOWN, "F_GETOWN"}, {F_SETSIG, "F_SETSIG"},
    {F_GETSIG, "F_GETSIG"},
};

// fcntl FD CMD [ARG]: ARG is a number, or open flags for F_SETFL.
int cmd_sys_fcntl(Shell&, const Args& argv) {
    long fd;
    if (argv.size() < 3 || argv.size() > 4 || !parse_long(argv[1], &fd)) return usage("fcntl");
    long cmd = -1;
    for (const FlagName& n : fcntl_cmds)
        if (argv[2] == n.name) cmd = n.value;
    if (cmd < 0 && !parse_long(argv[2], &cmd)) {
        tools::eprint("fcntl: unknown command '{}'\n", argv[2]);
        return 2;
    }
    unsigned long arg = 0;
    std::string arg_text;
    if (argv.size() == 4) {
        int flags;
        long v;
        if (cmd == F_SETFL && parse_open_flags(argv[3], &flags)) {
            arg = static_cast<unsigned long>(flags);
            arg_text = ", " + open_flags_string(flags);
        } else if (parse_long(argv[3], &v)) {
            arg = static_cast<unsigned long>(v);
            arg_text = ", " + std::to_string(v);
        } else {
            return usage("fcntl");
        }
    }
    long ret = sk::user::fcntl(static_cast<int>(fd), static_cast<unsigned>(cmd), arg);
    std::string shown = result(ret);
    if (cmd == F_GETFL && ret >= 0) shown = fmt::format("{:#x} (flags {})", ret, open_flags_string(static_cast<int>(ret)));
    tools::print("fcntl({}, {}{}) = {}\n", fd, argv[2], arg_text, shown);
    return ret < 0;
}

int cmd_sys_open(Shell&, const Args& argv) {
    if (argv.size() < 2 || argv.size() > 4) return usage("open");
    int flags = O_RDONLY;
    if (argv.size() > 2 && !parse_open_flags(argv[2], &flags)) {
        tools::eprint("open: unknown flags '{}'\n", argv[2]);
        return 2;
    }
    long mode = 0;
    if (argv.size() > 3 && !parse_long(argv[3], &mode)) return usage("open");
    if (argv.size() <= 3 && (flags & O_CREAT)) mode = 0644;
    long ret = sk::user::open(argv[1].c_str(), flags, static_cast<mode_t>(mode));
    std::string args = fmt::format("{}, {}", quote(argv[1], 4096), open_flags_string(flags));
    if (flags & O_CREAT) args += fmt::format(", {:#o}", mode);
    tools::print("open({}) = {}\n", args, result(ret));
    return ret < 0;
}

int cmd_sys_close(Shell&, const Args& argv) {
    long fd;
    if (argv.size() != 2 || !parse_long(argv[1], &fd)) return usage("close");
    long ret = sk::user::close(static_cast<int>(fd));
    tools::print("close({}) = {}\n", fd, result(ret));
    return ret < 0;
}

int cmd_sys_read(Shell&, const Args& argv) {
    long fd, count;
    if (argv.size() != 3 || !parse_long(argv[1], &fd) || !parse_long(argv[2], &count)) return usage("read");
    // A negative count reaches the kernel as a huge size_t, as in C.
    std::string buf(count > 0 ? std::min<long>(count, 1 << 20) : 0, '\0');
    size_t ucount = static_cast<size_t>(count);
    if (count > (1 << 20)) ucount = buf.size();
    long ret = sk::user::read(static_cast<int>(fd), buf.data(), ucount);
    std::string shown = ret >= 0 ? quote(std::string_view(buf.data(), static_cast<size_t>(ret))) : "buf";
    tools::print("read({}, {}, {}) = {}\n", fd, shown, count, result(ret));
    return ret < 0;
}

int cmd_sys_write(Shell&, const Args& argv) {
    long fd;
    if (argv.size() < 3 || !parse_long(argv[1], &fd)) return usage("write");
    std::string text;
    for (size_t i = 2; i < argv.size(); ++i) text += (i > 2 ? " " : "") + argv[i];
    std::string data = unescape(text);
    long ret = sk::user::write(static_cast<int>(fd), data.data(), data.size());
    tools::print("write({}, {}, {}) = {}\n", fd, quote(data), data.size(), result(ret));
    return ret < 0;
}

int cmd_sys_lseek(Shell&, const Args& argv) {
    long fd, offset;
    if (argv.size() != 4 || !parse_long(argv[1], &fd) || !parse_long(argv[2], &offset)) return usage("lseek");
    int whence;
    if (argv[3] == "SEEK_SET") whence = SEEK_SET;
    else if (argv[3] == "SEEK_CUR") whence = SEEK_CUR;
    else if (argv[3] == "SEEK_END") whence = SEEK_END;
    else {
        long w;
        if (!parse_long(argv[3], &w)) return usage("lseek");
        whence = static_cast<int>(w);
    }
    long ret = sk::user::lseek(static_cast<int>(fd), offset, whence);
    tools::print("lseek({}, {}, {}) = {}\n", fd, offset, argv[3], result(ret));
    return ret < 0;
}

int cmd_sys_ioctl(Shell&, const Args& argv) {
    long fd, cmd;
    if (argv.size() < 3 || argv.size() > 4 || !parse_long(argv[1], &fd) || !parse_long(argv[2], &cmd))
        return usage("ioctl");
    unsigned long arg = 0;
    int value = 0;
    bool by_pointer = false;
    if (argv.size() == 4) {
        long v;
        if (argv[3][0] == '&' && parse_long(argv[3].substr(1), &v)) {
            value = static_cast<int>(v);
            by_pointer = true;
            arg = reinterpret_cast<unsigned long>(&value);
        } else if (parse_long(argv[3], &v)) {
            arg = static_cast<unsigned long>(v);
        } else {
            return usage("ioctl");
        }
    }
    long ret = sk::user::ioctl(static_cast<int>(fd), static_cast<unsigned long>(cmd), arg);
    std::string shown = by_pointer ? fmt::format("[{}]", value) : std::to_string(arg);
    tools::print("ioctl({}, {:#x}, {}) = {}\n", fd, static_cast<unsigned long>(cmd), shown, result(ret));
    return ret < 0;
}

}  // namespace shell

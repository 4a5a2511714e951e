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
    {O_DIRECTORY, "O_DIRECTORY"}, {O_CLOEXEC, "O_CLOEXEC"},
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

}  // namespace

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

// cmd_files.cpp - cat, echo, ls, cp, cd, pwd: file tools over open, read,
// write, getdents64 and stat.
#include "../commands.hpp"
#include "../shell.hpp"
#include "../tools/uio.hpp"
#include "file_info.hpp"

#include <simkernel/user.hpp>

#include <algorithm>
#include <ctime>
#include <dirent.h>
#include <sys/sysmacros.h>

namespace shell {

namespace {

// Copies everything from fd to stdout; returns -errno or 0.
constexpr long kWriteFailed = 1;  // copy_fd_to_stdout already said why

// Copies fd to stdout: 0, a read error (< 0), or kWriteFailed once it has
// said "cat: write error: ..." (GNU cat's words; /dev/ram0 full is ENOSPC).
long copy_fd_to_stdout(int fd) {
    char buf[65536];
    for (;;) {
        long n = sk::user::read(fd, buf, sizeof buf);
        if (n <= 0) return n;
        if (long err = tools::write_all(1, std::string_view(buf, static_cast<size_t>(n)))) {
            tools::eprint("cat: write error: {}\n", tools::errno_text(static_cast<int>(-err)));
            return kWriteFailed;
        }
    }
}

std::string unescape(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 >= s.size()) {
            out += s[i];
            continue;
        }
        char c = s[++i];
        switch (c) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case '0': out += '\0'; break;
        case '\\': out += '\\'; break;
        case 'x':
            if (i + 2 < s.size() + 1 && isxdigit(static_cast<unsigned char>(s[i + 1]))) {
                size_t len = (i + 2 < s.size() && isxdigit(static_cast<unsigned char>(s[i + 2]))) ? 2 : 1;
                out += static_cast<char>(std::stoi(s.substr(i + 1, len), nullptr, 16));
                i += len;
                break;
            }
            [[fallthrough]];
        default: out += '\\'; out += c;
        }
    }
    return out;
}

// ls shows an id without a name as its number.
std::string owner_name(unsigned id) { return account_name(id).value_or(std::to_string(id)); }

struct Entry {
    std::string name;
    struct stat st;
};

// Lists one directory through getdents64; returns -errno or 0.
long read_dir(const std::string& path, std::vector<std::string>* names) {
    long fd = sk::user::open(path.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return fd;
    char buf[16384];
    long n;
    while ((n = sk::user::getdents64(static_cast<int>(fd), buf, sizeof buf)) > 0) {
        for (long off = 0; off < n;) {
            auto* d = reinterpret_cast<struct dirent64*>(buf + off);
            names->push_back(d->d_name);
            off += d->d_reclen;
        }
    }
    sk::user::close(static_cast<int>(fd));
    return n < 0 ? n : 0;
}

// GNU ls shows the time for files changed in the last six months, and the
// year instead for older ones (or ones dated in the future).
std::string ls_date(time_t t, time_t now) {
    constexpr time_t six_months = 31556952 / 2;  // half a Gregorian year
    bool recent = now - six_months < t && t <= now;
    char date[32];
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(date, sizeof date, recent ? "%b %e %H:%M" : "%b %e  %Y", &tm);
    return date;
}

// The -l columns as GNU ls lays them out. A device node shows "major, minor"
// where a file shows its size: the majors are right-aligned in one column,
// the minors in another, and the pair is right-aligned with the sizes.
void print_long(const std::vector<Entry>& entries) {
    size_t wl = 1, wu = 1, wg = 1, ws = 1, wmaj = 0, wmin = 0;
    auto is_dev = [](const struct stat& st) { return S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode); };
    for (const Entry& e : entries) {
        wl = std::max(wl, std::to_string(e.st.st_nlink).size());
        wu = std::max(wu, owner_name(e.st.st_uid).size());
        wg = std::max(wg, owner_name(e.st.st_gid).size());
        if (is_dev(e.st)) {
            wmaj = std::max(wmaj, std::to_string(major(e.st.st_rdev)).size());
            wmin = std::max(wmin, std::to_string(minor(e.st.st_rdev)).size());
            ws = std::max(ws, wmaj + 2 + wmin);
        } else {
            ws = std::max(ws, std::to_string(e.st.st_size).size());
        }
    }
    time_t now = time(nullptr);
    for (const Entry& e : entries) {
        std::string size = is_dev(e.st) ? fmt::format("{:>{}}, {:>{}}", major(e.st.st_rdev), ws - 2 - wmin,
                                                      minor(e.st.st_rdev), wmin)
                                        : fmt::format("{:>{}}", e.st.st_size, ws);
        tools::print("{} {:>{}} {:<{}} {:<{}} {} {} {}\n", mode_string(e.st.st_mode), e.st.st_nlink, wl,
                     owner_name(e.st.st_uid), wu, owner_name(e.st.st_gid), wg, size,
                     ls_date(e.st.st_mtime, now), e.name);
    }
}

// "total N" above a directory's long listing: the blocks its listed files
// use, in 1024-byte units (st_blocks counts 512-byte ones), rounded up.
unsigned long long total_kib(const std::vector<Entry>& entries) {
    unsigned long long blocks = 0;
    for (const Entry& e : entries) blocks += static_cast<unsigned long long>(e.st.st_blocks);
    return (blocks + 1) / 2;
}

}  // namespace

// GNU cat's check: a regular file that is also its output ("cat f >> f")
// would be read for ever, as what is written is read again.
bool is_own_output(int fd) {
    struct ::stat in {}, out {};
    return sk::user::fstat(fd, &in) == 0 && sk::user::fstat(1, &out) == 0 && S_ISREG(in.st_mode) &&
           in.st_dev == out.st_dev && in.st_ino == out.st_ino;
}

int cmd_cat(Shell&, const Args& argv) {
    int status = 0;
    for (size_t i = 1; i < argv.size(); ++i) {
        long fd = sk::user::open(argv[i].c_str(), O_RDONLY);
        if (fd >= 0 && is_own_output(static_cast<int>(fd))) {
            sk::user::close(static_cast<int>(fd));
            tools::eprint("cat: {}: input file is output file\n", argv[i]);
            status = 1;
            continue;
        }
        long err = fd < 0 ? fd : copy_fd_to_stdout(static_cast<int>(fd));
        if (fd >= 0) sk::user::close(static_cast<int>(fd));
        if (err == kWriteFailed) return 1;  // stdout is broken: the rest cannot go anywhere
        if (err < 0) {
            tools::eprint("cat: {}: {}\n", argv[i], tools::errno_text(-err));
            status = 1;
        }
    }
    if (argv.size() == 1 && copy_fd_to_stdout(0) != 0) return 1;
    return status;
}

int cmd_echo(Shell&, const Args& argv) {
    bool newline = true, escapes = false;
    size_t i = 1;
    for (; i < argv.size() && argv[i].size() > 1 && argv[i][0] == '-' &&
           argv[i].find_first_not_of("neE", 1) == std::string::npos;
         ++i) {
        for (char c : argv[i].substr(1)) {
            if (c == 'n') newline = false;
            else if (c == 'e') escapes = true;
            else escapes = false;
        }
    }
    std::string out;
    for (size_t j = i; j < argv.size(); ++j) out += (j > i ? " " : "") + (escapes ? unescape(argv[j]) : argv[j]);
    if (newline) out += "\n";
    if (long err = tools::write_all(1, out)) {
        tools::eprint("echo: write error: {}\n", tools::errno_text(static_cast<int>(-err)));
        return 1;
    }
    return 0;
}

int cmd_ls(Shell&, const Args& argv) {
    bool longfmt = false, all = false;
    std::vector<std::string> paths;
    for (size_t i = 1; i < argv.size(); ++i) {
        if (argv[i].size() > 1 && argv[i][0] == '-') {
            for (char c : argv[i].substr(1)) {
                if (c == 'l') longfmt = true;
                else if (c == 'a') all = true;
                else if (c != '1') {
                    tools::eprint("ls: invalid option -- '{}'\n", c);
                    return 2;
                }
            }
        } else {
            paths.push_back(argv[i]);
        }
    }
    if (paths.empty()) paths.push_back(".");
    int status = 0;
    for (size_t p = 0; p < paths.size(); ++p) {
        const std::string& path = paths[p];
        struct stat st;
        if (long err = sk::user::stat(path.c_str(), &st)) {
            tools::eprint("ls: cannot access '{}': {}\n", path, tools::errno_text(-err));
            status = 2;
            continue;
        }
        std::vector<Entry> entries;
        if (S_ISDIR(st.st_mode)) {
            std::vector<std::string> names;
            if (long err = read_dir(path, &names)) {
                tools::eprint("ls: cannot open directory '{}': {}\n", path, tools::errno_text(-err));
                status = 2;
                continue;
            }
            std::sort(names.begin(), names.end());
            for (const std::string& n : names) {
                if (!all && n[0] == '.') continue;
                Entry e{n, {}};
                if (longfmt) sk::user::stat((path + "/" + n).c_str(), &e.st);
                entries.push_back(e);
            }
            if (paths.size() > 1) tools::print("{}{}:\n", p ? "\n" : "", path);
        } else {
            entries.push_back({path, st});
        }
        if (longfmt) {
            if (S_ISDIR(st.st_mode)) tools::print("total {}\n", total_kib(entries));
            print_long(entries);
        } else
            for (const Entry& e : entries) tools::print("{}\n", e.name);
    }
    return status;
}

int cmd_cp(Shell&, const Args& argv) {
    if (argv.size() != 3) {
        tools::eprint("cp: usage: cp SOURCE DEST\n");
        return 1;
    }
    std::string src = argv[1], dst = argv[2];
    struct stat st;
    if (sk::user::stat(dst.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        dst += "/" + src.substr(src.find_last_of('/') + 1);
    std::string data;
    if (long err = sk::user::read_file(src.c_str(), &data); err < 0) {
        tools::eprint("cp: cannot open '{}' for reading: {}\n", src, tools::errno_text(-err));
        return 1;
    }
    long fd = sk::user::open(dst.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        tools::eprint("cp: cannot create regular file '{}': {}\n", dst, tools::errno_text(-fd));
        return 1;
    }
    for (size_t done = 0; done < data.size();) {
        long n = sk::user::write(static_cast<int>(fd), data.data() + done, data.size() - done);
        if (n <= 0) {
            tools::eprint("cp: error writing '{}': {}\n", dst, tools::errno_text(n < 0 ? -n : EIO));
            sk::user::close(static_cast<int>(fd));
            return 1;
        }
        done += static_cast<size_t>(n);
    }
    sk::user::close(static_cast<int>(fd));
    return 0;
}

int cmd_cd(Shell& sh, const Args& argv) {
    std::string dir = argv.size() > 1 ? argv[1] : sh.home();
    if (long err = sk::user::chdir(dir.c_str())) {
        tools::eprint("cd: {}: {}\n", dir, tools::errno_text(-err));
        return 1;
    }
    return 0;
}

int cmd_pwd(Shell&, const Args&) {
    char buf[4096];
    long n = sk::user::getcwd(buf, sizeof buf);
    if (n < 0) {
        tools::eprint("pwd: {}\n", tools::errno_text(-n));
        return 1;
    }
    tools::print("{}\n", buf);
    return 0;
}

}  // namespace shell

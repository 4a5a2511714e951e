// cmd_nodes.cpp - mknod, rm, mkdir, chmod and stat: making, removing, changing and looking at files
// (device nodes above all) through mknod(2), unlink(2), mkdir(2), chmod(2) and stat(2), with
// GNU coreutils' options, output and messages.
#include "../commands.hpp"
#include "../shell.hpp"
#include "../tools/uio.hpp"
#include "file_info.hpp"

#include <simkernel/user.hpp>

#include <cerrno>
#include <cstdlib>
#include <climits>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <inttypes.h>
#include <optional>
#include <sys/sysmacros.h>

namespace shell {

namespace {

// simkernel's tasks have no umask yet; Linux applies the process's umask to
// mknod's mode, and 022 is what a login shell has. mknod applies it here so
// that a node comes out as it would on Linux.
constexpr mode_t kUmask = 022;

// ---- options, as getopt_long takes them ----

struct Option {
    char short_name;
    const char* long_name;
    bool takes_arg;
};

struct ParsedArgs {
    std::vector<std::pair<char, std::string>> options;  // in the order given
    std::vector<std::string> operands;
    bool help = false;
};

int usage_error(const char* cmd) {
    tools::eprint("Try '{} --help' for more information.\n", cmd);
    return 1;
}

// GNU style: options may follow operands, "--" ends them, short options
// cluster (-fv), a short option's argument may be attached (-m644), and a
// long option may be abbreviated while it stays unambiguous. On a bad option
// prints getopt's message and returns false.
bool parse_args(const char* cmd, const Args& argv, std::initializer_list<Option> known, ParsedArgs* out) {
    for (size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "--") {
            out->operands.insert(out->operands.end(), argv.begin() + static_cast<long>(i) + 1, argv.end());
            break;
        }
        if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
            size_t eq = a.find('=');
            std::string name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
            if (std::string("help").rfind(name, 0) == 0) {
                out->help = true;
                continue;
            }
            const Option* match = nullptr;
            int matches = 0;
            for (const Option& o : known) {
                if (name == o.long_name) {
                    match = &o;
                    matches = 1;
                    break;
                }
                if (std::string(o.long_name).rfind(name, 0) == 0) {
                    match = &o;
                    ++matches;
                }
            }
            if (matches != 1) {
                tools::eprint("{}: {} option '{}'\n", cmd, matches ? "ambiguous" : "unrecognized", a);
                return false;
            }
            std::string value;
            if (match->takes_arg) {
                if (eq != std::string::npos) {
                    value = a.substr(eq + 1);
                } else if (i + 1 < argv.size()) {
                    value = argv[++i];
                } else {
                    tools::eprint("{}: option '--{}' requires an argument\n", cmd, match->long_name);
                    return false;
                }
            } else if (eq != std::string::npos) {
                tools::eprint("{}: option '--{}' doesn't allow an argument\n", cmd, match->long_name);
                return false;
            }
            out->options.emplace_back(match->short_name, value);
            continue;
        }
        if (a.size() < 2 || a[0] != '-') {
            out->operands.push_back(a);
            continue;
        }
        for (size_t j = 1; j < a.size(); ++j) {
            const Option* match = nullptr;
            for (const Option& o : known)
                if (o.short_name == a[j]) match = &o;
            if (!match) {
                tools::eprint("{}: invalid option -- '{}'\n", cmd, a[j]);
                return false;
            }
            if (!match->takes_arg) {
                out->options.emplace_back(a[j], "");
                continue;
            }
            if (j + 1 < a.size()) {
                out->options.emplace_back(a[j], a.substr(j + 1));
            } else if (i + 1 < argv.size()) {
                out->options.emplace_back(a[j], argv[++i]);
            } else {
                tools::eprint("{}: option requires an argument -- '{}'\n", cmd, a[j]);
                return false;
            }
            break;
        }
    }
    return true;
}

int print_help(Shell& sh, const char* cmd) { return cmd_help(sh, {"help", cmd}); }

// coreutils quotes names in messages as a shell would need them: rm and
// stat always ('X'), mknod only when the name has characters a shell
// would take specially.
std::string quote_always(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string quote_if_needed(const std::string& s) {
    bool plain = !s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                   "0123456789_./,:+@%=-") == std::string::npos;
    return plain ? s : quote_always(s);
}

// ---- mknod ----

// A mode given to -m: octal ("644"), or symbolic clauses as chmod takes them
// ("u=rw,go=r", "a+w"), applied to base. Symbolic clauses without a who
// (u, g, o, a) leave the umask's bits alone, as chmod's do.
std::optional<mode_t> parse_mode(const std::string& text, mode_t base, mode_t umask) {
    if (text.empty()) return std::nullopt;
    if (text.find_first_not_of("01234567") == std::string::npos) {
        unsigned long v = std::stoul(text, nullptr, 8);
        if (v > 07777) return std::nullopt;
        return static_cast<mode_t>(v);
    }
    mode_t mode = base;
    size_t i = 0;
    for (;;) {  // one clause: [ugoa]*([-+=]([rwxXst]*|[ugo]))+
        mode_t who = 0;
        for (; i < text.size() && strchr("ugoa", text[i]); ++i)
            who |= text[i] == 'u' ? 04700 : text[i] == 'g' ? 02070 : text[i] == 'o' ? 01007 : 07777;
        mode_t affected = who ? who : 07777 & ~umask;
        if (i == text.size() || !strchr("+-=", text[i])) return std::nullopt;
        while (i < text.size() && strchr("+-=", text[i])) {
            char op = text[i++];
            mode_t perms = 0;
            if (i < text.size() && strchr("ugo", text[i])) {
                // Copy another class's bits: g=u gives the group the owner's rwx.
                int shift = text[i] == 'u' ? 6 : text[i] == 'g' ? 3 : 0;
                perms = ((mode >> shift) & 7) * 0111;
                ++i;
            } else {
                for (; i < text.size() && strchr("rwxXst", text[i]); ++i) {
                    switch (text[i]) {
                    case 'r': perms |= 0444; break;
                    case 'w': perms |= 0222; break;
                    case 'x': perms |= 0111; break;
                    case 'X': if (mode & 0111) perms |= 0111; break;  // a node is no directory
                    case 's': perms |= 06000; break;
                    case 't': perms |= 01000; break;
                    }
                }
            }
            perms &= affected;
            if (op == '+') mode |= perms;
            else if (op == '-') mode &= ~perms;
            else mode = (mode & ~(who ? who : 07777)) | perms;
        }
        if (i == text.size()) return mode;
        if (text[i++] != ',') return std::nullopt;
    }
}

// A device number as coreutils reads it: decimal, 0x hex or 0 octal, all
// of it a number, not negative, and fitting an unsigned int.
std::optional<unsigned> parse_devnum(const std::string& s) {
    if (s.empty() || s.find('-') != std::string::npos) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    uintmax_t v = strtoumax(s.c_str(), &end, 0);
    if (errno || *end || end == s.c_str() || v > UINT_MAX) return std::nullopt;
    return static_cast<unsigned>(v);
}

// ---- stat ----

// gnulib's file_type(): the words stat prints for %F.
std::string file_type(const struct stat& st) {
    if (S_ISREG(st.st_mode)) return st.st_size == 0 ? "regular empty file" : "regular file";
    if (S_ISDIR(st.st_mode)) return "directory";
    if (S_ISCHR(st.st_mode)) return "character special file";
    if (S_ISBLK(st.st_mode)) return "block special file";
    if (S_ISLNK(st.st_mode)) return "symbolic link";
    if (S_ISFIFO(st.st_mode)) return "fifo";
    if (S_ISSOCK(st.st_mode)) return "socket";
    return "weird file";
}

// "2024-11-26 09:48:58.057258785 +0000", in local time.
std::string human_time(const struct timespec& ts) {
    struct tm tm;
    localtime_r(&ts.tv_sec, &tm);
    char date[64], zone[16];
    strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S", &tm);
    strftime(zone, sizeof zone, "%z", &tm);
    return fmt::format("{}.{:09} {}", date, ts.tv_nsec, zone);
}

// One directive's printf conversion, built as coreutils builds it: the
// flags, width and precision the user wrote (only those that make sense
// for the kind of value), then the conversion.
std::string printf_spec(const std::string& spec, const char* allowed_flags, const char* conversion) {
    std::string out = "%";
    size_t i = 0;
    for (; i < spec.size() && strchr("-#0 +'", spec[i]); ++i)
        if (strchr(allowed_flags, spec[i])) out += spec[i];
    return out + spec.substr(i) + conversion;
}

template <typename T>
std::string format_c(const std::string& pattern, T value) {
    int n = snprintf(nullptr, 0, pattern.c_str(), value);
    std::string out(static_cast<size_t>(std::max(n, 0)), '\0');
    snprintf(out.data(), out.size() + 1, pattern.c_str(), value);
    return out;
}

std::string out_string(const std::string& spec, const std::string& s) {
    return format_c(printf_spec(spec, "-", "s"), s.c_str());
}
std::string out_uint(const std::string& spec, uintmax_t v) { return format_c(printf_spec(spec, "'-0", PRIuMAX), v); }
std::string out_octal(const std::string& spec, uintmax_t v) { return format_c(printf_spec(spec, "-#0", PRIoMAX), v); }
std::string out_hex(const std::string& spec, uintmax_t v) { return format_c(printf_spec(spec, "-#0", PRIxMAX), v); }
std::string out_int(const std::string& spec, intmax_t v) { return format_c(printf_spec(spec, "'-+ 0", PRIdMAX), v); }

// Expands stat's format directives (stat --help lists them) for one file.
// Everything printed comes from what stat(2) returned.
std::string expand_format(const std::string& format, const std::string& name, const struct stat& st) {
    std::string out;
    for (size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') {
            out += format[i];
            continue;
        }
        size_t start = ++i;  // flags, width and precision, as printf's
        while (i < format.size() && strchr("-#0 +'", format[i])) ++i;
        while (i < format.size() && isdigit(static_cast<unsigned char>(format[i]))) ++i;
        if (i < format.size() && format[i] == '.') {
            ++i;
            while (i < format.size() && isdigit(static_cast<unsigned char>(format[i]))) ++i;
        }
        std::string spec = format.substr(start, i - start);
        if (i == format.size()) {  // a lone % at the end stays
            out += "%" + spec;
            break;
        }
        char c = format[i];
        // %Hd %Ld %Hr %Lr: the major (H) or minor (L) of st_dev or st_rdev.
        if ((c == 'H' || c == 'L') && i + 1 < format.size() && (format[i + 1] == 'd' || format[i + 1] == 'r')) {
            dev_t d = format[++i] == 'd' ? st.st_dev : st.st_rdev;
            out += out_uint(spec, c == 'H' ? major(d) : minor(d));
            continue;
        }
        auto owner = [](unsigned id) { return account_name(id).value_or("UNKNOWN"); };
        switch (c) {
        case '%': out += '%'; break;
        case 'a': out += out_octal(spec, st.st_mode & 07777); break;
        case 'A': out += out_string(spec, mode_string(st.st_mode)); break;
        case 'b': out += out_uint(spec, static_cast<uintmax_t>(st.st_blocks)); break;
        case 'B': out += out_uint(spec, 512); break;  // the unit of st_blocks
        case 'd': out += out_uint(spec, st.st_dev); break;
        case 'D': out += out_hex(spec, st.st_dev); break;
        case 'f': out += out_hex(spec, st.st_mode); break;
        case 'F': out += out_string(spec, file_type(st)); break;
        case 'g': out += out_uint(spec, st.st_gid); break;
        case 'G': out += out_string(spec, owner(st.st_gid)); break;
        case 'h': out += out_uint(spec, st.st_nlink); break;
        case 'i': out += out_uint(spec, st.st_ino); break;
        case 'n': case 'N': out += out_string(spec, name); break;
        case 'o': out += out_uint(spec, static_cast<uintmax_t>(st.st_blksize)); break;
        case 'r': out += out_uint(spec, st.st_rdev); break;
        case 'R': out += out_hex(spec, st.st_rdev); break;
        case 's': out += out_int(spec, st.st_size); break;
        case 't': out += out_hex(spec, major(st.st_rdev)); break;
        case 'T': out += out_hex(spec, minor(st.st_rdev)); break;
        case 'u': out += out_uint(spec, st.st_uid); break;
        case 'U': out += out_string(spec, owner(st.st_uid)); break;
        // stat(2) has no birth time (statx has): coreutils then prints - and 0.
        case 'w': out += out_string(spec, "-"); break;
        case 'W': out += out_int(spec, 0); break;
        case 'x': out += out_string(spec, human_time(st.st_atim)); break;
        case 'X': out += out_int(spec, st.st_atim.tv_sec); break;
        case 'y': out += out_string(spec, human_time(st.st_mtim)); break;
        case 'Y': out += out_int(spec, st.st_mtim.tv_sec); break;
        case 'z': out += out_string(spec, human_time(st.st_ctim)); break;
        case 'Z': out += out_int(spec, st.st_ctim.tv_sec); break;
        default: out += '?'; break;  // as coreutils, for a directive it does not know
        }
    }
    return out;
}

// coreutils 9's default format; device nodes get "Device type" on the
// third line.
std::string default_format(const struct stat& st) {
    std::string f = "  File: %N\n"
                    "  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n";
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        f += "Device: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\n";
    else
        f += "Device: %Hd,%Ld\tInode: %-10i  Links: %h\n";
    f += "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
         "Access: %x\n"
         "Modify: %y\n"
         "Change: %z\n"
         " Birth: %w\n";
    return f;
}

}  // namespace

// mknod [-m MODE] NAME TYPE [MAJOR MINOR]
int cmd_mknod(Shell& sh, const Args& argv) {
    ParsedArgs a;
    if (!parse_args("mknod", argv, {{'m', "mode", true}}, &a)) return usage_error("mknod");
    if (a.help) return print_help(sh, "mknod");
    std::optional<std::string> mode_text;
    for (const auto& [opt, value] : a.options) mode_text = value;
    const std::vector<std::string>& ops = a.operands;

    // A fifo (p) takes a name and a type; b and c also take the numbers.
    size_t expected = ops.empty() || (ops.size() > 1 && ops[1][0] == 'p') ? 2 : 4;
    if (ops.size() < expected) {
        if (ops.empty()) tools::eprint("mknod: missing operand\n");
        else tools::eprint("mknod: missing operand after '{}'\n", ops.back());
        if (expected == 4 && ops.size() == 2) tools::eprint("Special files require major and minor device numbers.\n");
        return usage_error("mknod");
    }
    if (ops.size() > expected) {
        tools::eprint("mknod: extra operand '{}'\n", ops[expected]);
        if (expected == 2 && ops.size() == 4) tools::eprint("Fifos do not have major and minor device numbers.\n");
        return usage_error("mknod");
    }

    mode_t mode = 0666 & ~kUmask;
    if (mode_text) {
        // -m sets the mode exactly (coreutils chmods after mknod to undo the umask).
        std::optional<mode_t> m = parse_mode(*mode_text, 0666, kUmask);
        if (!m) {
            tools::eprint("mknod: invalid mode\n");
            return 1;
        }
        if (*m & ~0777) {
            tools::eprint("mknod: mode must specify only file permission bits\n");
            return 1;
        }
        mode = *m;
    }

    const std::string& name = ops[0];
    mode_t type;
    unsigned long dev = 0;
    switch (ops[1][0]) {  // only the first letter counts: "character" is c
    case 'b': type = S_IFBLK; break;
    case 'c': case 'u': type = S_IFCHR; break;  // u: "unbuffered"
    case 'p': type = S_IFIFO; break;
    default:
        tools::eprint("mknod: invalid device type '{}'\n", ops[1]);
        return usage_error("mknod");
    }
    if (type != S_IFIFO) {
        std::optional<unsigned> maj = parse_devnum(ops[2]), min = parse_devnum(ops[3]);
        if (!maj) {
            tools::eprint("mknod: invalid major device number '{}'\n", ops[2]);
            return 1;
        }
        if (!min) {
            tools::eprint("mknod: invalid minor device number '{}'\n", ops[3]);
            return 1;
        }
        dev = makedev(*maj, *min);
    }
    if (long err = sk::user::mknod(name.c_str(), type | mode, dev)) {
        tools::eprint("mknod: {}: {}\n", quote_if_needed(name), tools::errno_text(static_cast<int>(-err)));
        return 1;
    }
    return 0;
}

// rm [-f] [-v] FILE ...
int cmd_rm(Shell& sh, const Args& argv) {
    ParsedArgs a;
    if (!parse_args("rm", argv, {{'f', "force", false}, {'v', "verbose", false}}, &a)) return usage_error("rm");
    if (a.help) return print_help(sh, "rm");
    bool force = false, verbose = false;
    for (const auto& [opt, value] : a.options) (opt == 'f' ? force : verbose) = true;
    if (a.operands.empty()) {
        if (force) return 0;  // rm -f with nothing to remove is content
        tools::eprint("rm: missing operand\n");
        return usage_error("rm");
    }
    int status = 0;
    for (const std::string& name : a.operands) {
        // Look first, as coreutils does: a directory is not unlink(2)'s to remove.
        struct stat st;
        long err = sk::user::stat(name.c_str(), &st);
        if (!err) err = S_ISDIR(st.st_mode) ? -EISDIR : sk::user::unlink(name.c_str());
        if (err == -ENOENT && force) continue;  // -f: a missing file is no error
        if (err) {
            tools::eprint("rm: cannot remove {}: {}\n", quote_always(name), tools::errno_text(static_cast<int>(-err)));
            status = 1;
            continue;
        }
        if (verbose) tools::print("removed {}\n", quote_always(name));
    }
    return status;
}

// mkdir DIR ...: mkdir(2) with mode 0777 (less the umask, as the host applies it).
int cmd_mkdir(Shell& sh, const Args& argv) {
    ParsedArgs a;
    if (!parse_args("mkdir", argv, {}, &a)) return usage_error("mkdir");
    if (a.help) return print_help(sh, "mkdir");
    if (a.operands.empty()) {
        tools::eprint("mkdir: missing operand\n");
        return usage_error("mkdir");
    }
    int status = 0;
    for (const std::string& name : a.operands) {
        if (long err = sk::user::mkdir(name.c_str(), 0777)) {
            tools::eprint("mkdir: cannot create directory {}: {}\n", quote_always(name),
                          tools::errno_text(static_cast<int>(-err)));
            status = 1;
        }
    }
    return status;
}

// chmod MODE FILE ...: MODE in octal (644, 0600, 4755), as chmod(2) takes it.
int cmd_chmod(Shell& sh, const Args& argv) {
    ParsedArgs a;
    if (!parse_args("chmod", argv, {}, &a)) return usage_error("chmod");
    if (a.help) return print_help(sh, "chmod");
    if (a.operands.size() < 2) {
        tools::eprint("chmod: missing operand\n");
        return usage_error("chmod");
    }
    const std::string& text = a.operands[0];
    char* end = nullptr;
    unsigned long mode = std::strtoul(text.c_str(), &end, 8);
    if (text.empty() || *end || mode > 07777) {
        tools::eprint("chmod: invalid mode: {} (simkernel's chmod takes an octal mode, e.g. 644)\n", quote_always(text));
        return 1;
    }
    int status = 0;
    for (size_t i = 1; i < a.operands.size(); ++i) {
        const std::string& name = a.operands[i];
        long err = sk::user::chmod(name.c_str(), static_cast<mode_t>(mode));
        if (err == -ENOENT) {
            tools::eprint("chmod: cannot access {}: {}\n", quote_always(name), tools::errno_text(ENOENT));
            status = 1;
        } else if (err) {
            tools::eprint("chmod: changing permissions of {}: {}\n", quote_always(name),
                          tools::errno_text(static_cast<int>(-err)));
            status = 1;
        }
    }
    return status;
}

// stat [-c FORMAT] [-t] FILE ...
int cmd_stat(Shell& sh, const Args& argv) {
    ParsedArgs a;
    if (!parse_args("stat", argv, {{'c', "format", true}, {'t', "terse", false}}, &a)) return usage_error("stat");
    if (a.help) return print_help(sh, "stat");
    std::optional<std::string> format;
    for (const auto& [opt, value] : a.options)
        format = opt == 'c' ? value : "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o";
    if (a.operands.empty()) {
        tools::eprint("stat: missing operand\n");
        return usage_error("stat");
    }
    int status = 0;
    for (const std::string& name : a.operands) {
        struct stat st;
        if (long err = sk::user::stat(name.c_str(), &st)) {
            // Debian's stat says "cannot statx": it calls statx(2). This one calls stat(2).
            tools::eprint("stat: cannot stat {}: {}\n", quote_always(name), tools::errno_text(static_cast<int>(-err)));
            status = 1;
            continue;
        }
        tools::print("{}", format ? expand_format(*format, name, st) + "\n" : expand_format(default_format(st), name, st));
    }
    return status;
}

}  // namespace shell

// file_info.hpp - how ls and stat show who owns a file and its mode, as
// GNU coreutils does.
#pragma once

#include "../shell.hpp"

#include <sys/stat.h>

#include <optional>
#include <string>

namespace shell {

// The simulated machine has no /etc/passwd: its accounts are root and the
// student (the group of each has the same name and number).
inline std::optional<std::string> account_name(unsigned id) {
    if (id == 0) return "root";
    if (id == Shell::kUserUid) return "student";
    return std::nullopt;
}

// "crw-rw-rw-": the type letter, then rwx for owner, group and other, with
// s/S for set-uid and set-gid and t/T for sticky (gnulib's filemodestring).
inline std::string mode_string(mode_t m) {
    char type = S_ISREG(m) ? '-' : S_ISDIR(m) ? 'd' : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b'
              : S_ISLNK(m) ? 'l' : S_ISFIFO(m) ? 'p' : S_ISSOCK(m) ? 's' : '?';
    std::string s(1, type);
    const char* rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i) s += (m & (0400 >> i)) ? rwx[i] : '-';
    // The special bits take the place of the x of their class.
    auto special = [&](mode_t bit, size_t pos, char with_x, char without_x) {
        if (m & bit) s[pos] = s[pos] == 'x' ? with_x : without_x;
    };
    special(S_ISUID, 3, 's', 'S');
    special(S_ISGID, 6, 's', 'S');
    special(S_ISVTX, 9, 't', 'T');
    return s;
}

}  // namespace shell

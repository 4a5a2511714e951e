// uio.hpp - user-space output for the shell's tools: everything a command
// prints goes out through write(2) on its fd 1 or 2, like a real program.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace tools {

// Writes all of s, call after call, as the C library's stdio does (a device
// may take less than all: scull takes a quantum a call). Returns 0, or
// -errno of the write that failed (-ENOSPC for one that wrote nothing,
// as coreutils' full_write says).
long write_all(int fd, std::string_view s);

template <typename... Args>
void print(fmt::format_string<Args...> f, Args&&... args) {
    write_all(1, fmt::format(f, std::forward<Args>(args)...));
}

template <typename... Args>
void eprint(fmt::format_string<Args...> f, Args&&... args) {
    write_all(2, fmt::format(f, std::forward<Args>(args)...));
}

// "EBADF" for 9; "E123" if unknown.
std::string errno_name(int err);
// "Bad file descriptor"
std::string errno_text(int err);

}  // namespace tools

// ufs.hpp - files and directories for the module tools, through the system
// calls only (open, read, write, getdents64, stat, uname), as the C
// library's opendir/readdir/stat/fopen would reach them.
#pragma once

#include <string>
#include <string_view>
#include <sys/stat.h>
#include <vector>

namespace tools {

struct DirEntry {
    std::string name;
    unsigned char type;  // DT_REG, DT_DIR, ... or DT_UNKNOWN
};

// The entries of a directory, without "." and "..", in the order
// getdents64 returns them. Returns -errno or 0.
long list_dir(const std::string& path, std::vector<DirEntry>* out);

long stat_path(const std::string& path, struct stat* st);  // -errno or 0
bool is_regular_file(const std::string& path);
bool is_directory(const std::string& path);

// Creates or truncates path and writes data; returns -errno or 0.
long write_file(const std::string& path, std::string_view data, mode_t mode = 0644);

// The running kernel's release (uname -r).
std::string kernel_release();

}  // namespace tools

// client_memory.hpp - copying to and from a bridged program's memory
// (process_vm_readv/writev): the bridge's copy_from_user and copy_to_user.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string>

namespace bridge {

// Each returns 0, or -EFAULT if any byte could not be copied.
long read_client(pid_t pid, unsigned long addr, void* out, size_t len);
long write_client(pid_t pid, unsigned long addr, const void* in, size_t len);
// A NUL-terminated string of at most max bytes: 0, -EFAULT or -ENAMETOOLONG.
long read_client_string(pid_t pid, unsigned long addr, std::string* out, size_t max = 4096);

}  // namespace bridge

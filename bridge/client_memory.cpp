// client_memory.cpp - process_vm_readv/writev on the calling program's
// memory. The kernel checks the caller may do this (same host user, or
// ptrace rights), so the bridge can reach no memory its user could not.
#include "client_memory.hpp"

#include <sys/uio.h>

#include <cerrno>
#include <cstring>

namespace bridge {

long read_client(pid_t pid, unsigned long addr, void* out, size_t len) {
    if (len == 0) return 0;
    iovec local{out, len}, remote{reinterpret_cast<void*>(addr), len};
    ssize_t n = process_vm_readv(pid, &local, 1, &remote, 1, 0);
    return n == static_cast<ssize_t>(len) ? 0 : -EFAULT;
}

long write_client(pid_t pid, unsigned long addr, const void* in, size_t len) {
    if (len == 0) return 0;
    iovec local{const_cast<void*>(in), len}, remote{reinterpret_cast<void*>(addr), len};
    ssize_t n = process_vm_writev(pid, &local, 1, &remote, 1, 0);
    return n == static_cast<ssize_t>(len) ? 0 : -EFAULT;
}

// Page by page, so that a string ending just before an unmapped page reads.
long read_client_string(pid_t pid, unsigned long addr, std::string* out, size_t max) {
    out->clear();
    if (addr == 0) return -EFAULT;
    constexpr size_t kPage = 4096;
    char chunk[kPage];
    while (out->size() <= max) {
        size_t n = kPage - (addr % kPage);
        iovec local{chunk, n}, remote{reinterpret_cast<void*>(addr), n};
        ssize_t got = process_vm_readv(pid, &local, 1, &remote, 1, 0);
        if (got <= 0) return -EFAULT;
        if (const void* nul = memchr(chunk, 0, static_cast<size_t>(got))) {
            out->append(chunk, static_cast<const char*>(nul) - chunk);
            return out->size() < max ? 0 : -ENAMETOOLONG;
        }
        out->append(chunk, static_cast<size_t>(got));
        addr += static_cast<unsigned long>(got);
    }
    return -ENAMETOOLONG;
}

}  // namespace bridge

// syscall_handlers.hpp - what the bridge does with each trapped system call,
// and which calls the seccomp filter traps (one table: syscall_handlers.cpp).
#pragma once

#include <linux/filter.h>
#include <linux/seccomp.h>

#include <vector>

namespace bridge {

class Supervisor;
struct HostProcess;

struct Reply {
    enum class Kind { Value, Continue, Sent };
    Kind kind = Kind::Value;
    long val = 0;  // >= 0 a result, < 0 -errno
    static Reply value(long v) { return {Kind::Value, v}; }
    static Reply cont() { return {Kind::Continue, 0}; }  // the host runs it
    static Reply sent() { return {Kind::Sent, 0}; }      // answered already (ADDFD)
};

struct Call {
    Supervisor& sv;
    const struct seccomp_notif& n;
    HostProcess& proc;
    unsigned long arg(int i) const { return n.data.args[i]; }
    int fd_arg(int i) const { return static_cast<int>(n.data.args[i]); }
};

using Handler = Reply (*)(Call&);

struct SimFd;
// The simulated file behind the program's fd, or nullptr for a host fd.
SimFd* sim_fd(Call& c, int fd);

Handler handler_for(int nr);
// The filter: traps each call of the table (fd-based ones only on fds
// 0-2 and >= kSimFdBase), allows everything else.
std::vector<struct sock_filter> build_filter();

}  // namespace bridge

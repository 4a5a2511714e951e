// commands.hpp - the shell's commands, one table in plain sight.
//
// Each command is a small user-space program: it reaches the kernel only
// through the system calls in <simkernel/user.hpp>, prints through write(2)
// on fds 1 and 2, and returns its exit status.
#pragma once

#include <string>
#include <vector>

namespace shell {

class Shell;
using Args = std::vector<std::string>;

struct CommandSpec {
    const char* name;
    int (*run)(Shell& sh, const Args& argv);
    const char* usage;
    const char* summary;
    // Runs in the shell's own task instead of a child: cd and exit change the
    // shell itself; open/close/read/... keep their fds between commands.
    bool in_shell_task;
};

const std::vector<CommandSpec>& command_table();
const CommandSpec* find_command(const std::string& name);

// cmd_modules.cpp
int cmd_insmod(Shell&, const Args&);
int cmd_rmmod(Shell&, const Args&);
int cmd_lsmod(Shell&, const Args&);
// cmd_modinfo.cpp, cmd_depmod.cpp, cmd_modprobe.cpp
int cmd_modinfo(Shell&, const Args&);
int cmd_depmod(Shell&, const Args&);
int cmd_modprobe(Shell&, const Args&);
// cmd_dmesg.cpp
int cmd_dmesg(Shell&, const Args&);
// cmd_files.cpp
int cmd_cat(Shell&, const Args&);
int cmd_echo(Shell&, const Args&);
int cmd_ls(Shell&, const Args&);
int cmd_cd(Shell&, const Args&);
int cmd_pwd(Shell&, const Args&);
int cmd_cp(Shell&, const Args&);
// cmd_nodes.cpp
int cmd_mknod(Shell&, const Args&);
int cmd_rm(Shell&, const Args&);
int cmd_mkdir(Shell&, const Args&);
int cmd_chmod(Shell&, const Args&);
int cmd_stat(Shell&, const Args&);
// cmd_system.cpp
int cmd_uname(Shell&, const Args&);
int cmd_id(Shell&, const Args&);
int cmd_sudo(Shell&, const Args&);
int cmd_help(Shell&, const Args&);
int cmd_exit(Shell&, const Args&);
int cmd_keypress(Shell&, const Args&);
// cmd_failtest.cpp
int cmd_failtest(Shell&, const Args&);
// cmd_tasks.cpp
int cmd_ps(Shell&, const Args&);
int cmd_kill(Shell&, const Args&);
int cmd_sleep(Shell&, const Args&);
int cmd_wait(Shell&, const Args&);
// cmd_syscalls.cpp
int cmd_sys_open(Shell&, const Args&);
int cmd_sys_close(Shell&, const Args&);
int cmd_sys_read(Shell&, const Args&);
int cmd_sys_write(Shell&, const Args&);
int cmd_sys_lseek(Shell&, const Args&);
int cmd_sys_ioctl(Shell&, const Args&);
int cmd_sys_poll(Shell&, const Args&);
int cmd_sys_select(Shell&, const Args&);
int cmd_sys_fcntl(Shell&, const Args&);

}  // namespace shell

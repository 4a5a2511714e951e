// commands.cpp - the command table.
#include "commands.hpp"

namespace shell {

const std::vector<CommandSpec>& command_table() {
    static const std::vector<CommandSpec> table = {
        // Modules
        {"insmod", cmd_insmod, "insmod [-f] FILE [param=value ...]", "load a module from a .ko file", false},
        {"rmmod", cmd_rmmod, "rmmod [-f] NAME|FILE ...", "remove loaded modules", false},
        {"lsmod", cmd_lsmod, "lsmod", "list loaded modules (from /proc/modules)", false},
        {"modinfo", cmd_modinfo, "modinfo [-F FIELD] [-0] [-a -d -l -p -n] [-b DIR] [-k RELEASE] FILE|NAME ...",
         "show a module's .modinfo (license, author, parameters, ...)", false},
        {"depmod", cmd_depmod, "depmod [-a] [-A] [-n] [-v] [-b DIR] [-C CONF] [RELEASE]",
         "compute module dependencies: write modules.dep, modules.alias, ...", false},
        {"modprobe", cmd_modprobe,
         "modprobe [-r] [-n] [-v] [-q] [-a] [--show-depends] [--first-time] [--force-vermagic] NAME|ALIAS [param=value ...]",
         "load (or -r remove) a module with the modules it needs", false},
        {"dmesg", cmd_dmesg, "dmesg [-c] [-C] [-l LEVELS] [-n LEVEL] [-r]", "print or control the kernel log", false},
        // Files
        {"cat", cmd_cat, "cat FILE ...", "print files", false},
        {"echo", cmd_echo, "echo [-n] [-e] [TEXT ...]", "print text (use > FILE to write a file)", false},
        {"ls", cmd_ls, "ls [-l] [-a] [PATH ...]", "list directories", false},
        {"cp", cmd_cp, "cp SOURCE DEST", "copy a file", false},
        {"rm", cmd_rm, "rm [-f] [-v] FILE ...", "remove files and device nodes (unlink); -f: missing ones are no error", false},
        {"mkdir", cmd_mkdir, "mkdir DIR ...", "make directories (mkdir)", false},
        {"chmod", cmd_chmod, "chmod MODE FILE ...", "change a file's mode bits; MODE in octal, e.g. 644 (chmod)", false},
        {"stat", cmd_stat, "stat [-c FORMAT] [-t] FILE ...",
         "show a file's type, mode, owner, device numbers and times (stat)", false},
        {"mknod", cmd_mknod, "mknod [-m MODE] NAME TYPE [MAJOR MINOR]",
         "make a device node (root only): TYPE c character, b block, p fifo", false},
        {"cd", cmd_cd, "cd [DIR]", "change the working directory", true},
        {"pwd", cmd_pwd, "pwd", "print the working directory", false},
        // System
        {"uname", cmd_uname, "uname [-a] [-s] [-n] [-r] [-v] [-m]", "print system information", false},
        {"id", cmd_id, "id", "print user and group ids", false},
        {"sudo", cmd_sudo, "sudo COMMAND [ARG ...]", "run a command as root", true},
        {"keypress", cmd_keypress, "keypress TEXT", "type TEXT on the simulated keyboard (raises IRQ 1 per key)", false},
        // Tasks
        {"failtest", cmd_failtest, "failtest [--exit] FILE.ko [PARAMS]",
         "load a module once per fallible call of its init, failing each in turn; check nothing is left", false},
        {"ps", cmd_ps, "ps", "list tasks (from /proc/<pid>/status)", false},
        {"kill", cmd_kill, "kill [-SIGNAL] PID|%JOB ...", "send a signal (default TERM; INT, KILL, HUP, QUIT, or a number)", false},
        {"sleep", cmd_sleep, "sleep SECONDS", "sleep (nanosleep); Ctrl-C ends it", false},
        {"wait", cmd_wait, "wait", "wait for the background jobs (CMD &) to finish", true},
        {"help", cmd_help, "help [COMMAND]", "list commands, or show one command's usage", false},
        {"exit", cmd_exit, "exit [STATUS]", "leave the shell (the kernel shuts down)", true},
        // One command per system call, printing strace-style lines.
        {"open", cmd_sys_open, "open PATH [FLAGS] [MODE]", "open(2): FLAGS like O_RDWR|O_CREAT", true},
        {"close", cmd_sys_close, "close FD", "close(2)", true},
        {"read", cmd_sys_read, "read FD COUNT", "read(2) COUNT bytes", true},
        {"write", cmd_sys_write, "write FD DATA", "write(2) DATA (\\n, \\t, \\xNN escapes)", true},
        {"lseek", cmd_sys_lseek, "lseek FD OFFSET SEEK_SET|SEEK_CUR|SEEK_END", "lseek(2)", true},
        {"ioctl", cmd_sys_ioctl, "ioctl FD CMD [ARG|&VALUE]", "ioctl(2); &VALUE passes a pointer to an int", true},
        {"poll", cmd_sys_poll, "poll FD[:EVENTS] ... TIMEOUT_MS",
         "poll(2): wait until a file is ready (EVENTS like POLLIN|POLLOUT, default POLLIN; -1 waits forever)", false},
        {"select", cmd_sys_select, "select READFDS WRITEFDS EXCEPTFDS [SECONDS]",
         "select(2): fd lists like 3,4 or - for none; no SECONDS waits forever", false},
        {"fcntl", cmd_sys_fcntl, "fcntl FD CMD [ARG]",
         "fcntl(2): F_GETFL, F_SETFL FLAGS (e.g. O_RDWR|O_ASYNC), F_GETOWN, F_SETOWN PID, F_GETSIG, F_SETSIG", true},
    };
    return table;
}

const CommandSpec* find_command(const std::string& name) {
    for (const CommandSpec& c : command_table())
        if (name == c.name) return &c;
    return nullptr;
}

}  // namespace shell

#: Replacing a kernel function: syscall_logger.ko (modules/syscall_logger) puts
#: its own function in sys_call_table[__NR_open], logs every path opened, and
#: puts the original back on rmmod. A module that forgets to put it back
#: (test_syscall_forget.ko) is cleaned up after by the kernel, with a warning.
$ sudo insmod syscall_logger.ko
$ sudo dmesg -C
$ cat /dev/null
$ open /dev/zero
open("/dev/zero", O_RDONLY) = 3
$ close 3
close(3) = 0
$ open /no/such/file O_RDWR
open("/no/such/file", O_RDWR) = -1 ENOENT (No such file or directory)
$ dmesg
[    0.001082] syscall_logger: open("/dev/null", 0) = 3
[    0.001092] syscall_logger: open("/dev/zero", 0) = 3
[    0.001122] syscall_logger: open("/no/such/file", 0x2) = -2
$ sudo rmmod syscall_logger
$ sudo dmesg -C
$ cat /dev/null
$ dmesg
#: Nothing logged: open is the kernel's own again.
$ sudo insmod test_syscall_forget.ko
$ sudo rmmod test_syscall_forget
$ dmesg
[    0.001788] test_syscall_forget: patched open and getpid
[    0.001804] test_syscall_forget: leaving without restoring sys_call_table
[    0.001806] test_syscall_forget: left sys_call_table[2] (open) patched; the kernel restored it
[    0.001809] test_syscall_forget: left sys_call_table[39] (getpid) patched; the kernel restored it
$ cat /dev/null
#: An init that fails after patching is cleaned up after the same way.
$ sudo dmesg -C
$ sudo insmod test_syscall_forget.ko fail_init=1
insmod: ERROR: could not insert module test_syscall_forget.ko: No such device
$ dmesg
[    0.001940] test_syscall_forget: patched open and getpid
[    0.001945] test_syscall_forget: left sys_call_table[2] (open) patched; the kernel restored it
[    0.001947] test_syscall_forget: left sys_call_table[39] (getpid) patched; the kernel restored it
[    0.001947] test_syscall_forget: init_module returned -19 (ENODEV); the load was undone
$ lsmod
Module                  Size  Used by
[exit 0]

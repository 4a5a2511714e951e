#: Issue 10: the watchdog. A task asleep uninterruptibly longer than
#: hung_task_timeout_secs is reported as hung; one running in module code for
#: twice watchdog_thresh is a soft lockup (taint L); kill -9 ends it, which
#: Linux cannot (the forced end is in the log).
$ cat /proc/sys/kernel/watchdog_thresh
10
$ sudo open /proc/sys/kernel/watchdog_thresh O_WRONLY
open("/proc/sys/kernel/watchdog_thresh", O_WRONLY) = 3
$ write 3 1
write(3, "1", 1) = 1
$ close 3
close(3) = 0
$ cat /proc/sys/kernel/watchdog_thresh
1
$ sudo open /proc/sys/kernel/hung_task_timeout_secs O_WRONLY
open("/proc/sys/kernel/hung_task_timeout_secs", O_WRONLY) = 3
$ write 3 1
write(3, "1", 1) = 1
$ close 3
close(3) = 0
$ sudo insmod test_oops.ko
$ echo dsleep > /dev/test_oops
[    1.252906] INFO: task echo:7 blocked for more than 1 seconds.
[    1.252972]       Tainted: G            E      6.8.0-simkernel #1
[    1.253001] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
$ echo spin > /dev/test_oops &
[1] 8
$ sleep 4
[    5.260332] watchdog: BUG: soft lockup - CPU#0 stuck for 2s! [echo:8]
$ kill -9 %1
$ sleep 1
$ lsmod
[1]+  Killed                  echo spin > /dev/test_oops
Module                  Size  Used by
test_oops              20480  0
$ sudo rmmod test_oops
$ cat /proc/sys/kernel/tainted
24576
$ dmesg -l emerg,err
[    1.252906] INFO: task echo:7 blocked for more than 1 seconds.
[    1.252972]       Tainted: G            E      6.8.0-simkernel #1
[    1.253001] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
[    5.260332] watchdog: BUG: soft lockup - CPU#0 stuck for 2s! [echo:8]
$ dmesg -l warn
[    5.260387] Modules linked in: test_oops(E)
[    5.260392] CPU: 0 PID: 8 Comm: echo Tainted: G            E      6.8.0-simkernel #1
[    5.260394] Hardware name: simkernel
[    5.260402] RIP: 0010:break_it+0x222/0x2a1 [test_oops]
[    5.260404] Call Trace:
[    5.260405]  <TASK>
[    5.260408]  oops_write+0x4a/0x61 [test_oops]
[    5.260450]  vfs_write+0x9e/0x158
[    5.260464]  ksys_write+0x3e/0x41
[    5.260479]  __x64_sys_write+0x2d/0x38
[    5.260491]  do_syscall_64+0x80/0x124
[    5.260493]  </TASK>
[    7.264187] simkernel: echo:8 was stuck in break_it+0x222/0x2a1 [test_oops] and got SIGKILL: the kernel unwound the call (Linux cannot: a loop in the kernel must sleep, or check signal_pending())
[exit 0]

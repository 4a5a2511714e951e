#: Issue 10: a driver bug is an Oops, not the end of the simulator. The task
#: that faulted is killed ("Killed"); the module stays loaded with 0 users and
#: rmmod works; tainted is E + O + D = 12416, as Linux 6.1 measured.
$ sudo insmod hello.ko
[    0.004606] Hello World
$ sudo rmmod hello
[    0.004674] Goodbye
$ sudo insmod faulty.ko
$ ls -l /dev/faulty
crw-rw-rw- 1 root root 10, 254 Dec  1 01:39 /dev/faulty
$ echo x > /dev/faulty
[    0.005030] BUG: kernel NULL pointer dereference, address: 0000000000000000
[    0.005038] #PF: supervisor write access in kernel mode
[    0.005041] #PF: error_code(0x0002) - not-present page
[    0.005044] Oops: 0002 [#1] PREEMPT SMP
[    0.005048] CPU: 0 PID: 8 Comm: echo Tainted: G           OE      6.8.0-simkernel #1
[    0.005051] Hardware name: simkernel
[    0.005060] RIP: 0010:faulty_write+0x0/0xf [faulty]
[    0.005062] Call Trace:
[    0.005065]  <TASK>
[    0.005576]  vfs_write+0x9e/0x158
[    0.005598]  ksys_write+0x3e/0x41
[    0.005612]  __x64_sys_write+0x2d/0x38
[    0.005625]  do_syscall_64+0x80/0x124
[    0.005627]  </TASK>
[    0.005632] Modules linked in: faulty(E) [last unloaded: hello(OE)]
[    0.005635] CR2: 0000000000000000
[    0.005637] ---[ end trace 0000000000000000 ]---
[    0.005640] Disabling lock debugging due to kernel taint
Killed
$ cat /proc/sys/kernel/tainted
12416
$ lsmod
Module                  Size  Used by
faulty                 20480  0
$ sudo rmmod faulty
$ lsmod
Module                  Size  Used by
$ sudo insmod faulty.ko divisor=0
$ cat /dev/faulty
[    0.005996] divide error: 0000 [#2] PREEMPT SMP
[    0.006006] CPU: 0 PID: 14 Comm: cat Tainted: G      D    OE      6.8.0-simkernel #1
[    0.006009] Hardware name: simkernel
[    0.006013] RIP: 0010:faulty_read+0x21/0x92 [faulty]
[    0.006015] Call Trace:
[    0.006018]  <TASK>
[    0.006036]  vfs_read+0x9e/0x158
[    0.006048]  ksys_read+0x3e/0x41
[    0.006061]  __x64_sys_read+0x2d/0x38
[    0.006072]  do_syscall_64+0x80/0x124
[    0.006075]  </TASK>
[    0.006078] Modules linked in: faulty(E) [last unloaded: faulty(E)]
[    0.006080] ---[ end trace 0000000000000000 ]---
Killed
$ sudo rmmod faulty
$ sudo insmod faulty.ko divisor=3
$ cat /dev/faulty
1
$ sudo rmmod faulty
$ dmesg -l alert
[    0.004606] Hello World
[    0.004674] Goodbye
[    0.005030] BUG: kernel NULL pointer dereference, address: 0000000000000000
[    0.005038] #PF: supervisor write access in kernel mode
[    0.005041] #PF: error_code(0x0002) - not-present page
[    0.005635] CR2: 0000000000000000
[exit 0]

#: Issue 10: WARN_ON and WARN report with a call trace, taint W, and go on.
$ sudo insmod test_oops.ko
$ echo warn > /dev/test_oops
$ echo warnf > /dev/test_oops
$ dmesg -l warn
[    0.003148] ------------[ cut here ]------------
[    0.003158] WARNING: CPU: 0 PID: 5 at /work/main/tests/modules/test_oops.c:78 break_it+0x185/0x2a1 [test_oops]
[    0.003161] Modules linked in: test_oops(E)
[    0.003164] CPU: 0 PID: 5 Comm: echo Tainted: G            E      6.8.0-simkernel #1
[    0.003165] Hardware name: simkernel
[    0.003166] RIP: 0010:break_it+0x185/0x2a1 [test_oops]
[    0.003168] Call Trace:
[    0.003169]  <TASK>
[    0.003171]  oops_write+0x4a/0x61 [test_oops]
[    0.003609]  vfs_write+0x9e/0x158
[    0.003621]  ksys_write+0x3e/0x41
[    0.003631]  __x64_sys_write+0x2d/0x38
[    0.003639]  do_syscall_64+0x80/0x124
[    0.003640]  </TASK>
[    0.003641] ---[ end trace 0000000000000000 ]---
[    0.003680] ------------[ cut here ]------------
[    0.003682] test_oops: zero is 0
[    0.003684] WARNING: CPU: 0 PID: 6 at /work/main/tests/modules/test_oops.c:80 break_it+0x242/0x2a1 [test_oops]
[    0.003686] Modules linked in: test_oops(E)
[    0.003688] CPU: 0 PID: 6 Comm: echo Tainted: G        W   E      6.8.0-simkernel #1
[    0.003689] Hardware name: simkernel
[    0.003691] RIP: 0010:break_it+0x242/0x2a1 [test_oops]
[    0.003692] Call Trace:
[    0.003693]  <TASK>
[    0.003694]  oops_write+0x4a/0x61 [test_oops]
[    0.003704]  vfs_write+0x9e/0x158
[    0.003711]  ksys_write+0x3e/0x41
[    0.003718]  __x64_sys_write+0x2d/0x38
[    0.003725]  do_syscall_64+0x80/0x124
[    0.003726]  </TASK>
[    0.003727] ---[ end trace 0000000000000000 ]---
$ cat /proc/sys/kernel/tainted
8704
$ sudo rmmod test_oops
[exit 0]

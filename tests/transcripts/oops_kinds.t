#: Issue 10: each kind of fault in a system call: a NULL read, a wild pointer
#: (general protection), a call through a NULL function pointer, BUG_ON,
#: runaway recursion (stack overflow), and a fault with locks held (named).
$ sudo insmod test_oops.ko
$ echo read > /dev/test_oops
[    0.002500] BUG: kernel NULL pointer dereference, address: 0000000000000000
[    0.002518] #PF: supervisor read access in kernel mode
[    0.002521] #PF: error_code(0x0000) - not-present page
[    0.002523] Oops: 0000 [#1] PREEMPT SMP
[    0.002526] CPU: 0 PID: 5 Comm: echo Tainted: G            E      6.8.0-simkernel #1
[    0.002528] Hardware name: simkernel
[    0.002549] RIP: 0010:break_it+0x32/0x2a1 [test_oops]
[    0.002551] Call Trace:
[    0.002565]  <TASK>
[    0.002568]  oops_write+0x4a/0x61 [test_oops]
[    0.002958]  vfs_write+0x9e/0x158
[    0.002987]  ksys_write+0x3e/0x41
[    0.003010]  __x64_sys_write+0x2d/0x38
[    0.003032]  do_syscall_64+0x80/0x124
[    0.003034]  </TASK>
[    0.003051] Modules linked in: test_oops(E)
[    0.003053] CR2: 0000000000000000
[    0.003055] ---[ end trace 0000000000000000 ]---
[    0.003057] Disabling lock debugging due to kernel taint
Killed
$ echo wild > /dev/test_oops
[    0.003139] general protection fault: 0000 [#2] PREEMPT SMP
[    0.003155] CPU: 0 PID: 6 Comm: echo Tainted: G      D     E      6.8.0-simkernel #1
[    0.003156] Hardware name: simkernel
[    0.003159] RIP: 0010:break_it+0xba/0x2a1 [test_oops]
[    0.003160] Call Trace:
[    0.003162]  <TASK>
[    0.003164]  oops_write+0x4a/0x61 [test_oops]
[    0.003174]  vfs_write+0x9e/0x158
[    0.003195]  ksys_write+0x3e/0x41
[    0.003203]  __x64_sys_write+0x2d/0x38
[    0.003223]  do_syscall_64+0x80/0x124
[    0.003235]  </TASK>
[    0.003237] Modules linked in: test_oops(E)
[    0.003238] ---[ end trace 0000000000000000 ]---
Killed
$ echo call > /dev/test_oops
[    0.003278] BUG: kernel NULL pointer dereference, address: 0000000000000000
[    0.003281] #PF: supervisor instruction fetch in kernel mode
[    0.003283] #PF: error_code(0x0010) - not-present page
[    0.003299] Oops: 0010 [#3] PREEMPT SMP
[    0.003301] CPU: 0 PID: 7 Comm: echo Tainted: G      D     E      6.8.0-simkernel #1
[    0.003303] Hardware name: simkernel
[    0.003305] RIP: 0010:0x0
[    0.003306] Call Trace:
[    0.003308]  <TASK>
[    0.003310]  break_it+0x215/0x2a1 [test_oops]
[    0.003312]  oops_write+0x4a/0x61 [test_oops]
[    0.003320]  vfs_write+0x9e/0x158
[    0.003341]  ksys_write+0x3e/0x41
[    0.003348]  __x64_sys_write+0x2d/0x38
[    0.003355]  do_syscall_64+0x80/0x124
[    0.003367]  </TASK>
[    0.003369] Modules linked in: test_oops(E)
[    0.003371] CR2: 0000000000000000
[    0.003372] ---[ end trace 0000000000000000 ]---
Killed
$ echo bugon > /dev/test_oops
[    0.003432] kernel BUG at /work/main/tests/modules/test_oops.c:74!
[    0.003448] invalid opcode: 0000 [#4] PREEMPT SMP
[    0.003449] CPU: 0 PID: 8 Comm: echo Tainted: G      D     E      6.8.0-simkernel #1
[    0.003450] Hardware name: simkernel
[    0.003452] RIP: 0010:break_it+0x12c/0x2a1 [test_oops]
[    0.003454] Call Trace:
[    0.003467]  <TASK>
[    0.003470]  oops_write+0x4a/0x61 [test_oops]
[    0.003477]  vfs_write+0x9e/0x158
[    0.003497]  ksys_write+0x3e/0x41
[    0.003517]  __x64_sys_write+0x2d/0x38
[    0.003539]  do_syscall_64+0x80/0x124
[    0.003541]  </TASK>
[    0.003543] Modules linked in: test_oops(E)
[    0.003570] ---[ end trace 0000000000000000 ]---
Killed
$ echo recurse > /dev/test_oops
[    0.014877] BUG: TASK stack guard page was hit at 00007ffd242e9f30 (stack is 00007ffd242ea000..00007ffd24ae8000)
[    0.014925] kernel stack overflow (double-fault): 0000 [#5] PREEMPT SMP
[    0.014928] CPU: 0 PID: 9 Comm: echo Tainted: G      D     E      6.8.0-simkernel #1
[    0.014930] Hardware name: simkernel
[    0.014937] RIP: 0010:recurse+0x7/0x23 [test_oops]
[    0.014939] Call Trace:
[    0.014940]  <TASK>
[    0.014943]  recurse+0x13/0x23 [test_oops]
[    0.014949]  (the frame above repeats 45 more times)
[    0.014951]  recurse+0x13/0x23 [test_oops]
[    0.014964]  </TASK>
[    0.014967] Modules linked in: test_oops(E)
[    0.014968] ---[ end trace 0000000000000000 ]---
[    0.014970] simkernel: the stack ran out (8184 KiB; Linux gives a task 16 KiB): look for recursion that does not end
Killed
$ echo locked > /dev/test_oops
[    0.015032] BUG: kernel NULL pointer dereference, address: 0000000000000000
[    0.015048] #PF: supervisor write access in kernel mode
[    0.015050] #PF: error_code(0x0002) - not-present page
[    0.015052] Oops: 0002 [#6] PREEMPT SMP
[    0.015054] CPU: 0 PID: 10 Comm: echo Tainted: G      D     E      6.8.0-simkernel #1
[    0.015055] Hardware name: simkernel
[    0.015057] RIP: 0010:break_it+0x58/0x2a1 [test_oops]
[    0.015058] Call Trace:
[    0.015060]  <TASK>
[    0.015062]  oops_write+0x4a/0x61 [test_oops]
[    0.015081]  vfs_write+0x9e/0x158
[    0.015104]  ksys_write+0x3e/0x41
[    0.015112]  __x64_sys_write+0x2d/0x38
[    0.015120]  do_syscall_64+0x80/0x124
[    0.015121]  </TASK>
[    0.015122] Modules linked in: test_oops(E)
[    0.015124] CR2: 0000000000000000
[    0.015126] ---[ end trace 0000000000000000 ]---
[    0.015128] 2 locks held by echo/10:
[    0.015144]  #0: 00007f5a4d95a110 (oops_mutex){mutex}, at: break_it+0x253/0x2a1 [test_oops]
[    0.015146]  #1: 00007f5a4d95a2f4 (oops_lock){spinlock}, at: break_it+0x55/0x2a1 [test_oops]
[    0.015149] simkernel: echo/10 died holding these locks: they stay locked, and whoever takes one next waits forever (as on Linux)
Killed
$ lsmod
Module                  Size  Used by
test_oops              20480  0
$ sudo rmmod test_oops
$ cat /proc/sys/kernel/tainted
8320
[exit 0]

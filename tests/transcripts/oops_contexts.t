#: Issue 10: an Oops in each context a module runs in (init, exit, a timer, a
#: kernel thread, a work item, an interrupt handler) is reported with its call
#: trace; the task dies or the call is dropped, and the kernel goes on: a fresh
#: module loads and works afterwards.
$ sudo insmod test_oops.ko where=init how=null
[    0.006138] BUG: kernel NULL pointer dereference, address: 0000000000000000
[    0.006175] #PF: supervisor write access in kernel mode
[    0.006179] #PF: error_code(0x0002) - not-present page
[    0.006183] Oops: 0002 [#1] PREEMPT SMP
[    0.006187] CPU: 0 PID: 4 Comm: insmod Tainted: G            E      6.8.0-simkernel #1
[    0.006190] Hardware name: simkernel
[    0.006199] RIP: 0010:break_it+0x58/0x2a1 [test_oops]
[    0.006201] Call Trace:
[    0.006203]  <TASK>
[    0.006207]  test_oops_init+0x50/0x1d4 [test_oops]
[    0.006760]  load_module+0x1641/0x1e01
[    0.006819]  ksys_finit_module+0x75/0xc1
[    0.006841]  __x64_sys_finit_module+0x37/0x40
[    0.006873]  do_syscall_64+0x80/0x124
[    0.006892]  </TASK>
[    0.006897] Modules linked in: test_oops(E+)
[    0.006900] CR2: 0000000000000000
[    0.006902] ---[ end trace 0000000000000000 ]---
[    0.006924] Disabling lock debugging due to kernel taint
Killed
$ lsmod
Module                  Size  Used by
$ ls /dev
console
kbd
null
zero
$ sudo insmod test_oops.ko where=exit how=div
$ sudo rmmod test_oops
[    0.007461] divide error: 0000 [#2] PREEMPT SMP
[    0.007486] CPU: 0 PID: 8 Comm: rmmod Tainted: G      D     E      6.8.0-simkernel #1
[    0.007488] Hardware name: simkernel
[    0.007493] RIP: 0010:break_it+0x9d/0x2a1 [test_oops]
[    0.007495] Call Trace:
[    0.007497]  <TASK>
[    0.007501]  test_oops_exit+0x24/0xb9 [test_oops]
[    0.007529]  __do_sys_delete_module+0xfa/0x668
[    0.007562]  ksys_delete_module+0x9c/0xb9
[    0.007580]  __x64_sys_delete_module+0x32/0x3d
[    0.007611]  do_syscall_64+0x80/0x124
[    0.007613]  </TASK>
[    0.007673] Modules linked in: test_oops(E-)
[    0.007675] ---[ end trace 0000000000000000 ]---
Killed
$ lsmod
Module                  Size  Used by
$ sudo insmod test_oops.ko where=timer how=bug
$ sleep 1
[    0.256260] kernel BUG at /work/main/tests/modules/test_oops.c:72!
[    0.256340] invalid opcode: 0000 [#3] PREEMPT SMP
[    0.256353] CPU: 0 PID: 0 Comm: swapper/0 Tainted: G      D     E      6.8.0-simkernel #1
[    0.256359] Hardware name: simkernel
[    0.256370] RIP: 0010:break_it+0x29f/0x2a1 [test_oops]
[    0.256375] Call Trace:
[    0.256379]  <IRQ>
[    0.256385]  oops_timer_fn+0x10/0x15 [test_oops]
[    0.256424]  run_timer_softirq+0xd3/0x207
[    0.256429]  </IRQ>
[    0.256435] Modules linked in: test_oops(E) [last unloaded: test_oops(E)]
[    0.256441] ---[ end trace 0000000000000000 ]---
[    0.256446] simkernel: Linux would panic here ("Kernel panic - not syncing: Fatal exception in interrupt"); simkernel drops this timer call and goes on
$ sudo rmmod test_oops
$ sudo insmod test_oops.ko where=kthread how=read
$ sleep 1
[    1.265041] BUG: kernel NULL pointer dereference, address: 0000000000000000
[    1.265093] #PF: supervisor read access in kernel mode
[    1.265095] #PF: error_code(0x0000) - not-present page
[    1.265098] Oops: 0000 [#4] PREEMPT SMP
[    1.265102] CPU: 0 PID: 14 Comm: oopsd Tainted: G      D     E      6.8.0-simkernel #1
[    1.265104] Hardware name: simkernel
[    1.265112] RIP: 0010:break_it+0x32/0x2a1 [test_oops]
[    1.265114] Call Trace:
[    1.265116]  <TASK>
[    1.265118]  oops_thread_fn+0x1a/0x3a [test_oops]
[    1.265156]  kthread+0x150/0x18d
[    1.265158]  </TASK>
[    1.265162] Modules linked in: test_oops(E) [last unloaded: test_oops(E)]
[    1.265164] CR2: 0000000000000000
[    1.265165] ---[ end trace 0000000000000000 ]---
$ ps
  PID  PPID USER     STAT COMMAND
    1     0 root     R    init
    2     0 root     S    [events]
    3     1 student  R    sh
   14     0 root     Z    [oopsd]
   16     3 student  R    ps
$ sudo rmmod test_oops
$ sudo insmod test_oops.ko where=work how=div
$ sleep 1
[    2.257584] divide error: 0000 [#5] PREEMPT SMP
[    2.257660] CPU: 0 PID: 2 Comm: events Tainted: G      D     E      6.8.0-simkernel #1
[    2.257667] Hardware name: simkernel
[    2.257692] RIP: 0010:break_it+0x9d/0x2a1 [test_oops]
[    2.257697] Call Trace:
[    2.257702]  <TASK>
[    2.257708]  oops_work_fn+0x10/0x15 [test_oops]
[    2.257759]  worker_thread+0x167/0x309
[    2.257764]  </TASK>
[    2.257771] Modules linked in: test_oops(E) [last unloaded: test_oops(E)]
[    2.257776] ---[ end trace 0000000000000000 ]---
$ sudo rmmod test_oops
$ sudo insmod test_oops.ko where=irq how=ud2
$ keypress a
[    3.010218] invalid opcode: 0000 [#6] PREEMPT SMP
[    3.010228] CPU: 0 PID: 0 Comm: swapper/0 Tainted: G      D     E      6.8.0-simkernel #1
[    3.010235] Hardware name: simkernel
[    3.010243] RIP: 0010:break_it+0x130/0x2a1 [test_oops]
[    3.010247] Call Trace:
[    3.010252]  <IRQ>
[    3.010257]  oops_irq+0x10/0x17 [test_oops]
[    3.010290]  handle_irq_event+0x7c/0xc9
[    3.010294]  </IRQ>
[    3.010301] Modules linked in: test_oops(E) [last unloaded: test_oops(E)]
[    3.010305] ---[ end trace 0000000000000000 ]---
[    3.010311] simkernel: Linux would panic here ("Kernel panic - not syncing: Fatal exception in interrupt"); simkernel drops this interrupt handler call and goes on
$ sudo rmmod test_oops
$ lsmod
Module                  Size  Used by
$ cat /proc/sys/kernel/tainted
8320
$ sudo insmod test_chrdev.ko
[    3.010513] test_chrdev: loaded, major 253
$ cat /dev/test_chrdev
hello from test_chrdev
$ sudo rmmod test_chrdev
[    3.010552] test_chrdev: unloaded
[exit 0]

#: Issue 11: a write that returns to user space holding a mutex (lock held when returning to user space!),
#: and a kernel thread that ends holding one (still has locks held!).
$ sudo insmod test_lockdep.ko bug=none
$ sudo open /dev/test_lockdep O_WRONLY
open("/dev/test_lockdep", O_WRONLY) = 3
$ write 3 lock
[    0.023054] 
[    0.023076] ================================================
[    0.023079] WARNING: lock held when returning to user space!
[    0.023090] 6.8.0-simkernel #1 Tainted: G            E     
[    0.023093] ------------------------------------------------
[    0.023097] sh/3 is leaving the kernel with locks still held!
[    0.023100] 1 lock held by sh/3:
[    0.023111]  #0: 00007fcb00658100 (held_mutex){+.+.}-{3:3}, at: ld_write+0x5c/0x69 [test_lockdep]
[    0.023116] simkernel: a system call must release every lock it takes before it returns; this lock stays locked, and the next task to take it waits until this one unlocks it
write(3, "lock", 4) = 4
$ close 3
close(3) = 0
$ sudo rmmod test_lockdep
$ sudo insmod test_lockdep.ko bug=kthread
$ sleep 1
[    0.026685] 
[    0.026717] =====================================
[    0.026721] WARNING: ld_thread/7 still has locks held!
[    0.026726] 6.8.0-simkernel #1 Tainted: G        W   E     
[    0.026728] -------------------------------------
[    0.026730] 1 lock held by ld_thread/7:
[    0.026737]  #0: 00007fcb00658160 (lock_b){+.+.}-{3:3}, at: ld_thread_fn+0x10/0x17 [test_lockdep]
[    0.026739] simkernel: the thread ended holding these locks: they stay locked, and whoever takes one next waits forever (as on Linux)
$ sudo rmmod test_lockdep
$ lsmod
Module                  Size  Used by

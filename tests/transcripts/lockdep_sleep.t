#: Issue 11: mutex_lock under a spinlock (BUG: sleeping function called from invalid context, at Linux's
#: place, the module's function in the trace), and spin_unlock of a lock not held (bad unlock balance).
$ sudo insmod test_lockdep.ko bug=sleep
[    0.008610] BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580
[    0.008625] in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 4, name: insmod
[    0.008627] preempt_count: 1, expected: 0
[    0.008629] RCU nest depth: 0, expected: 0
[    0.008635] 1 lock held by insmod/4:
[    0.008639]  #0: 00007f1f2bf86140 (spin_a){....}-{2:2}, at: sleep_under_spinlock+0x5a/0xbe [test_lockdep]
[    0.008674] CPU: 0 PID: 4 Comm: insmod Tainted: G            E      6.8.0-simkernel #1
[    0.008675] Hardware name: simkernel
[    0.008677] Call Trace:
[    0.008679]  <TASK>
[    0.008681]  sleep_under_spinlock+0x85/0xbe [test_lockdep]
[    0.008685]  test_lockdep_init+0xd6/0x1a3 [test_lockdep]
[    0.009176]  load_module+0x17af/0x1fbe
[    0.009195]  ksys_finit_module+0x75/0xc1
[    0.009212]  __x64_sys_finit_module+0x37/0x40
[    0.009221]  do_syscall_64+0x9c/0x177
[    0.009223]  </TASK>
[    0.009226] simkernel: sleep_under_spinlock+0x85/0xbe [test_lockdep] may sleep, and code holding a spinlock must not: release the spinlock first, use a mutex instead, or GFP_ATOMIC for kmalloc
$ sudo rmmod test_lockdep
$ sudo insmod test_lockdep.ko bug=unlock
[    0.009545] 
[    0.009553] =====================================
[    0.009555] WARNING: bad unlock balance detected!
[    0.009557] 6.8.0-simkernel #1 Tainted: G        W   E     
[    0.009558] -------------------------------------
\[TIME\] insmod/6 is trying to release lock \([0-9a-f]{16}\) at: (re)
\[TIME\] \[<[0-9a-f]{16}>\] unlock_unheld\+OFF \[test_lockdep\] (re)
[    0.009565] but there are no more locks to release!
[    0.009567] 
[    0.009568] other info that might help us debug this:
[    0.009570] no locks held by insmod/6.
[    0.009571] 
[    0.009573] stack backtrace:
[    0.009587] CPU: 0 PID: 6 Comm: insmod Tainted: G        W   E      6.8.0-simkernel #1
[    0.009588] Hardware name: simkernel
[    0.009590] Call Trace:
[    0.009591]  <TASK>
[    0.009593]  unlock_unheld+0xd/0x16 [test_lockdep]
[    0.009596]  test_lockdep_init+0x134/0x1a3 [test_lockdep]
[    0.009615]  load_module+0x17af/0x1fbe
[    0.009625]  ksys_finit_module+0x75/0xc1
[    0.009639]  __x64_sys_finit_module+0x37/0x40
[    0.009647]  do_syscall_64+0x9c/0x177
[    0.009648]  </TASK>
[    0.009650] simkernel: unlock_unheld+0xd/0x16 [test_lockdep] unlocks a lock it does not hold: unlocked twice, or on an error path that never took it, or taken by another task
$ sudo rmmod test_lockdep
$ lsmod
Module                  Size  Used by

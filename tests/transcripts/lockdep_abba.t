#: Issue 11: A then B, then B then A: lockdep reports the contradicting order the first time, with both chains,
#: though nothing deadlocked; the kernel goes on.
$ sudo insmod test_lockdep.ko bug=abba
[    0.006827] 
[    0.006898] ======================================================
[    0.006919] WARNING: possible circular locking dependency detected
[    0.006941] 6.8.0-simkernel #1 Tainted: G            E     
[    0.006953] ------------------------------------------------------
[    0.006974] insmod/4 is trying to acquire lock:
\[TIME\] [0-9a-f]{16} \(lock_a\)\{\+\.\+\.\}\-\{3:3\}, at: take_b_then_a\+OFF \[test_lockdep\] (re)
[    0.006990] 
[    0.006993] but task is already holding lock:
\[TIME\] [0-9a-f]{16} \(lock_b\)\{\+\.\+\.\}\-\{3:3\}, at: take_b_then_a\+OFF \[test_lockdep\] (re)
[    0.006999] 
[    0.007001] which lock already depends on the new lock.
[    0.007005] 
[    0.007007] 
[    0.007009] the existing dependency chain (in reverse order) is:
[    0.007011] 
[    0.007014] -> #1 (lock_b){+.+.}-{3:3}:
[    0.007016]        (taken by insmod/4)
[    0.007759]        take_a_then_b+0x21/0x35 [test_lockdep]
[    0.007817]        test_lockdep_init+0x75/0x1a3 [test_lockdep]
[    0.007820]        load_module+0x17af/0x1fbe
[    0.007823]        ksys_finit_module+0x75/0xc1
[    0.007825]        __x64_sys_finit_module+0x37/0x40
[    0.007827]        do_syscall_64+0x9c/0x177
[    0.007830] 
[    0.007832] -> #0 (lock_a){+.+.}-{3:3}:
[    0.007890]        take_b_then_a+0x21/0x35 [test_lockdep]
[    0.007892]        test_lockdep_init+0x7a/0x1a3 [test_lockdep]
[    0.007894]        load_module+0x17af/0x1fbe
[    0.007896]        ksys_finit_module+0x75/0xc1
[    0.007898]        __x64_sys_finit_module+0x37/0x40
[    0.007901]        do_syscall_64+0x9c/0x177
[    0.007903] 
[    0.007905] other info that might help us debug this:
[    0.007907] 
[    0.007909]  Possible unsafe locking scenario:
[    0.007911] 
[    0.007913]        CPU0                    CPU1
[    0.007915]        ----                    ----
[    0.007918]   lock(lock_b);
[    0.007922]                                lock(lock_a);
[    0.007924]                                lock(lock_b);
[    0.007926]   lock(lock_a);
[    0.007928] 
[    0.007930]  *** DEADLOCK ***
[    0.007932] 
[    0.007935] 1 lock held by insmod/4:
[    0.007939]  #0: 00007fe78f856160 (lock_b){+.+.}-{3:3}, at: take_b_then_a+0x19/0x35 [test_lockdep]
[    0.007941] 
[    0.007943] stack backtrace:
[    0.007967] CPU: 0 PID: 4 Comm: insmod Tainted: G            E      6.8.0-simkernel #1
[    0.007970] Hardware name: simkernel
[    0.007972] Call Trace:
[    0.007975]  <TASK>
[    0.007978]  take_b_then_a+0x21/0x35 [test_lockdep]
[    0.007982]  test_lockdep_init+0x7a/0x1a3 [test_lockdep]
[    0.008001]  load_module+0x17af/0x1fbe
[    0.008016]  ksys_finit_module+0x75/0xc1
[    0.008028]  __x64_sys_finit_module+0x37/0x40
[    0.008040]  do_syscall_64+0x9c/0x177
[    0.008042]  </TASK>
[    0.008045] simkernel: insmod/4 takes lock_a while holding lock_b, but lock_b was taken while holding lock_a before (the chain above): two tasks doing both at once would wait for each other forever. Take the locks in one order everywhere
$ sudo rmmod test_lockdep
$ lsmod
Module                  Size  Used by

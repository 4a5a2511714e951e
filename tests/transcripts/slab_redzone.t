#: Issue 11: a write one byte past a kmalloc'ed buffer is reported at kfree in SLUB's words
#: (cache, Right Redzone, the allocating function and its module, the bytes), restored; taint B; the kernel goes on.
$ sudo insmod test_slab.ko bug=right
[    0.002958] =============================================================================
[    0.002993] BUG kmalloc-64 (Tainted: G            E     ): Right Redzone overwritten
[    0.003059] -----------------------------------------------------------------------------
[    0.003451] 
\[TIME\] 0xADDR\-0xADDR @offset=[0-9]+\. First byte 0x78 instead of 0xcc (re)
\[TIME\] Allocated in slab_bug_right\+OFF \[test_slab\] age=[0-9]+ cpu=0 pid=4 (re)
\[TIME\] Slab 0xADDR objects=64 used=[0-9]+ fp=0xADDR flags=0x200\(slab\) (re)
\[TIME\] Object 0xADDR @offset=[0-9]+ fp=0xADDR (re)
[    0.003473] 
\[TIME\] Redzone  [0-9a-f]{16}: cc cc cc cc cc cc cc cc cc cc cc cc cc cc cc cc  \.\.\.\.\.\.\.\.\.\.\.\.\.\.\.\. (re)
\[TIME\] Object   [0-9a-f]{16}: 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78  xxxxxxxxxxxxxxxx (re)
\[TIME\] Object   [0-9a-f]{16}: 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78  xxxxxxxxxxxxxxxx (re)
\[TIME\] Object   [0-9a-f]{16}: 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78  xxxxxxxxxxxxxxxx (re)
\[TIME\] Object   [0-9a-f]{16}: 78 78 78 78 78 78 78 78 78 78 78 78              xxxxxxxxxxxx (re)
\[TIME\] Redzone  [0-9a-f]{16}: 78 cc cc cc cc cc cc cc cc cc cc cc cc cc cc cc  x\.\.\.\.\.\.\.\.\.\.\.\.\.\.\. (re)
\[TIME\] Redzone  [0-9a-f]{16}: cc cc cc cc                                      \.\.\.\. (re)
\[TIME\] Padding  [0-9a-f]{16}: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ (re)
\[TIME\] Padding  [0-9a-f]{16}: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ (re)
\[TIME\] Padding  [0-9a-f]{16}: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ (re)
[    0.003535] CPU: 0 PID: 4 Comm: insmod Tainted: G            E      6.8.0-simkernel #1
[    0.003536] Hardware name: simkernel
[    0.003540] Call Trace:
[    0.003542]  <TASK>
[    0.003545]  slab_bug_right+0x47/0x4b [test_slab]
[    0.003547]  test_slab_init+0x24/0xff [test_slab]
[    0.004073]  load_module+0x17af/0x1fbe
[    0.004091]  ksys_finit_module+0x75/0xc1
[    0.004109]  __x64_sys_finit_module+0x37/0x40
[    0.004118]  do_syscall_64+0x9c/0x177
[    0.004120]  </TASK>
[    0.004123] FIX kmalloc-64: Restoring Right Redzone 0x000055cf5c1cc93c-0x000055cf5c1cc93c=0xcc
[    0.004125] simkernel: something wrote past the end of the bytes kmalloc gave: look for an off-by-one (<= for <), strlen() without the +1 for the '\0', or sizeof of the wrong type
$ sudo rmmod test_slab
$ cat /proc/sys/kernel/tainted
8224
$ sudo insmod test_slab.ko bug=none
$ sudo rmmod test_slab
$ lsmod
Module                  Size  Used by

#: Issue 11: a double kfree (Object already free, with where it was freed first), a kfree of a global
#: (never returned by kmalloc, naming the caller), and a write after kfree found at rmmod (Poison overwritten).
$ sudo insmod test_slab.ko bug=double
[    0.004728] =============================================================================
[    0.004740] BUG kmalloc-128 (Tainted: G            E     ): Object already free
[    0.004743] -----------------------------------------------------------------------------
[    0.004748] 
\[TIME\] Allocated in slab_bug_double\+OFF \[test_slab\] age=[0-9]+ cpu=0 pid=4 (re)
\[TIME\] Freed in slab_bug_double\+OFF \[test_slab\] age=[0-9]+ cpu=0 pid=4 (re)
\[TIME\] Slab 0xADDR objects=32 used=[0-9]+ fp=0xADDR flags=0x200\(slab\) (re)
\[TIME\] Object 0xADDR @offset=[0-9]+ fp=0xADDR (re)
[    0.004766] 
\[TIME\] Redzone  [0-9a-f]{16}: bb bb bb bb bb bb bb bb bb bb bb bb bb bb bb bb  \.\.\.\.\.\.\.\.\.\.\.\.\.\.\.\. (re)
\[TIME\] Object   [0-9a-f]{16}: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk (re)
\[TIME\] Object   [0-9a-f]{16}: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk (re)
\[TIME\] Object   [0-9a-f]{16}: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk (re)
\[TIME\] Object   [0-9a-f]{16}: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk (re)
\[TIME\] Object   [0-9a-f]{16}: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk (re)
\[TIME\] Object   [0-9a-f]{16}: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk (re)
\[TIME\] Object   [0-9a-f]{16}: 6b 6b 6b a5                                      kkk\. (re)
\[TIME\] Redzone  [0-9a-f]{16}: bb bb bb bb bb bb bb bb bb bb bb bb bb bb bb bb  \.\.\.\.\.\.\.\.\.\.\.\.\.\.\.\. (re)
\[TIME\] Redzone  [0-9a-f]{16}: bb bb bb bb bb bb bb bb bb bb bb bb bb bb bb bb  \.\.\.\.\.\.\.\.\.\.\.\.\.\.\.\. (re)
\[TIME\] Redzone  [0-9a-f]{16}: bb bb bb bb bb bb bb bb bb bb bb bb              \.\.\.\.\.\.\.\.\.\.\.\. (re)
\[TIME\] Padding  [0-9a-f]{16}: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ (re)
\[TIME\] Padding  [0-9a-f]{16}: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ (re)
\[TIME\] Padding  [0-9a-f]{16}: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ (re)
[    0.004869] CPU: 0 PID: 4 Comm: insmod Tainted: G            E      6.8.0-simkernel #1
[    0.004872] Hardware name: simkernel
[    0.004876] Call Trace:
[    0.004878]  <TASK>
[    0.004882]  slab_bug_double+0x34/0x38 [test_slab]
[    0.004885]  test_slab_init+0x7b/0xff [test_slab]
[    0.005680]  load_module+0x17af/0x1fbe
[    0.005730]  ksys_finit_module+0x75/0xc1
[    0.005772]  __x64_sys_finit_module+0x37/0x40
[    0.005797]  do_syscall_64+0x9c/0x177
[    0.005815]  </TASK>
[    0.005833] FIX kmalloc-128: Object at 0x0000558f631a4900 not freed
[    0.005845] simkernel: slab_bug_double+0x34/0x38 [test_slab] freed this object a second time (double free); the first kfree is the 'Freed in' line above. Set the pointer to NULL after kfree, or free it on one path only
$ sudo rmmod test_slab
$ sudo insmod test_slab.ko bug=global
$ sudo rmmod test_slab
$ sudo insmod test_slab.ko bug=uaf
$ sudo rmmod test_slab
[    0.006805] =============================================================================
[    0.006828] BUG kmalloc-64 (Tainted: G    B   W   E     ): Poison overwritten
[    0.006838] -----------------------------------------------------------------------------
[    0.006849] 
\[TIME\] 0xADDR\-0xADDR @offset=[0-9]+\. First byte 0x75 instead of 0x6b (re)
\[TIME\] Allocated in slab_bug_uaf\+OFF \[test_slab\] age=[0-9]+ cpu=0 pid=8 (re)
\[TIME\] Freed in slab_bug_uaf\+OFF \[test_slab\] age=[0-9]+ cpu=0 pid=8 (re)
\[TIME\] Slab 0xADDR objects=64 used=[0-9]+ fp=0xADDR flags=0x200\(slab\) (re)
\[TIME\] Object 0xADDR @offset=[0-9]+ fp=0xADDR (re)
[    0.006915] 
\[TIME\] Redzone  [0-9a-f]{16}: bb bb bb bb bb bb bb bb bb bb bb bb bb bb bb bb  \.\.\.\.\.\.\.\.\.\.\.\.\.\.\.\. (re)
\[TIME\] Object   [0-9a-f]{16}: 6b 6b 6b 6b 75 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkukkkkkkkkkkk (re)
\[TIME\] Object   [0-9a-f]{16}: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk (re)
\[TIME\] Object   [0-9a-f]{16}: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk (re)
\[TIME\] Object   [0-9a-f]{16}: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b a5  kkkkkkkkkkkkkkk\. (re)
\[TIME\] Redzone  [0-9a-f]{16}: bb bb bb bb bb bb bb bb bb bb bb bb bb bb bb bb  \.\.\.\.\.\.\.\.\.\.\.\.\.\.\.\. (re)
\[TIME\] Padding  [0-9a-f]{16}: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ (re)
\[TIME\] Padding  [0-9a-f]{16}: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ (re)
\[TIME\] Padding  [0-9a-f]{16}: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ (re)
[    0.007052] CPU: 0 PID: 9 Comm: rmmod Tainted: G    B   W   E      6.8.0-simkernel #1
[    0.007066] Hardware name: simkernel
[    0.007077] Call Trace:
[    0.007087]  <TASK>
[    0.007126]  release_module_resources+0x418/0x48d
[    0.007126]  free_module+0x4a/0x3e0
[    0.007156]  __do_sys_delete_module+0x10d/0x668
[    0.007180]  ksys_delete_module+0x9c/0xb9
[    0.007211]  __x64_sys_delete_module+0x32/0x3d
[    0.007232]  do_syscall_64+0x9c/0x177
[    0.007242]  </TASK>
[    0.007253] FIX kmalloc-64: Restoring Poison 0x0000558f631aca44-0x0000558f631aca44=0x6b
[    0.007262] simkernel: something wrote to this object after kfree (use after free): a pointer kept after kfree, or a timer, work item or thread still using it
$ lsmod
Module                  Size  Used by

#: Issue 11: memory a module never freed is reported at rmmod as kmemleak reports it: each object, the task
#: that allocated it, and the allocating function in the module.
$ sudo insmod test_slab.ko bug=leak
$ sudo rmmod test_slab
$ dmesg -l warn
[    0.005203] test_slab: leaked 264 bytes in 2 allocations; the kernel freed them
[    0.005212] unreferenced object 0x000055873f004900 (size 64):
\[TIME\]   comm "insmod", pid 4, jiffies [0-9]+ \(age [0-9.]+s\) (re)
[    0.005216]   backtrace:
\[TIME\]     \[<[0-9a-f]{16}>\] slab_bug_leak\+OFF \[test_slab\] (re)
[    0.005225] unreferenced object 0x000055873f001900 (size 200):
\[TIME\]   comm "insmod", pid 4, jiffies [0-9]+ \(age [0-9.]+s\) (re)
[    0.005227]   backtrace:
\[TIME\]     \[<[0-9a-f]{16}>\] slab_bug_leak\+OFF \[test_slab\] (re)

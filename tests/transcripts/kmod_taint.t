#: Taint (docs/modules.md, part 5): each reason said once in the log, the sum in /proc/sys/kernel/tainted,
#: each module's own letters in /proc/modules and /sys/module/<m>/taint; insmod -f taints F, rmmod -f taints R
#: only when the force was needed, and a file left open on a module forced out is detached from it.
$ cat /proc/sys/kernel/tainted
0
$ sudo modprobe stack_consumer
$ cat /sys/module/stack_provider/taint
E
$ cat /proc/sys/kernel/tainted
8192
$ sudo insmod hello.ko
[    0.012451] Hello World
$ cat /proc/modules
hello 20480 0 - Live 0x0000000000000000 (OE)
stack_consumer 20480 0 - Live 0x0000000000000000 (E)
stack_provider 20480 1 stack_consumer, Live 0x0000000000000000 (E)
$ cat /proc/sys/kernel/tainted
12288
$ sudo insmod -f kt_base.ko
$ sudo insmod -f test_badmagic.ko
[    0.021002] test_badmagic: this must never run
$ cat /proc/modules
test_badmagic 20480 0 - Live 0x0000000000000000 (FE)
kt_base 20480 0 - Live 0x0000000000000000 (FE)
hello 20480 0 - Live 0x0000000000000000 (OE)
stack_consumer 20480 0 - Live 0x0000000000000000 (E)
stack_provider 20480 1 stack_consumer, Live 0x0000000000000000 (E)
$ cat /sys/module/kt_base/taint
FE
$ cat /proc/sys/kernel/tainted
12290
$ sudo rmmod -f kt_base
$ sudo rmmod -f test_badmagic
$ cat /proc/sys/kernel/tainted
12290
$ sudo insmod test_chrdev.ko
[    0.021407] test_chrdev: loaded, major 253
$ open /dev/test_chrdev
open("/dev/test_chrdev", O_RDONLY) = 3
$ sudo rmmod test_chrdev
rmmod: ERROR: Module test_chrdev is in use
$ sudo rmmod -f test_chrdev
[    0.021470] test_chrdev: unloaded
$ cat /proc/sys/kernel/tainted
12298
$ read 3 10
read(3, buf, 10) = -1 ENODEV (No such device)
$ close 3
close(3) = 0
$ lsmod
Module                  Size  Used by
hello                  20480  0
stack_consumer         20480  0
stack_provider         20480  1 stack_consumer
$ dmesg -l warn,notice
[    0.000399] Linux version 6.8.0-simkernel (simkernel) #1 SMP PREEMPT_DYNAMIC
[    0.011977] stack_provider: module verification failed: signature and/or required key missing - tainting kernel
[    0.012376] hello: loading out-of-tree module taints kernel.
[    0.012528] kt_base: bad vermagic: kernel tainted.
[    0.012530] Disabling lock debugging due to kernel taint
[    0.021462] test_chrdev: removed with /dev/test_chrdev open; the kernel detached the file (its calls now fail with ENODEV)
[    0.021755] Goodbye

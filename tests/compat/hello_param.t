#: A tutorial hello with parameters: charp and int, set at insmod and through /sys/module; writing "0\n" works (kstrtoint("0\n", 0) is 0, as Linux); dmesg -t drops the timestamps.
$ sudo insmod hello_param.ko whom=student howmany=2
$ cat /sys/module/hello_param/parameters/howmany
2
$ sudo open /sys/module/hello_param/parameters/howmany O_WRONLY
open("/sys/module/hello_param/parameters/howmany", O_WRONLY) = 3
$ write 3 "0\n"
write(3, "0\n", 2) = 2
$ close 3
close(3) = 0
$ cat /sys/module/hello_param/parameters/howmany
0
$ sudo rmmod hello_param
$ dmesg -t
Linux version 6.8.0-simkernel (simkernel) #1 SMP PREEMPT_DYNAMIC
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
hello_param: loading out-of-tree module taints kernel.
hello_param: module verification failed: signature and/or required key missing - tainting kernel
Hello, student (0)
Hello, student (1)
Goodbye, student

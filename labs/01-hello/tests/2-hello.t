#: test: loading logs "greet: hello, kernel" at level info
#: points: 2
#: (console level 1: the messages go only to the log, where dmesg reads them)
$ sudo dmesg -n 1
$ sudo dmesg -C
$ sudo insmod greet.ko
#: TODO 2: greet_init logs this line with KERN_INFO (or pr_info).
$ dmesg -l info
[    0.000000] greet: hello, kernel

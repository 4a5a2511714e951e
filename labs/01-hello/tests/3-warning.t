#: test: loading logs the warning level's digit, at level warning
#: points: 1
#: (console level 1: the messages go only to the log, where dmesg reads them)
$ sudo dmesg -n 1
$ sudo dmesg -C
$ sudo insmod greet.ko
#: TODO 3: a KERN_WARNING line whose number is read from KERN_WARNING.
$ dmesg -l warn
[    0.000000] greet: loading out-of-tree module taints kernel.
[    0.000000] greet: loaded at level 4

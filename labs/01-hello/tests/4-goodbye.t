#: test: removing logs "greet: goodbye"; the kernel is not tainted P
#: points: 1
$ sudo dmesg -n 1
$ sudo insmod greet.ko
$ sudo dmesg -C
$ sudo rmmod greet
#: TODO 4: greet_exit logs this line with KERN_INFO.
$ dmesg -l info
[    0.000000] greet: goodbye
#: TODO 1: without a GPL license the kernel is tainted P (bit 0): 12289 instead of 12288.
$ cat /proc/sys/kernel/tainted
12288

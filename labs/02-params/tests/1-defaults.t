#: test: without parameters: one greeting, and count is readable in sysfs
#: points: 1
$ sudo dmesg -n 1
$ sudo dmesg -C
$ sudo insmod knobs.ko
#: TODO 4: one greeting with the default name.
$ dmesg -l info
[    0.000000] knobs: hello, world (1 of 1)
#: TODO 1: a parameter with a mode other than 0 has a file in /sys/module/knobs/parameters.
$ cat /sys/module/knobs/parameters/count
1

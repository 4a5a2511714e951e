#: test: still right with 300 additions each, twice
#: points: 2
$ sudo dmesg -n 1
$ sudo dmesg -C
$ sudo insmod racer.ko loops=300
$ sudo rmmod racer
$ sudo insmod racer.ko loops=300
#: TODO 1: a race can hide for a while; a lock removes it for good.
$ dmesg -l info
[    0.000000] racer: total 600, expected 600
[    0.000000] racer: total 600, expected 600

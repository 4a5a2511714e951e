#: test: two threads of 100 additions make 200
#: points: 3
$ sudo dmesg -n 1
$ sudo dmesg -C
$ sudo insmod racer.ko
#: TODO 1: each addition reads total, sleeps, writes total+1: another thread's addition in between is lost.
$ dmesg -l info
[    0.000000] racer: total 200, expected 200

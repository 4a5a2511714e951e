#: test: rmmod stops the timer and the work itself, leaving nothing for the kernel to clean
#: points: 2
$ sudo dmesg -n 1
$ sudo insmod heartbeat.ko period_ms=10
$ sleep 0.1
$ sudo dmesg -C
$ sudo rmmod heartbeat
$ sleep 0.1
#: TODO 4: a timer left pending is a crash on Linux (its function is gone); simkernel deletes it and says so.
$ dmesg -l warn
$ dmesg -l info
[    0.000000] heartbeat: stopped after {{1..31}} beats

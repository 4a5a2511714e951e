#: test: the fifth beat queues the work once, which logs its line
#: points: 2
$ sudo dmesg -n 1
$ sudo dmesg -C
$ sudo insmod heartbeat.ko period_ms=10
$ sleep 0.5
#: TODO 3: schedule_work at the fifth beat; the work logs this, once.
$ dmesg -l info
[    0.000000] heartbeat: the work ran after 5 beats

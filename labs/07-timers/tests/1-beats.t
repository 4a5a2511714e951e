#: test: the timer beats every period_ms
#: points: 2
$ sudo insmod heartbeat.ko period_ms=10
$ sleep 0.3
#: TODO 1 and 2: about 30 beats of 10 ms in 0.3 s (a busy machine may give far fewer, never more).
$ cat /sys/module/heartbeat/parameters/beats
{{3..31}}

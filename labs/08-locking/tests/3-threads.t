#: test: the threads run until rmmod stops them, leaving nothing behind
#: points: 2
$ sudo dmesg -n 1
$ sudo insmod racer.ko loops=10
$ ps
  PID  PPID USER     STAT COMMAND
    1     0 root     R    init
    2     0 root     S    [events]
    3     1 student  R    sh
 *[0-9]+     0 root     S    \[racer/0\] (re)
 *[0-9]+     0 root     S    \[racer/1\] (re)
 *[0-9]+     3 student  R    ps (re)
$ sudo dmesg -C
$ sudo rmmod racer
#: TODO 2: a thread left running is one the kernel must stop for you (and says so here).
$ dmesg -l warn

#: LKMPG sleep.c: one process at a time may hold /proc/sleep; another opener sleeps until it is closed (its wait
#: is in dmesg), a signal ends that wait with EINTR, and O_NONBLOCK gets EAGAIN.
$ sudo insmod sleep_proc.ko
$ cat /proc/sleep
(empty)
$ sleep 1 > /proc/sleep &
[1] 6
$ sleep 0.1
$ cat /proc/sleep > /var/log/sleep.out &
[2] 8
$ sleep 0.1
$ cat /proc/sleep &
[3] 10
$ sleep 0.1
$ open /proc/sleep O_RDONLY|O_NONBLOCK
open("/proc/sleep", O_RDONLY|O_NONBLOCK) = -1 EAGAIN (Resource temporarily unavailable)
$ kill -INT %3
$ wait
[1]+  Done                    sleep 1 > /proc/sleep
[2]+  Done                    cat /proc/sleep > /var/log/sleep.out
[3]+  Interrupt               cat /proc/sleep
$ cat /var/log/sleep.out
(empty)
$ open /proc/sleep O_RDWR|O_NONBLOCK
open("/proc/sleep", O_RDWR|O_NONBLOCK) = 3
$ write 3 "second\n"
write(3, "second\n", 7) = 7
$ close 3
close(3) = 0
$ cat /proc/sleep
second
$ sudo rmmod sleep_proc
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
sleep_proc: cat (8) waits for the file
sleep_proc: cat (10) waits for the file
sleep_proc: cat (10) was interrupted

#: A timer function wakes the poll queue: poll and select sleep until the timer fires, or time out before it.
$ sudo insmod timerpoll.ko
$ open /dev/timerpoll O_RDWR
open("/dev/timerpoll", O_RDWR) = 3
$ poll 3:POLLIN|POLLOUT 0
poll([{fd=3, events=POLLIN|POLLOUT}], 1, 0) = 1 ([{fd=3, revents=POLLOUT}])
$ read 3 10
read(3, buf, 10) = -1 EAGAIN (Resource temporarily unavailable)
$ write 3 100
write(3, "100", 3) = 3
$ poll 3 20
poll([{fd=3, events=POLLIN}], 1, 20) = 0 (Timeout)
$ poll 3 2000
poll([{fd=3, events=POLLIN}], 1, 2000) = 1 ([{fd=3, revents=POLLIN}])
$ read 3 10
read(3, "tick\n", 10) = 5
$ write 3 100
write(3, "100", 3) = 3
$ select 3 - - 5
select(4, [3], NULL, NULL, {tv_sec=5, tv_usec=0}) = 1 (in [3])
$ read 3 10
read(3, "tick\n", 10) = 5
$ close 3
close(3) = 0
$ sudo rmmod timerpoll

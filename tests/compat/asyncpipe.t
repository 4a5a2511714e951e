#: LDD3 scullpipe in small, with .poll and .fasync: poll and select see what the driver reports (POLLOUT when empty,
#: POLLIN when data waits), a poll with no timeout sleeps until a write wakes the queue, and with F_SETOWN and
#: O_ASYNC a write sends SIGIO to the owner (a background sleep, whose default action ends it: "I/O possible").
$ sudo insmod asyncpipe.ko
$ open /dev/asyncpipe O_RDWR|O_NONBLOCK
open("/dev/asyncpipe", O_RDWR|O_NONBLOCK) = 3
$ poll 3:POLLIN|POLLOUT 100
poll([{fd=3, events=POLLIN|POLLOUT}], 1, 100) = 1 ([{fd=3, revents=POLLOUT}])
$ poll 3 100
poll([{fd=3, events=POLLIN}], 1, 100) = 0 (Timeout)
$ select 3 - - 0.1
select(4, [3], NULL, NULL, {tv_sec=0, tv_usec=100000}) = 0 (Timeout)
$ write 3 "0123456789abcdefXYZ"
write(3, "0123456789abcdefXYZ", 19) = 16
$ poll 3:POLLIN|POLLOUT 0
poll([{fd=3, events=POLLIN|POLLOUT}], 1, 0) = 1 ([{fd=3, revents=POLLIN}])
$ select 3 3 - 0
select(4, [3], [3], NULL, {tv_sec=0, tv_usec=0}) = 1 (in [3])
$ write 3 more
write(3, "more", 4) = -1 EAGAIN (Resource temporarily unavailable)
$ read 3 10
read(3, "0123456789", 10) = 10
$ poll 3:POLLIN|POLLOUT 0
poll([{fd=3, events=POLLIN|POLLOUT}], 1, 0) = 1 ([{fd=3, revents=POLLIN|POLLOUT}])
$ read 3 10
read(3, "abcdef", 10) = 6
$ read 3 10
read(3, buf, 10) = -1 EAGAIN (Resource temporarily unavailable)
$ poll 3 -1 > /var/log/poll.out &
[1] 11
$ sleep 0.2
$ echo woken > /dev/asyncpipe
$ wait
[1]+  Done                    poll 3 -1 > /var/log/poll.out
$ cat /var/log/poll.out
poll([{fd=3, events=POLLIN}], 1, -1) = 1 ([{fd=3, revents=POLLIN}])
$ read 3 10
read(3, "woken\n", 10) = 6
$ sleep 30 &
[1] 15
$ fcntl 3 F_GETOWN
fcntl(3, F_GETOWN) = 0
$ fcntl 3 F_SETOWN 15
fcntl(3, F_SETOWN, 15) = 0
$ fcntl 3 F_GETFL
fcntl(3, F_GETFL) = 0x8802 (flags O_RDWR|O_NONBLOCK|O_LARGEFILE)
$ fcntl 3 F_SETFL O_RDWR|O_ASYNC
fcntl(3, F_SETFL, O_RDWR|O_ASYNC) = 0
$ fcntl 3 F_GETFL
fcntl(3, F_GETFL) = 0xa002 (flags O_RDWR|O_ASYNC|O_LARGEFILE)
$ write 3 data
write(3, "data", 4) = 4
$ wait
[1]+  I/O possible            sleep 30
$ read 3 10
read(3, "data", 10) = 4
$ fcntl 3 F_SETOWN 999
fcntl(3, F_SETOWN, 999) = -1 ESRCH (No such process)
$ close 3
close(3) = 0
$ sudo rmmod asyncpipe

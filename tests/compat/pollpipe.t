#: LDD3-style blocking pipe with .poll: a non-blocking read of an empty pipe is EAGAIN; a blocked reader (cat in the background) wakes when a write arrives.
$ sudo insmod pollpipe.ko
$ open /dev/pollpipe O_RDWR|O_NONBLOCK
open("/dev/pollpipe", O_RDWR|O_NONBLOCK) = 3
$ read 3 10
read(3, buf, 10) = -1 EAGAIN (Resource temporarily unavailable)
$ write 3 "hello"
write(3, "hello", 5) = 5
$ read 3 10
read(3, "hello", 10) = 5
$ close 3
close(3) = 0
#: The blocked reader's output goes to a file, read after it ends: what a
#: background job prints and when the shell echoes the next command race.
$ cat /dev/pollpipe > /var/log/pollpipe.out &
[1] 5
$ sleep 0.2
$ echo wake > /dev/pollpipe
$ sleep 0.2
$ kill %1
$ wait
[1]+  Terminated              cat /dev/pollpipe > /var/log/pollpipe.out
$ cat /var/log/pollpipe.out
wake
$ sudo rmmod pollpipe

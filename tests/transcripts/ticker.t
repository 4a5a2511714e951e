#: The kernel services of issue 5 in one module (modules/ticker): a timer
#: completes a completion every interval_ms; a kernel thread turns each into
#: a line and wakes the readers of /dev/ticker; every open file has its own
#: place in the ticks. With forget=1 the module leaves everything running at
#: rmmod, and the kernel stops it and says what was left.
$ sudo insmod ticker.ko interval_ms=10 report_ms=60000
$ ls -l /dev/ticker
cr--r--r-- 1 root root 10, 254 DATE /dev/ticker
$ open /dev/ticker O_RDONLY
open("/dev/ticker", O_RDONLY) = 3
$ read 3 64
read(3, "tick 1\n", 64) = 7
$ read 3 64
read(3, "tick 2\n", 64) = 7
$ read 3 64
read(3, "tick 3\n", 64) = 7
$ read 3 4
read(3, buf, 4) = -1 EINVAL (Invalid argument)
$ open /dev/ticker O_RDONLY|O_NONBLOCK
open("/dev/ticker", O_RDONLY|O_NONBLOCK) = 4
$ read 4 64
read(4, "tick 1\n", 64) = 7
$ sudo rmmod ticker
rmmod: ERROR: Module ticker is in use
#: /proc/ticker takes a new interval from root, at most 15 bytes of it.
$ sudo dmesg -C
$ open /proc/ticker O_WRONLY
open("/proc/ticker", O_WRONLY) = -1 EACCES (Permission denied)
$ sudo open /proc/ticker O_WRONLY
open("/proc/ticker", O_WRONLY) = 5
$ write 5 "20\n"
write(5, "20\n", 3) = 3
$ write 5 12345678901234567890
write(5, "12345678901234567890", 20) = -1 EINVAL (Invalid argument)
$ write 5 abc
write(5, "abc", 3) = -1 EINVAL (Invalid argument)
$ close 5
close(5) = 0
$ dmesg
[TIME] ticker: a tick every 20 ms from now on
$ close 3
close(3) = 0
$ close 4
close(4) = 0
$ sudo rmmod ticker
$ sudo insmod ticker.ko forget=1 report_ms=60000
$ sudo dmesg -C
$ sudo rmmod ticker
$ dmesg
[TIME] ticker: leaving the timer, thread and work running (forget=1)
[TIME] ticker: left kernel thread [ticker] running; the kernel stopped it
[TIME] ticker: left a timer pending (function tick_fn [ticker]); the kernel deleted it
[TIME] ticker: left a work item queued (function report_fn [ticker]); the kernel cancelled it
[TIME] ticker: left workqueue ticker_wq; the kernel destroyed it
$ ps
  PID  PPID USER     STAT COMMAND
    1     0 root     R    init
    2     0 root     S    [events]
    3     1 student  R    sh
   18     3 student  R    ps
$ sudo insmod ticker.ko interval_ms=0
[TIME] ticker: interval_ms and report_ms must be at least 1
insmod: ERROR: could not insert module ticker.ko: Invalid parameters
$ lsmod
Module                  Size  Used by

#: /dev/console (drivers/char/console.c, built in): what is written appears
#: on the terminal. Write-only: no read, no lseek; a user may not open it to read.
$ ls -l /dev/console
crw--w--w- 1 root root 5, 1 Nov 26 08:23 /dev/console
$ cat /proc/devices
Character devices:
  1 mem
  5 /dev/console
 10 misc
254 kbd

Block devices:
$ open /dev/console O_WRONLY
open("/dev/console", O_WRONLY) = 3
$ write 3 "hello, console\n"
hello, console
write(3, "hello, console\n", 15) = 15
$ read 3 10
read(3, buf, 10) = -1 EBADF (Bad file descriptor)
$ lseek 3 0 SEEK_SET
lseek(3, 0, SEEK_SET) = -1 ESPIPE (Illegal seek)
$ close 3
close(3) = 0
$ echo written by echo > /dev/console
written by echo
$ open /dev/console O_RDONLY
open("/dev/console", O_RDONLY) = -1 EACCES (Permission denied)
$ sudo open /dev/console O_RDWR
open("/dev/console", O_RDWR) = 3
$ sudo read 3 10
read(3, buf, 10) = -1 EINVAL (Invalid argument)
$ sudo close 3
close(3) = 0
$ cat /sys/class/console/console/dev
5:1

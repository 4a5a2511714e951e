#: scull (drivers/char/scull.c, a module; Linux Device Drivers, chapter 3):
#: memory that behaves like a file and keeps its data after close, until
#: the module is removed.
$ sudo insmod scull.ko
$ ls -l /dev
total 0
crw--w--w- 1 root root   5, 1 Nov 26 08:23 console
crw-rw-rw- 1 root root 254, 0 Nov 26 08:23 kbd
crw-rw-rw- 1 root root   1, 3 Nov 26 08:23 null
crw-rw-rw- 1 root root 253, 0 Nov 26 08:23 scull0
crw-rw-rw- 1 root root 253, 1 Nov 26 08:23 scull1
crw-rw-rw- 1 root root 253, 2 Nov 26 08:23 scull2
crw-rw-rw- 1 root root 253, 3 Nov 26 08:23 scull3
crw-rw-rw- 1 root root   1, 5 Nov 26 08:23 zero
$ cat /proc/devices
Character devices:
  1 mem
  5 /dev/console
 10 misc
253 scull
254 kbd

Block devices:
#: Each echo and cat is an open, a write or read, and a close: the data stays.
$ echo hello, scull > /dev/scull0
$ cat /dev/scull0
hello, scull
$ cat /dev/scull0
hello, scull
$ echo more >> /dev/scull0
$ cat /dev/scull0
hello, scull
more
$ cat /dev/scull1
#: lseek from the end of the data; past the end is allowed, and leaves a hole of zeros.
$ open /dev/scull0 O_RDWR
open("/dev/scull0", O_RDWR) = 3
$ read 3 5
read(3, "hello", 5) = 5
$ lseek 3 -5 SEEK_END
lseek(3, -5, SEEK_END) = 13
$ read 3 100
read(3, "more\n", 100) = 5
$ read 3 100
read(3, "", 100) = 0
$ lseek 3 -1 SEEK_SET
lseek(3, -1, SEEK_SET) = -1 EINVAL (Invalid argument)
$ lseek 3 2 SEEK_END
lseek(3, 2, SEEK_END) = 20
$ write 3 "!"
write(3, "!", 1) = 1
$ close 3
close(3) = 0
$ open /dev/scull0
open("/dev/scull0", O_RDONLY) = 3
$ read 3 100
read(3, "hello, scull\nmore\n\0\0!", 100) = 21
$ close 3
close(3) = 0
#: > opens it O_WRONLY|O_TRUNC, which empties it first.
$ echo new > /dev/scull0
$ cat /dev/scull0
new
$ cat /sys/module/scull/parameters/scull_quantum
4000
#: Removing the module frees the data; a new load starts empty.
$ sudo rmmod scull
$ sudo insmod scull.ko
$ cat /dev/scull0
$ sudo rmmod scull
#: Bad parameters refuse the load; a device may not grow past scull_max_size.
$ sudo insmod scull.ko scull_nr_devs=0
[    0.001349] scull: bad parameters: scull_nr_devs=0 (1-16) scull_quantum=4000 scull_qset=1000 scull_max_size=1048576
insmod: ERROR: could not insert module scull.ko: Invalid parameters
$ sudo insmod scull.ko scull_quantum=8 scull_max_size=20
$ echo 0123456789012345678901234 > /dev/scull0
echo: write error: File too large
#: As in the book, one read stops at the end of a quantum (8 bytes here): cat asks again.
$ open /dev/scull0
open("/dev/scull0", O_RDONLY) = 3
$ read 3 100
read(3, "01234567", 100) = 8
$ lseek 3 0 SEEK_END
lseek(3, 0, SEEK_END) = 20
$ close 3
close(3) = 0

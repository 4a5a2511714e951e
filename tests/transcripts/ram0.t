#: /dev/ram0 (drivers/char/ram0.c, a module): a fixed-size disk in memory.
#: read, write and lseek move through it; the end of the device is the end.
$ sudo insmod ram0.ko size=4096
$ ls -l /dev/ram0
crw-rw-rw- 1 root root 253, 0 Nov 26 08:23 /dev/ram0
$ cat /sys/module/ram0/parameters/size
4096
$ open /dev/ram0 O_RDWR
open("/dev/ram0", O_RDWR) = 3
$ write 3 "hello, disk"
write(3, "hello, disk", 11) = 11
$ lseek 3 0 SEEK_CUR
lseek(3, 0, SEEK_CUR) = 11
#: A second open has a position of its own, at 0.
$ open /dev/ram0 O_RDONLY
open("/dev/ram0", O_RDONLY) = 4
$ read 4 5
read(4, "hello", 5) = 5
$ lseek 4 2 SEEK_CUR
lseek(4, 2, SEEK_CUR) = 7
$ read 4 4
read(4, "disk", 4) = 4
$ lseek 3 0 SEEK_CUR
lseek(3, 0, SEEK_CUR) = 11
$ close 4
close(4) = 0
#: Never-written bytes are zeros; a read stops at the count asked for.
$ read 3 8
read(3, "\0\0\0\0\0\0\0\0", 8) = 8
#: At the end: read returns 0 (end of file), write fails with ENOSPC.
$ lseek 3 0 SEEK_END
lseek(3, 0, SEEK_END) = 4096
$ read 3 10
read(3, "", 10) = 0
$ write 3 x
write(3, "x", 1) = -1 ENOSPC (No space left on device)
#: A write across the end is cut short; so is a read.
$ lseek 3 -4 SEEK_END
lseek(3, -4, SEEK_END) = 4092
$ write 3 "0123456789"
write(3, "0123456789", 10) = 4
$ lseek 3 -4 SEEK_CUR
lseek(3, -4, SEEK_CUR) = 4092
$ read 3 100
read(3, "0123", 100) = 4
#: A position before the start, or past the end, is EINVAL; the position stays.
$ lseek 3 -1 SEEK_SET
lseek(3, -1, SEEK_SET) = -1 EINVAL (Invalid argument)
$ lseek 3 -4097 SEEK_END
lseek(3, -4097, SEEK_END) = -1 EINVAL (Invalid argument)
$ lseek 3 1 SEEK_END
lseek(3, 1, SEEK_END) = -1 EINVAL (Invalid argument)
$ lseek 3 0 SEEK_CUR
lseek(3, 0, SEEK_CUR) = 4096
#: The data lasts while the module is loaded: a new open reads it.
$ close 3
close(3) = 0
$ open /dev/ram0
open("/dev/ram0", O_RDONLY) = 3
$ read 3 11
read(3, "hello, disk", 11) = 11
$ sudo rmmod ram0
rmmod: ERROR: Module ram0 is in use
$ close 3
close(3) = 0
#: A file bigger than the disk: cat writes what fits, then says why it stopped,
#: as GNU cat does.
$ cat ticker.ko > /dev/ram0
cat: write error: No space left on device
$ sudo rmmod ram0
$ ls /dev/ram0
ls: cannot access '/dev/ram0': No such file or directory
#: A size of 0, or more than one kmalloc can hold, refuses the load.
$ sudo insmod ram0.ko size=0
[    0.000998] ram0: size=0: must be 1 to 4194304 bytes
insmod: ERROR: could not insert module ram0.ko: Invalid parameters
$ sudo insmod ram0.ko size=99999999
[    0.001125] ram0: size=99999999: must be 1 to 4194304 bytes
insmod: ERROR: could not insert module ram0.ko: Invalid parameters
[exit 1]

#: LDD3 scull: data in quantum sets (quantum=4, qset=2), a read or write stops at the end of a quantum, llseek
#: with SEEK_SET/CUR/END (a negative position is EINVAL), O_TRUNC empties the device, ioctls get and set the
#: quantum (root only, EBUSY while data is stored, EINVAL for 0).
$ sudo insmod scull_qset.ko quantum=4 qset=2
$ sudo mknod -m 666 /dev/scullq c 253 0
$ open /dev/scullq O_RDWR
open("/dev/scullq", O_RDWR) = 3
$ write 3 abcdefghijklmnopqrstuvwxyz
write(3, "abcdefghijklmnopqrstuvwxyz", 26) = 4
$ write 3 efghijklmnopqrstuvwxyz
write(3, "efghijklmnopqrstuvwxyz", 22) = 4
$ lseek 3 0 SEEK_END
lseek(3, 0, SEEK_END) = 8
$ lseek 3 0 SEEK_SET
lseek(3, 0, SEEK_SET) = 0
$ read 3 100
read(3, "abcd", 100) = 4
$ read 3 100
read(3, "efgh", 100) = 4
$ lseek 3 -2 SEEK_END
lseek(3, -2, SEEK_END) = 6
$ read 3 100
read(3, "gh", 100) = 2
$ read 3 100
read(3, "", 100) = 0
$ lseek 3 -20 SEEK_SET
lseek(3, -20, SEEK_SET) = -1 EINVAL (Invalid argument)
$ lseek 3 30 SEEK_SET
lseek(3, 30, SEEK_SET) = 30
$ read 3 100
read(3, "", 100) = 0
$ lseek 3 3 SEEK_SET
lseek(3, 3, SEEK_SET) = 3
$ write 3 XYZ
write(3, "XYZ", 3) = 1
$ lseek 3 0 SEEK_SET
lseek(3, 0, SEEK_SET) = 0
$ read 3 100
read(3, "abcX", 100) = 4
$ read 3 100
read(3, "efgh", 100) = 4
$ ioctl 3 0x80047101 '&0'
ioctl(3, 0x80047101, [4]) = 0
$ ioctl 3 0x40047102 '&16'
ioctl(3, 0x40047102, [16]) = -1 EPERM (Operation not permitted)
$ sudo ioctl 3 0x40047102 '&16'
ioctl(3, 0x40047102, [16]) = -1 EBUSY (Device or resource busy)
$ ioctl 3 0x7103
ioctl(3, 0x7103, 0) = -1 ENOTTY (Inappropriate ioctl for device)
$ lseek 3 8 SEEK_SET
lseek(3, 8, SEEK_SET) = 8
$ write 3 "\n"
write(3, "\n", 1) = 1
$ close 3
close(3) = 0
$ cat /dev/scullq
abcXefgh
$ open /dev/scullq O_WRONLY|O_TRUNC
open("/dev/scullq", O_WRONLY|O_TRUNC) = 3
$ close 3
close(3) = 0
$ cat /dev/scullq
$ sudo open /dev/scullq O_RDWR
open("/dev/scullq", O_RDWR) = 3
$ sudo ioctl 3 0x40047102 '&0'
ioctl(3, 0x40047102, [0]) = -1 EINVAL (Invalid argument)
$ sudo ioctl 3 0x40047102 '&16'
ioctl(3, 0x40047102, [16]) = 0
$ ioctl 3 0x80047101 '&0'
ioctl(3, 0x80047101, [16]) = 0
$ close 3
close(3) = 0
$ sudo rmmod scull_qset

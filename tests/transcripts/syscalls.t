$ open /dev/kbd O_WRONLY
open("/dev/kbd", O_WRONLY) = 3
$ write 3 hello
write(3, "hello", 5) = -1 EINVAL (Invalid argument)
$ lseek 3 0 SEEK_SET
lseek(3, 0, SEEK_SET) = -1 ESPIPE (Illegal seek)
$ ioctl 3 0x4004
ioctl(3, 0x4004, 0) = -1 ENOTTY (Inappropriate ioctl for device)
$ close 3
close(3) = 0
$ close 3
close(3) = -1 EBADF (Bad file descriptor)
$ read 3 1
read(3, buf, 1) = -1 EBADF (Bad file descriptor)
$ keypress "hi\n"
$ open /dev/kbd O_RDONLY
open("/dev/kbd", O_RDONLY) = 3
$ read 3 1
read(3, "h", 1) = 1
$ read 3 10
read(3, "i\n", 10) = 2
$ write 3 x
write(3, "x", 1) = -1 EBADF (Bad file descriptor)
$ open /dev/kbd O_RDONLY|O_NONBLOCK
open("/dev/kbd", O_RDONLY|O_NONBLOCK) = 4
$ read 4 10
read(4, buf, 10) = -1 EAGAIN (Resource temporarily unavailable)
$ open /dev/zero O_RDWR
open("/dev/zero", O_RDWR) = 5
$ read 5 4
read(5, "\0\0\0\0", 4) = 4
$ read 5 -1
read(5, buf, -1) = -1 EFAULT (Bad address)
$ write 5 anything
write(5, "anything", 8) = 8
$ lseek 5 100 SEEK_SET
lseek(5, 100, SEEK_SET) = 0
$ open /dev/null O_WRONLY
open("/dev/null", O_WRONLY) = 6
$ write 6 gone
write(6, "gone", 4) = 4
$ read 6 1
read(6, buf, 1) = -1 EBADF (Bad file descriptor)
$ open /dev/nothing
open("/dev/nothing", O_RDONLY) = -1 ENOENT (No such file or directory)
$ write 1 "to the terminal\n"
to the terminal
write(1, "to the terminal\n", 16) = 16
$ ls -l /dev
total 0
crw--w--w- 1 root root   5, 1 Jan  1 00:00 console
crw-rw-rw- 1 root root 254, 0 Jan  1 00:00 kbd
crw-rw-rw- 1 root root   1, 3 Jan  1 00:00 null
crw-rw-rw- 1 root root   1, 5 Jan  1 00:00 zero

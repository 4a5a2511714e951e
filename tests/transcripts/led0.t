#: /dev/led0 (drivers/char/led0.c, a module): an LED switched only by ioctl.
#: LED_SET = _IOW('L', 1, int) = 0x40044c01, LED_GET = _IOR('L', 2, int) =
#: 0x80044c02, LED_TOGGLE = _IO('L', 3) = 0x4c03 (drivers/char/led0.h).
#: '&N' passes a pointer to an int holding N; [N] is its value after the call.
$ sudo insmod led0.ko
$ ls -l /dev/led0
crw-rw-rw- 1 root root 253, 0 Nov 26 08:23 /dev/led0
$ ls /sys/class/led/led0
brightness
dev
$ cat /sys/class/led/led0/brightness
0
$ open /dev/led0 O_RDWR
open("/dev/led0", O_RDWR) = 3
$ ioctl 3 0x80044c02 '&9'
ioctl(3, 0x80044c02, [0]) = 0
$ ioctl 3 0x40044c01 '&1'
ioctl(3, 0x40044c01, [1]) = 0
$ ioctl 3 0x80044c02 '&9'
ioctl(3, 0x80044c02, [1]) = 0
$ cat /sys/class/led/led0/brightness
1
$ ioctl 3 0x4c03
ioctl(3, 0x4c03, 0) = 0
$ cat /sys/class/led/led0/brightness
0
#: A value other than 0 or 1 is EINVAL; a command the driver does not know is ENOTTY.
$ ioctl 3 0x40044c01 '&2'
ioctl(3, 0x40044c01, [2]) = -1 EINVAL (Invalid argument)
$ ioctl 3 0x40044c09 '&1'
ioctl(3, 0x40044c09, [1]) = -1 ENOTTY (Inappropriate ioctl for device)
$ ioctl 3 0x1234
ioctl(3, 0x1234, 0) = -1 ENOTTY (Inappropriate ioctl for device)
$ cat /sys/class/led/led0/brightness
0
#: Nothing to read or write, and nowhere to seek.
$ read 3 1
read(3, buf, 1) = -1 EINVAL (Invalid argument)
$ write 3 1
write(3, "1", 1) = -1 EINVAL (Invalid argument)
$ echo 1 > /dev/led0
echo: write error: Invalid argument
$ lseek 3 0 SEEK_SET
lseek(3, 0, SEEK_SET) = -1 ESPIPE (Illegal seek)
#: The sysfs file only shows the state: not even root may write it.
$ sudo echo 1 > /sys/class/led/led0/brightness
simkernel: /sys/class/led/led0/brightness: Permission denied
$ cat /sys/class/led/led0/dev
253:0
$ close 3
close(3) = 0
$ sudo rmmod led0
$ ls /sys/class/led
ls: cannot access '/sys/class/led': No such file or directory
[exit 2]

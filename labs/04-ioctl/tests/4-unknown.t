#: test: a command the device does not know fails with ENOTTY
#: points: 1
$ sudo insmod counter.ko
$ open /dev/counter O_RDWR
open("/dev/counter", O_RDWR) = 3
#: TODO 5: another device's command (here a terminal's TCGETS, 0x5401): -ENOTTY.
$ ioctl 3 0x5401
ioctl(3, 0x5401, 0) = -1 ENOTTY (Inappropriate ioctl for device)
[exit 1]

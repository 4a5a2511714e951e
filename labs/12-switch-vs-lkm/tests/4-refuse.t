#: test: bad sides, other seeks and other commands are refused
#: points: 2
$ sudo insmod dice.ko
$ open /dev/dice O_RDWR
open("/dev/dice", O_RDWR) = 3
#: TODO 4: a die has 2 to 1000 sides.
$ write 3 1
write(3, "1", 1) = -1 EINVAL (Invalid argument)
$ write 3 six
write(3, "six", 3) = -1 EINVAL (Invalid argument)
#: TODO 6: the same limits through ioctl; an unknown command is ENOTTY.
$ ioctl 3 0x40044402 '&5000'
ioctl(3, 0x40044402, [5000]) = -1 EINVAL (Invalid argument)
$ ioctl 3 0x5401
ioctl(3, 0x5401, 0) = -1 ENOTTY (Inappropriate ioctl for device)
#: TODO 5: only back to the start.
$ lseek 3 1 SEEK_SET
lseek(3, 1, SEEK_SET) = -1 EINVAL (Invalid argument)
[exit 1]

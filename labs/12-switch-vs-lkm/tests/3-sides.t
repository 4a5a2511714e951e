#: test: write and DICE_SET_SIDES change this file's die; DICE_GET_SIDES reads it; lseek rolls again
#: points: 3
$ sudo insmod dice.ko
$ open /dev/dice O_RDWR
open("/dev/dice", O_RDWR) = 3
#: TODO 4: a number of sides, written as text.
$ write 3 20
write(3, "20", 2) = 2
#: TODO 6: DICE_GET_SIDES is _IOR('D', 1, int) = 0x80044401.
$ ioctl 3 0x80044401 '&0'
ioctl(3, 0x80044401, [20]) = 0
$ read 3 8
read(3, "{{1..20}}\n", 8) = {{2..3}}
#: TODO 3 and 5: at the end until lseek(fd, 0, SEEK_SET) rewinds.
$ read 3 8
read(3, "", 8) = 0
$ lseek 3 0 SEEK_SET
lseek(3, 0, SEEK_SET) = 0
#: TODO 6: DICE_SET_SIDES is _IOW('D', 2, int) = 0x40044402.
$ ioctl 3 0x40044402 '&2'
ioctl(3, 0x40044402, [2]) = 0
$ read 3 8
read(3, "{{1..2}}\n", 8) = 2
#: A second open file has its own die, with six sides.
$ open /dev/dice O_RDONLY
open("/dev/dice", O_RDONLY) = 4
$ ioctl 4 0x80044401 '&0'
ioctl(4, 0x80044401, [6]) = 0

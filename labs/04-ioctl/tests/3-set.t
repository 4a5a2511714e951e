#: test: COUNTER_SET and COUNTER_RESET change it; a negative value is refused
#: points: 2
$ sudo insmod counter.ko
$ open /dev/counter O_RDWR
open("/dev/counter", O_RDWR) = 3
#: TODO 1 and 3: COUNTER_SET is _IOW('c', 2, int) = 0x40046302.
$ ioctl 3 0x40046302 '&42'
ioctl(3, 0x40046302, [42]) = 0
$ cat /dev/counter
42
#: TODO 3: a negative value: -EINVAL, and the counter keeps its value.
$ ioctl 3 0x40046302 '&-5'
ioctl(3, 0x40046302, [-5]) = -1 EINVAL (Invalid argument)
$ cat /dev/counter
42
#: TODO 1 and 4: COUNTER_RESET is _IO('c', 3) = 0x6303.
$ ioctl 3 0x6303
ioctl(3, 0x6303, 0) = 0
$ cat /dev/counter
0

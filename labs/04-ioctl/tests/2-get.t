#: test: COUNTER_GET reads the counter, which each write moves on
#: points: 2
$ sudo insmod counter.ko
$ echo a > /dev/counter
$ echo b > /dev/counter
$ open /dev/counter O_RDWR
open("/dev/counter", O_RDWR) = 3
#: TODO 1 and 2: COUNTER_GET is _IOR('c', 1, int) = 0x80046301; the driver puts 2 into the int.
$ ioctl 3 0x80046301 '&99'
ioctl(3, 0x80046301, [2]) = 0

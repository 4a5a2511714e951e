#: test: with O_NONBLOCK, an empty mailbox says EAGAIN at once
#: points: 2
$ sudo insmod mailbox.ko
$ open /dev/mailbox O_RDONLY|O_NONBLOCK
open("/dev/mailbox", O_RDONLY|O_NONBLOCK) = 3
#: TODO 1: no message and O_NONBLOCK: -EAGAIN, not 0 (0 would mean end of file).
$ read 3 100
read(3, buf, 100) = -1 EAGAIN (Resource temporarily unavailable)
$ echo once > /dev/mailbox
$ read 3 100
read(3, "once\n", 100) = 5
#: TODO 1: the message was taken: empty again.
$ read 3 100
read(3, buf, 100) = -1 EAGAIN (Resource temporarily unavailable)
[exit 1]

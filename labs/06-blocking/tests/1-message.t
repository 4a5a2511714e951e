#: test: a message written is read once, then it is gone
#: points: 1
$ sudo insmod mailbox.ko
$ echo hello > /dev/mailbox
$ open /dev/mailbox O_RDONLY|O_NONBLOCK
open("/dev/mailbox", O_RDONLY|O_NONBLOCK) = 3
$ read 3 100
read(3, "hello\n", 100) = 6

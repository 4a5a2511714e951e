#: The LKMPG chardev: register_chrdev(0, ...) takes a free major (shown in /proc/devices), a node made by hand with mknod, writes refused with EINVAL.
$ sudo insmod chardev_old.ko
$ cat /proc/devices
Character devices:
  1 mem
  5 /dev/console
 10 misc
253 chardev_old
254 kbd

Block devices:
$ sudo mknod /dev/chardev_old c 253 0
$ sudo cat /dev/chardev_old
I already told you 0 times Hello world!
$ sudo cat /dev/chardev_old
I already told you 1 times Hello world!
$ sudo open /dev/chardev_old O_WRONLY
open("/dev/chardev_old", O_WRONLY) = 3
$ write 3 hi
[    0.002755] Sorry, this operation is not supported.
write(3, "hi", 2) = -1 EINVAL (Invalid argument)
$ close 3
close(3) = 0
$ sudo rmmod chardev_old
$ dmesg -t -l info,alert
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
I was assigned a major number.
Sorry, this operation is not supported.

#: LKMPG chardev: a node made by device_create (0600, root only), one open at a time (EBUSY), a count of opens,
#: writes refused with EINVAL; the module is in use while its file is open (fops owner + try_module_get).
$ sudo insmod chardev_count.ko
$ ls -l /dev/chardev_count
crw------- 1 root root 253, 0 Dec  1 03:45 /dev/chardev_count
$ cat /dev/chardev_count
cat: /dev/chardev_count: Permission denied
$ sudo cat /dev/chardev_count
Opened 1 times
$ sudo cat /dev/chardev_count
Opened 2 times
$ sudo open /dev/chardev_count
open("/dev/chardev_count", O_RDONLY) = 3
$ lsmod
Module                  Size  Used by
chardev_count          20480  2
$ sudo open /dev/chardev_count
open("/dev/chardev_count", O_RDONLY) = -1 EBUSY (Device or resource busy)
$ read 3 100
read(3, "Opened 3 times\n", 100) = 15
$ read 3 100
read(3, "", 100) = 0
$ close 3
close(3) = 0
$ sudo open /dev/chardev_count O_WRONLY
open("/dev/chardev_count", O_WRONLY) = 3
$ write 3 hi
[    0.019535] chardev_count: writing is not supported
write(3, "hi", 2) = -1 EINVAL (Invalid argument)
$ close 3
close(3) = 0
$ lsmod
Module                  Size  Used by
chardev_count          20480  0
$ sudo rmmod chardev_count
$ dmesg -t -l info,alert
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
chardev_count: device created on /dev/chardev_count
chardev_count: writing is not supported

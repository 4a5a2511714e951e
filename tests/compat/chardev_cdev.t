#: The LDD3 character device: alloc_chrdev_region, cdev_add, class_create(THIS_MODULE, ...) and device_create make /dev/chardev0 (mode 0600, as udev leaves it); each open is counted; rmmod removes the node.
$ sudo insmod chardev_cdev.ko
$ ls -l /dev/chardev0
crw------- 1 root root 253, 0 Dec  1 01:26 /dev/chardev0
$ sudo cat /dev/chardev0
I have been opened 1 times
$ sudo cat /dev/chardev0
I have been opened 2 times
$ sudo rmmod chardev_cdev
$ ls /dev/chardev0
ls: cannot access '/dev/chardev0': No such file or directory
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
chardev_cdev: open 1 of minor 0
chardev_cdev: open 2 of minor 0

#: ioctl with _IOR/_IOW/_IO commands: get, set, reset; an unknown command is ENOTTY.
$ sudo insmod ioctl_dev.ko
$ open /dev/ioctl_dev
open("/dev/ioctl_dev", O_RDONLY) = 3
$ ioctl 3 0x80046b02 '&0'
ioctl(3, 0x80046b02, [7]) = 0
$ ioctl 3 0x40046b01 '&99'
ioctl(3, 0x40046b01, [99]) = 0
$ ioctl 3 0x80046b02 '&0'
ioctl(3, 0x80046b02, [99]) = 0
$ ioctl 3 0x6b03
ioctl(3, 0x6b03, 0) = 0
$ ioctl 3 0x80046b02 '&5'
ioctl(3, 0x80046b02, [0]) = 0
$ ioctl 3 0x4b00
ioctl(3, 0x4b00, 0) = -1 ENOTTY (Inappropriate ioctl for device)
$ close 3
close(3) = 0
$ sudo rmmod ioctl_dev
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
ioctl_dev: IOC_SET=0x40046b01 IOC_GET=0x80046b02 IOC_RESET=0x6b03
ioctl_dev: set 99
ioctl_dev: reset

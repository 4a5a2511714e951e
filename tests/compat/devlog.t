#: dev_info/dev_err name the class and the device; dev_dbg prints nothing without DEBUG; class_create(THIS_MODULE, ...) as in Linux 6.1.
$ sudo insmod devlog.ko
[    0.006555] devlog_class devlog0: an error line
$ ls /dev/devlog0
/dev/devlog0
$ sudo rmmod devlog
$ dmesg -t
Linux version 6.8.0-simkernel (simkernel) #1 SMP PREEMPT_DYNAMIC
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
devlog: loading out-of-tree module taints kernel.
devlog: module verification failed: signature and/or required key missing - tainting kernel
devlog_class devlog0: created, copy='truncated'
devlog_class devlog0: an error line
devlog_class devlog0: going away

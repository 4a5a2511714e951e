#: devm_kzalloc and devm_kstrdup on a class device: the memory goes with the device at device_destroy, nothing
#: leaks at rmmod; devm_kfree frees one block early.
$ sudo insmod devm_dev.ko
$ cat /sys/class/devm_demo/devm0/label
managed state
$ ls /dev/devm0
/dev/devm0
$ sudo rmmod devm_dev
$ ls /sys/class/devm_demo
ls: cannot access '/sys/class/devm_demo': No such file or directory
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
devm_demo devm0: state at the device, opens 0

#: LKMPG print_string: the module writes to the tty of whoever loaded it (get_current_tty()->driver->ops->write),
#: not to the log; CR LF ends each line, as a tty wants.
$ sudo insmod print_string.ko
Hello from the kernel\r (re)
$ sudo rmmod print_string
Goodbye from the kernel\r (re)
$ sudo insmod print_string.ko 'greeting="Hi there"'
Hi there\r (re)
$ sudo rmmod print_string
Goodbye from the kernel\r (re)
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process

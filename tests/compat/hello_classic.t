#: The oldest module form (LKMPG hello-1): init_module and cleanup_module by name, __initdata.
$ sudo insmod hello_classic.ko
$ lsmod
Module                  Size  Used by
hello_classic          20480  0
$ sudo rmmod hello_classic
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
Hello world 3.
Goodbye world.

$ lsmod
Module                  Size  Used by
$ insmod hello.ko
insmod: ERROR: could not insert module hello.ko: Operation not permitted
$ sudo insmod hello.ko
[    0.001191] Hello World
$ lsmod
Module                  Size  Used by
hello                  20480  0
$ cat /proc/modules
hello 20480 0 - Live 0x0000000000000000 (OE)
$ dmesg -l alert
[    0.001191] Hello World
$ sudo rmmod hello
[    0.001498] Goodbye
$ lsmod
Module                  Size  Used by
$ dmesg
[    0.000107] Linux version 6.8.0-simkernel (simkernel) #1 SMP PREEMPT_DYNAMIC
[    0.000663] Command line: root=ROOT
[    0.000669] printk: log buffer of 131072 bytes
[    0.000724] kbd: keyboard on IRQ 1, /dev/kbd is 254:0
[    0.000727] Run /sbin/init as init process
[    0.001021] hello: loading out-of-tree module taints kernel.
[    0.001025] hello: module verification failed: signature and/or required key missing - tainting kernel
[    0.001191] Hello World
[    0.001498] Goodbye
$ cat /var/log/system.log
[    0.000107] Linux version 6.8.0-simkernel (simkernel) #1 SMP PREEMPT_DYNAMIC
[    0.000663] Command line: root=ROOT
[    0.000669] printk: log buffer of 131072 bytes
[    0.000724] kbd: keyboard on IRQ 1, /dev/kbd is 254:0
[    0.000727] Run /sbin/init as init process
[    0.001021] hello: loading out-of-tree module taints kernel.
[    0.001025] hello: module verification failed: signature and/or required key missing - tainting kernel
[    0.001191] Hello World
[    0.001498] Goodbye
$ cat /proc/sys/kernel/tainted
12288
$ rmmod hello.ko
rmmod: ERROR: Module hello is not currently loaded
[exit 1]

#: EXPORT_SYMBOL between two modules: the consumer needs the provider loaded first, and holds it in use.
$ sudo insmod export_consumer.ko
insmod: ERROR: could not insert module export_consumer.ko: Unknown symbol in module
$ sudo insmod export_provider.ko
$ sudo insmod export_consumer.ko
$ lsmod
Module                  Size  Used by
export_consumer        20480  0
export_provider        20480  1 export_consumer
$ sudo rmmod export_provider
rmmod: ERROR: Module export_provider is in use by: export_consumer
$ sudo rmmod export_consumer
$ sudo rmmod export_provider
$ dmesg -t
Linux version 6.8.0-simkernel (simkernel) #1 SMP PREEMPT_DYNAMIC
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
export_consumer: loading out-of-tree module taints kernel.
export_consumer: module verification failed: signature and/or required key missing - tainting kernel
export_consumer: Unknown symbol compat_add (err -2)
export_provider: ready
export_consumer: 2 + 3 = 5

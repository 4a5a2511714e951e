#: ktime_get across msleep, random numbers, current->comm, capable() and init_utsname().
$ sudo insmod ktimes.ko
$ dmesg -t
Linux version 6.8.0-simkernel (simkernel) #1 SMP PREEMPT_DYNAMIC
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
ktimes: loading out-of-tree module taints kernel.
ktimes: module verification failed: signature and/or required key missing - tainting kernel
ktimes: slept at least 20 ms: yes
ktimes: ktime_get_ns advanced: yes
ktimes: random below 10 is in range, bytes vary: yes
ktimes: loaded by insmod, CAP_SYS_ADMIN 1, release set

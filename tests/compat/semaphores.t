#: A binary semaphore, a counting semaphore and an rw_semaphore: what the trylock forms answer in each state.
$ sudo insmod semaphores.ko
$ dmesg -t
Linux version 6.8.0-simkernel (simkernel) #1 SMP PREEMPT_DYNAMIC
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
semaphores: loading out-of-tree module taints kernel.
semaphores: module verification failed: signature and/or required key missing - tainting kernel
single: down_trylock while held = 1
single: down_trylock after up = 0
pool: third down_trylock = 1
rwsem: second reader trylock = 1, writer trylock = 0
rwsem: writer trylock when free = 1

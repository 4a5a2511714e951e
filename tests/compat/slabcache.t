#: A kmem_cache with a constructor (LDD3 scullc): objects allocated at load, freed and the cache destroyed at unload.
$ sudo insmod slabcache.ko
$ lsmod
Module                  Size  Used by
slabcache              20480  0
$ sudo rmmod slabcache
$ dmesg -t
Linux version 6.8.0-simkernel (simkernel) #1 SMP PREEMPT_DYNAMIC
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
slabcache: loading out-of-tree module taints kernel.
slabcache: module verification failed: signature and/or required key missing - tainting kernel
slabcache: 4 objects of 104 bytes, 4 constructed
slabcache: destroyed

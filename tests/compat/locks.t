#: Every lock kind: mutex, spinlock (irqsave), rwlock, and what trylock answers while each is held.
$ sudo insmod locks.ko
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
locks: mutex held, trylock=0 locked=1
locks: spinlock held, trylock=0
locks: reader in, write_trylock=0
locks: counter=3

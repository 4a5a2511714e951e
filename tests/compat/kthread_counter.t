#: Four kernel threads add to one counter under a mutex: no update is lost.
$ sudo insmod kthread_counter.ko rounds=2000
$ sleep 0.3
$ sudo rmmod kthread_counter
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
kthread_counter: 4 threads added 8000 times: counter 8000

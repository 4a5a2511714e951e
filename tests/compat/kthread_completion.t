#: A kernel thread fills a list and signals a completion; init waits for it; kthread_stop returns what the thread returned.
$ sudo insmod kthread_completion.ko
$ sudo rmmod kthread_completion
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
kthread_completion: item 1
kthread_completion: item 4
kthread_completion: item 9
kthread_completion: thread returned 42

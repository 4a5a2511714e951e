#: A kernel thread ends itself with kthread_complete_and_exit: the code after it never runs, the module waits
#: on the completion, and kthread_stop returns the exit code.
$ sudo insmod kthread_exit.ko
$ sudo rmmod kthread_exit
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
kthread_exit: counter counts 1
kthread_exit: counter counts 2
kthread_exit: counter counts 3
kthread_exit: the thread ended with 103

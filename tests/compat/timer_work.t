#: A timer queues work, the work re-arms the timer, three times; the work reads a spinlock-protected counter; init waits for the third tick.
$ sudo insmod timer_work.ko
$ sudo rmmod timer_work
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
timer_work: work after tick 1
timer_work: work after tick 2
timer_work: work after tick 3
timer_work: stopped after 3 ticks

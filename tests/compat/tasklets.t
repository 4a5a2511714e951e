#: Tasklets: DECLARE_TASKLET, tasklet_init with data, tasklet_hi_schedule ahead of tasklet_schedule, one run for two schedules, DECLARE_TASKLET_DISABLED waiting for tasklet_enable, tasklet_kill; a tasklet left scheduled at rmmod is killed and named; a tasklet that sleeps is told it runs in softirq context.
$ sudo insmod tasklets.ko
$ sudo rmmod tasklets
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
tasklets: first tasklet schedules a normal one, then a high-priority one
tasklets: the high-priority tasklet runs first, in_interrupt() 1
tasklets: the normal tasklet runs after it
tasklets: while disabled it ran 0 times
tasklets: old-style tasklet, data 42
tasklets: scheduled twice, enabled, it ran 1 time(s)
tasklets: the gated tasklet ran
tasklets: all killed
$ sudo insmod tasklets.ko forget=1
$ sudo rmmod tasklets
$ dmesg -t -l warn
tasklets: loading out-of-tree module taints kernel.
tasklets: left a tasklet scheduled (function gated_fn [tasklets]); the kernel killed it
$ sudo insmod tasklets.ko sleep=1
[TIME] BUG: sleeping function called from invalid context at timer.c:2105
[TIME] in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 0, name: swapper/0
[TIME] preempt_count: 100, expected: 0
[TIME] RCU nest depth: 0, expected: 0
[TIME] no locks held by swapper/0.
[TIME] CPU: 0 PID: 0 Comm: swapper/0 Tainted: G           OE      6.8.0-simkernel #1
[TIME] Hardware name: simkernel
[TIME] Call Trace:
[TIME]  <IRQ>
[TIME]  first_fn+OFF [tasklets]
[TIME]  tasklet_action+OFF
[TIME]  </IRQ>
[TIME] simkernel: first_fn+OFF [tasklets] may sleep, and a tasklet must not: defer the work to a work queue (schedule_work), or use GFP_ATOMIC
[TIME] BUG: scheduling while atomic: a tasklet tried to sleep; the sleep was skipped
$ sudo rmmod tasklets
$ lsmod
Module                  Size  Used by

#: Atomic bit operations on a DECLARE_BITMAP, and atomic_t.
$ sudo insmod bits.ko
$ dmesg -t
Linux version 6.8.0-simkernel (simkernel) #1 SMP PREEMPT_DYNAMIC
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
bits: loading out-of-tree module taints kernel.
bits: module verification failed: signature and/or required key missing - tainting kernel
test_and_set_bit(70)=1
test_and_set_bit(71)=0
test_and_clear_bit(4)=1
test_bit(4)=0
bit 70 set
bit 71 set
find_first_zero_bit=0 hweight=8
atomic_dec_and_test=0
value=5

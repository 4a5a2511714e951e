#: A misc device over one buffer (simple_read_from_buffer / simple_write_to_buffer) and a /proc file read with kstrtoint_from_user and get_user on a const char __user *.
$ sudo insmod userbuf.ko
$ cat /dev/userbuf
initial contents
$ echo replaced > /dev/userbuf
$ cat /dev/userbuf
replaced
ontents
$ echo 0 > /proc/userbuf_number
$ cat /proc/userbuf_number
0
$ echo 0x2a > /proc/userbuf_number
$ cat /proc/userbuf_number
42
$ echo abc > /proc/userbuf_number
echo: write error: Invalid argument
$ dmesg -t
Linux version 6.8.0-simkernel (simkernel) #1 SMP PREEMPT_DYNAMIC
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
userbuf: loading out-of-tree module taints kernel.
userbuf: module verification failed: signature and/or required key missing - tainting kernel
userbuf: number=0 (first char '0')
userbuf: number=42 (first char '0')

#: print_hex_dump in Linux layout, pr_info_once and pr_info_ratelimited (10 of 15 printed); dmesg -x decodes facility and level.
$ sudo insmod hexdump.ko
$ dmesg -t
Linux version 6.8.0-simkernel (simkernel) #1 SMP PREEMPT_DYNAMIC
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
hexdump: loading out-of-tree module taints kernel.
hexdump: module verification failed: signature and/or required key missing - tainting kernel
data: 00000000: 48 65 6c 6c 6f 2c 20 73 69 6d 6b 65 72 6e 65 6c  Hello, simkernel
data: 00000010: 21 20 01 02 ff 00                                ! ....
words: 6c6c6548 73202c6f 656b6d69 6c656e72
printed once (i=0)
ratelimited 0
ratelimited 1
ratelimited 2
ratelimited 3
ratelimited 4
ratelimited 5
ratelimited 6
ratelimited 7
ratelimited 8
ratelimited 9
$ dmesg -x -l info
kern  :info  : [    0.000258] Command line: root=ROOT
kern  :info  : [    0.000261] printk: log buffer of 131072 bytes
kern  :info  : [    0.015171] kbd: keyboard on IRQ 1, /dev/kbd is 254:0
kern  :info  : [    0.015198] Run /sbin/init as init process
kern  :info  : [    0.016635] data: 00000000: 48 65 6c 6c 6f 2c 20 73 69 6d 6b 65 72 6e 65 6c  Hello, simkernel
kern  :info  : [    0.016639] data: 00000010: 21 20 01 02 ff 00                                ! ....
kern  :info  : [    0.016641] words: 6c6c6548 73202c6f 656b6d69 6c656e72
kern  :info  : [    0.016643] printed once (i=0)
kern  :info  : [    0.016645] ratelimited 0
kern  :info  : [    0.016646] ratelimited 1
kern  :info  : [    0.016647] ratelimited 2
kern  :info  : [    0.016648] ratelimited 3
kern  :info  : [    0.016649] ratelimited 4
kern  :info  : [    0.016650] ratelimited 5
kern  :info  : [    0.016651] ratelimited 6
kern  :info  : [    0.016652] ratelimited 7
kern  :info  : [    0.016653] ratelimited 8
kern  :info  : [    0.016654] ratelimited 9

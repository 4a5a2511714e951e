#: The string library through <linux/module.h> and <linux/slab.h> alone (Linux brings <linux/string.h> along): kstrdup, kasprintf, strim, strsep, kstrtoint.
$ sudo insmod strings.ko
$ sudo rmmod strings
$ dmesg -t
Linux version 6.8.0-simkernel (simkernel) #1 SMP PREEMPT_DYNAMIC
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
strings: loading out-of-tree module taints kernel.
strings: module verification failed: signature and/or required key missing - tainting kernel
strlen=9 strcmp=0
strim='padded'
kstrdup=copy kasprintf=copy-42
kstrtoint("0\n")=0 v=0
kstrtol("0x1f")=0 l=31
kstrtoint("12abc")=-22
token a
token b
token c

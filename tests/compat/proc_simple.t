#: A /proc file without seq_file (LKMPG procfs1): one line, then end of file; gone after rmmod.
$ sudo insmod proc_simple.ko
$ cat /proc/helloworld
HelloWorld!
$ sudo rmmod proc_simple
$ cat /proc/helloworld
cat: /proc/helloworld: No such file or directory
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
/proc/helloworld created
procfile read helloworld
/proc/helloworld removed

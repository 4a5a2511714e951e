#: LDD3 sleepy: a reader sleeps until a writer wakes it; a second reader is ended by SIGINT (-ERESTARTSYS).
$ sudo insmod sleepy.ko
$ cat /dev/sleepy &
[1] 5
$ sleep 0.2
$ echo x > /dev/sleepy
$ wait
[1]+  Done                    cat /dev/sleepy
$ sleep 0.2
$ cat /dev/sleepy &
[1] 9
$ sleep 0.2
$ kill -INT %1
$ wait
[1]+  Interrupt               cat /dev/sleepy
$ sudo rmmod sleepy
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
process 5 (cat) going to sleep
process 7 (echo) awakening the readers...
awoken 5 (cat)
process 9 (cat) going to sleep
process 9 (cat) interrupted by a signal

#: test: rmmod gives the IRQ back; keys after it go to the kbd driver alone
#: points: 2
$ sudo dmesg -n 1
$ sudo insmod keycount.ko
$ sudo dmesg -C
$ sudo rmmod keycount
#: TODO 4: a handler left registered would be called after its code is gone; simkernel frees it and says so.
$ dmesg -l warn
$ keypress x
$ cat /proc/keycount
cat: /proc/keycount: No such file or directory
[exit 1]

#: test: rmmod removes /proc/squares
#: points: 1
$ sudo dmesg -n 1
$ sudo insmod squares.ko
$ sudo dmesg -C
$ sudo rmmod squares
#: TODO 6: a /proc file left behind would be read with its functions gone; simkernel removes it and says so here.
$ dmesg -l warn
$ cat /proc/squares
cat: /proc/squares: No such file or directory
[exit 1]

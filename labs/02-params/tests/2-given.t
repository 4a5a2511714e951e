#: test: count=3 name=class: three greetings, the values in sysfs
#: points: 2
$ sudo dmesg -n 1
$ sudo dmesg -C
#: TODO 1 and 2: insmod accepts only declared parameters ("Invalid parameters" otherwise).
$ sudo insmod knobs.ko count=3 name=class
$ dmesg -l info
[    0.000000] knobs: hello, class (1 of 3)
[    0.000000] knobs: hello, class (2 of 3)
[    0.000000] knobs: hello, class (3 of 3)
$ cat /sys/module/knobs/parameters/name
class

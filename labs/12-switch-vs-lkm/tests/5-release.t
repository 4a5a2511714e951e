#: test: each open file's die is freed at close: no leak at rmmod
#: points: 2
$ sudo dmesg -n 1
$ sudo insmod dice.ko
$ cat /dev/dice
{{1..6}}
$ cat /dev/dice
{{1..6}}
$ sudo dmesg -C
$ sudo rmmod dice
#: TODO 2: release frees what open allocated; simkernel reports what was not.
$ dmesg -l warn

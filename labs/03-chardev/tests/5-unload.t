#: test: rmmod removes everything, and the module loads again
#: points: 2
$ sudo dmesg -n 1
$ sudo insmod board.ko
$ sudo dmesg -C
$ sudo rmmod board
#: TODO 6: what board_exit does not undo, the kernel undoes for you, and says so here.
$ dmesg -l warn
$ ls /dev
console
kbd
null
zero
$ cat /proc/devices
Character devices:
  1 mem
  5 /dev/console
 10 misc
254 kbd

Block devices:
#: TODO 6: what was left behind would make this second load fail.
$ sudo insmod board.ko
$ ls /dev/board
/dev/board

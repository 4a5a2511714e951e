#: test: loading registers "board" and makes /dev/board
#: points: 2
$ sudo dmesg -n 1
$ sudo dmesg -C
$ sudo insmod board.ko
#: TODO 1: alloc_chrdev_region gives a free major and names it "board" in /proc/devices.
$ cat /proc/devices
Character devices:
  1 mem
  5 /dev/console
 10 misc
{{200..511}} board
254 kbd

Block devices:
#: TODO 3: device_create makes the node /dev/board.
$ ls /dev
board
console
kbd
null
zero
$ dmesg -l info
[    0.000000] board: major {{200..511}}

#: args: --no-builtin
#: The drivers built as modules: a kernel booted without them gains them at run time.
$ ls /dev
$ cat /proc/devices
Character devices:
 10 misc

Block devices:
$ ls /lib/modules/6.8.0-simkernel/kernel/drivers/char
console.ko
kbd.ko
led0.ko
null.ko
ram0.ko
scull.ko
zero.ko
$ sudo insmod /lib/modules/6.8.0-simkernel/kernel/drivers/char/null.ko
$ sudo insmod zero.ko
$ sudo insmod kbd.ko
$ lsmod
Module                  Size  Used by
kbd                    20480  0
zero                   20480  0
null                   20480  0
$ cat /proc/devices
Character devices:
  1 mem
 10 misc
254 kbd

Block devices:
$ ls -l /dev
total 0
crw-rw-rw- 1 root root 254, 0 Nov 26 07:10 kbd
crw-rw-rw- 1 root root   1, 3 Nov 26 07:10 null
crw-rw-rw- 1 root root   1, 5 Nov 26 07:10 zero
$ open /dev/kbd
open("/dev/kbd", O_RDONLY) = 3
$ keypress hi
$ read 3 10
read(3, "hi", 10) = 2
$ sudo rmmod kbd
rmmod: ERROR: Module kbd is in use
$ close 3
close(3) = 0
$ sudo rmmod kbd
$ ls /dev
null
zero

#: module_param_cb with a setter that accepts 0..100: a bad value is refused at insmod (Invalid parameters) and
#: on a write to /sys/module/.../parameters/level (EINVAL), keeping the old value.
$ sudo insmod param_cb.ko level=101
[    0.017404] param_cb: `101' invalid for parameter `level'
insmod: ERROR: could not insert module param_cb.ko: Invalid parameters
$ sudo insmod param_cb.ko level=20
$ cat /sys/module/param_cb/parameters/level
20
$ sudo open /sys/module/param_cb/parameters/level O_WRONLY
open("/sys/module/param_cb/parameters/level", O_WRONLY) = 3
$ write 3 "75\n"
write(3, "75\n", 3) = 3
$ write 3 "150\n"
write(3, "150\n", 4) = -1 EINVAL (Invalid argument)
$ write 3 "x"
write(3, "x", 1) = -1 EINVAL (Invalid argument)
$ close 3
close(3) = 0
$ cat /sys/module/param_cb/parameters/level
75
$ sudo rmmod param_cb
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
param_cb: level 50 -> 20
param_cb: loaded with level 20
param_cb: level 20 -> 75
param_cb: unloaded with level 75

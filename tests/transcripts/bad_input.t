$ sudo insmod nothere.ko
insmod: ERROR: could not load module nothere.ko: No such file or directory
$ echo "not an elf" > /var/log/junk.ko
$ sudo insmod /var/log/junk.ko
insmod: ERROR: could not insert module /var/log/junk.ko: Invalid module format
$ sudo insmod test_nomodinfo.ko
[    0.000632] module: no .modinfo section (was it built with the SDK's module.h?)
insmod: ERROR: could not insert module test_nomodinfo.ko: Invalid module format
$ sudo insmod test_badmagic.ko
[    0.000682] test_badmagic: version magic '6.1.0-18-amd64 SMP preempt mod_unload modversions ' should be '6.8.0-simkernel SMP preempt mod_unload '
insmod: ERROR: could not insert module test_badmagic.ko: Invalid module format
$ sudo insmod test_unknown_sym.ko
insmod: ERROR: could not insert module test_unknown_sym.ko: Unknown symbol in module
$ sudo insmod test_noinit.ko
[    0.001012] test_noinit: no init_module: nothing to run (was it built with the SDK?)
insmod: ERROR: could not insert module test_noinit.ko: Invalid module format
$ sudo insmod test_enodev.ko
[    0.001249] test_enodev: no device found
insmod: ERROR: could not insert module test_enodev.ko: No such device
$ sudo insmod test_leaky_init.ko
[    0.001504] test_leaky_init: failing with everything still held
insmod: ERROR: could not insert module test_leaky_init.ko: Input/output error
$ lsmod
Module                  Size  Used by
$ cat /proc/devices
Character devices:
  1 mem
  5 /dev/console
 10 misc
254 kbd

Block devices:
$ ls /dev
console
kbd
null
zero
$ sudo insmod test_chrdev.ko
[    0.001809] test_chrdev: loaded, major 253
$ sudo insmod test_chrdev.ko
insmod: ERROR: could not insert module test_chrdev.ko: File exists
$ open /dev/test_chrdev
open("/dev/test_chrdev", O_RDONLY) = 3
$ sudo rmmod test_chrdev
rmmod: ERROR: Module test_chrdev is in use
$ read 3 100
read(3, "hello from test_chrdev\n", 100) = 23
$ close 3
close(3) = 0
$ sudo rmmod test_chrdev
[    0.001915] test_chrdev: unloaded
$ sudo insmod test_noexit.ko
[    0.002123] test_noexit: loaded for good
$ sudo rmmod test_noexit
rmmod: ERROR: could not remove module test_noexit: Device or resource busy
$ sudo rmmod nothere
rmmod: ERROR: Module nothere is not currently loaded
$ rmmod test_noexit
rmmod: ERROR: could not remove module test_noexit: Operation not permitted
$ sudo insmod null.ko
insmod: ERROR: could not insert module null.ko: Device or resource busy
$ lsmod
Module                  Size  Used by
test_noexit            20480  0
$ dmesg -l err,warn
[    0.000632] module: no .modinfo section (was it built with the SDK's module.h?)
[    0.000682] test_badmagic: version magic '6.1.0-18-amd64 SMP preempt mod_unload modversions ' should be '6.8.0-simkernel SMP preempt mod_unload '
[    0.000720] test_unknown_sym: Unknown symbol printf (err -2)
[    0.001012] test_noinit: no init_module: nothing to run (was it built with the SDK?)
[    0.001249] test_enodev: no device found
[    0.001504] test_leaky_init: failing with everything still held
[    0.001516] test_leaky_init: left char device region 253:0-255 "test_leaky" registered; the kernel removed it
[    0.001523] test_leaky_init: left device test_leaky (253:0) behind; the kernel removed it
[    0.001526] test_leaky_init: left class test_leaky behind; the kernel removed it
[    0.001530] test_leaky_init: left IRQ 5 handler "test_leaky" registered; the kernel freed it
[    0.001533] test_leaky_init: leaked 128 bytes in 2 allocations; the kernel freed them
[    0.001534] unreferenced object 0x0000000000000000 (size 28):
\[TIME\]   comm "insmod", pid 12, jiffies [0-9]+ \(age [0-9.]+s\) (re)
[    0.001535]   backtrace:
\[TIME\]     \[<[0-9a-f]{16}>\] tl_init\+OFF \[test_leaky_init\] (re)
[    0.001534] unreferenced object 0x0000000000000000 (size 100):
\[TIME\]   comm "insmod", pid 12, jiffies [0-9]+ \(age [0-9.]+s\) (re)
[    0.001535]   backtrace:
\[TIME\]     \[<[0-9a-f]{16}>\] tl_init\+OFF \[test_leaky_init\] (re)
[exit 0]

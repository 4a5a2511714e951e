#: Every module of modules/ and drivers/ is installed in a new root and indexed before the first command, so
#: modprobe works at once; the drivers built into the kernel are "builtin" to modprobe -r and rmmod, as on Linux.
$ modinfo -n hello params hello_init hello-cpp startstop syscall_logger stack_provider stack_consumer gpl_provider gpl_consumer
/lib/modules/6.8.0-simkernel/extra/hello.ko
/lib/modules/6.8.0-simkernel/extra/params.ko
/lib/modules/6.8.0-simkernel/extra/hello-init.ko
/lib/modules/6.8.0-simkernel/extra/hello-cpp.ko
/lib/modules/6.8.0-simkernel/extra/startstop.ko
/lib/modules/6.8.0-simkernel/extra/syscall_logger.ko
/lib/modules/6.8.0-simkernel/extra/stack_provider.ko
/lib/modules/6.8.0-simkernel/extra/stack_consumer.ko
/lib/modules/6.8.0-simkernel/extra/gpl_provider.ko
/lib/modules/6.8.0-simkernel/extra/gpl_consumer.ko
$ modinfo -n null zero kbd console ram0 led0 scull
/lib/modules/6.8.0-simkernel/kernel/drivers/char/null.ko
/lib/modules/6.8.0-simkernel/kernel/drivers/char/zero.ko
/lib/modules/6.8.0-simkernel/kernel/drivers/char/kbd.ko
/lib/modules/6.8.0-simkernel/kernel/drivers/char/console.ko
/lib/modules/6.8.0-simkernel/kernel/drivers/char/ram0.ko
/lib/modules/6.8.0-simkernel/kernel/drivers/char/led0.ko
/lib/modules/6.8.0-simkernel/kernel/drivers/char/scull.ko
$ sudo modprobe hello
[    0.008128] Hello World
$ sudo modprobe params
$ sudo modprobe stack_consumer
$ lsmod
Module                  Size  Used by
stack_consumer         20480  0
stack_provider         20480  1 stack_consumer
params                 20480  0
hello                  20480  0
$ sudo modprobe -r -a hello params stack_consumer
[    0.013275] Goodbye
$ lsmod
Module                  Size  Used by
$ ls /sys/module
console
kbd
null
zero
$ sudo modprobe zero
$ sudo modprobe -r zero
modprobe: FATAL: Module zero is builtin.
$ sudo modprobe -r -q zero
$ sudo rmmod null
rmmod: ERROR: Module null is builtin.
$ modprobe --show-depends null
insmod /lib/modules/6.8.0-simkernel/kernel/drivers/char/null.ko 
$ lsmod
Module                  Size  Used by

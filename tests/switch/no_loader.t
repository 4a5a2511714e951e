#: The switch kernel (build/bin/simkernel-switch) has no module loader:
#: insmod fails as on a Linux built without CONFIG_MODULES, and the kernel
#: says why, on the console and in its log. Its devices still work.
$ lsmod
Module                  Size  Used by
$ sudo insmod hello.ko
[    0.000644] init_module: this kernel has no module loader: its devices are the cases of its dev_func_* switches. To add one, add a case to each, rebuild the kernel and restart it.
insmod: ERROR: could not insert module hello.ko: Function not implemented
$ insmod hello.ko
[    0.000669] init_module: this kernel has no module loader: its devices are the cases of its dev_func_* switches. To add one, add a case to each, rebuild the kernel and restart it.
insmod: ERROR: could not insert module hello.ko: Function not implemented
$ lsmod
Module                  Size  Used by
$ cat /proc/modules
$ rmmod hello
rmmod: ERROR: Module hello is not currently loaded
$ dmesg -l err
[    0.000644] init_module: this kernel has no module loader: its devices are the cases of its dev_func_* switches. To add one, add a case to each, rebuild the kernel and restart it.
[    0.000669] init_module: this kernel has no module loader: its devices are the cases of its dev_func_* switches. To add one, add a case to each, rebuild the kernel and restart it.
$ cat /dev/null
$ echo through the switch > /dev/null
$ open /dev/zero
open("/dev/zero", O_RDONLY) = 3
$ read 3 2
read(3, "\0\0", 2) = 2

#: depmod reports a dependency cycle as kmod 30 does, leaves the cyclic modules out, and writes the rest.
$ cp kt_cyc_a.ko /lib/modules/6.8.0-simkernel/extra/
$ cp kt_cyc_b.ko /lib/modules/6.8.0-simkernel/extra/
$ cp kt_base.ko /lib/modules/6.8.0-simkernel/extra/
$ sudo depmod
depmod: ERROR: Cycle detected: kt_cyc_a -> kt_cyc_b -> kt_cyc_a
depmod: ERROR: Found 2 modules in dependency cycles!
$ sudo modprobe kt_cyc_a
modprobe: FATAL: Module kt_cyc_a not found in directory /lib/modules/6.8.0-simkernel
$ modprobe --show-depends kt_base
insmod /lib/modules/6.8.0-simkernel/extra/kt_base.ko 
$ sudo insmod kt_cyc_a.ko
insmod: ERROR: could not insert module kt_cyc_a.ko: Unknown symbol in module
$ depmod -n -b /nonexistent
depmod: ERROR: could not open directory /nonexistent/lib/modules/6.8.0-simkernel: No such file or directory
depmod: FATAL: could not search modules: No such file or directory
[exit 1]

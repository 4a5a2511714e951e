#: The course's module workflow with a dependency stack: cp -> depmod -> modprobe -> lsmod -> modprobe -r.
#: kt_top needs kt_mid, which needs kt_base; kt_top also names kt_soft as a softdep (tests/kmod_unit/modules).
$ modprobe kt_top
modprobe: FATAL: Module kt_top not found in directory /lib/modules/6.8.0-simkernel
$ cp kt_base.ko /lib/modules/6.8.0-simkernel/extra/
$ cp kt_mid.ko /lib/modules/6.8.0-simkernel/extra/
$ cp kt_soft.ko /lib/modules/6.8.0-simkernel/extra/
$ cp kt_top.ko /lib/modules/6.8.0-simkernel/extra/
$ sudo depmod
$ modinfo kt_top
filename:       /lib/modules/6.8.0-simkernel/extra/kt_top.ko
softdep:        pre: kt_soft
alias:          kt-stack:*
license:        GPL
depends:        kt_mid
intree:         Y
name:           kt_top
vermagic:       6.8.0-simkernel SMP preempt mod_unload 
$ modprobe --show-depends kt_top
insmod /lib/modules/6.8.0-simkernel/extra/kt_base.ko 
insmod /lib/modules/6.8.0-simkernel/extra/kt_mid.ko 
insmod /lib/modules/6.8.0-simkernel/extra/kt_soft.ko 
insmod /lib/modules/6.8.0-simkernel/extra/kt_top.ko 
$ modprobe kt_top
modprobe: ERROR: could not insert 'kt_top': Operation not permitted
$ sudo modprobe -v kt_top
insmod /lib/modules/6.8.0-simkernel/extra/kt_base.ko 
insmod /lib/modules/6.8.0-simkernel/extra/kt_mid.ko 
insmod /lib/modules/6.8.0-simkernel/extra/kt_soft.ko 
insmod /lib/modules/6.8.0-simkernel/extra/kt_top.ko 
$ lsmod
Module                  Size  Used by
kt_top                 20480  0
kt_soft                20480  0
kt_mid                 20480  1 kt_top
kt_base                20480  1 kt_mid
$ cat /sys/module/kt_base/refcnt
1
$ ls /sys/module/kt_mid/holders
kt_top
$ sudo modprobe kt_top
$ sudo modprobe --first-time kt_top
modprobe: ERROR: could not insert 'kt_top': Module already in kernel
$ sudo rmmod kt_mid
rmmod: ERROR: Module kt_mid is in use by: kt_top
$ sudo modprobe -r kt_mid
modprobe: FATAL: Module kt_mid is in use.
$ sudo modprobe -r -v kt_top
rmmod kt_top
rmmod kt_mid
rmmod kt_base
rmmod kt_soft
$ lsmod
Module                  Size  Used by
$ sudo modprobe kt-bottom
$ sudo modprobe kt-stack:thing x
[    0.004980] kt_top: unknown parameter 'x'
modprobe: ERROR: could not insert 'kt_top': Invalid argument
$ lsmod
Module                  Size  Used by
kt_base                20480  0
$ sudo modprobe -r -a kt_top kt_soft kt_base
$ lsmod
Module                  Size  Used by

#: modprobe, modinfo and rmmod on bad input: kmod's messages; a failing dependency leaves nothing loaded.
$ sudo modprobe nothere
modprobe: FATAL: Module nothere not found in directory /lib/modules/6.8.0-simkernel
$ sudo modprobe char-major-99-0
modprobe: FATAL: Module char-major-99-0 not found in directory /lib/modules/6.8.0-simkernel
$ sudo modprobe -q nothere
$ sudo modprobe -r nothere
modprobe: FATAL: Module nothere not found.
$ modinfo nothere
modinfo: ERROR: Module nothere not found.
$ modinfo nothere.ko
modinfo: ERROR: Module nothere.ko not found.
$ modprobe
modprobe: ERROR: missing parameters. See -h.
$ echo "alias myfs nothere_mod" > /etc/modprobe.d/myfs.conf
$ sudo modprobe myfs
modprobe: ERROR: could not find module by name='nothere_mod'
modprobe: ERROR: could not insert 'nothere_mod': Unknown symbol in module, or unknown parameter (see dmesg)
$ echo "extra/gone.ko:" >> /lib/modules/6.8.0-simkernel/modules.dep
$ sudo modprobe gone
modprobe: ERROR: could not insert 'gone': No such file or directory
$ echo "frobnicate hello" > /etc/modprobe.d/bad.conf
$ echo "options stack_consumer x=40" >> /etc/modprobe.d/bad.conf
$ echo "options" >> /etc/modprobe.d/bad.conf
$ modprobe --show-depends stack_consumer
modprobe: ERROR: /etc/modprobe.d/bad.conf line 1: ignoring bad line starting with 'frobnicate'
modprobe: ERROR: /etc/modprobe.d/bad.conf line 3: ignoring bad line starting with 'options'
insmod /lib/modules/6.8.0-simkernel/extra/stack_provider.ko 
insmod /lib/modules/6.8.0-simkernel/extra/stack_consumer.ko x=40 
$ echo "# fixed" > /etc/modprobe.d/bad.conf
$ sudo modprobe stack_consumer y=2
$ lsmod
Module                  Size  Used by
stack_consumer         20480  0
stack_provider         20480  1 stack_consumer
$ sudo rmmod stack_provider
rmmod: ERROR: Module stack_provider is in use by: stack_consumer
$ sudo modprobe -r stack_provider
modprobe: FATAL: Module stack_provider is in use.
$ sudo modprobe -r stack_consumer
$ cp kt_base.ko /lib/modules/6.8.0-simkernel/extra/
$ cp kt_mid.ko /lib/modules/6.8.0-simkernel/extra/
$ cp kt_top.ko /lib/modules/6.8.0-simkernel/extra/
$ cp kt_soft.ko /lib/modules/6.8.0-simkernel/extra/
$ sudo depmod
$ echo "options kt_mid fail=1" > /etc/modprobe.d/kt.conf
$ sudo modprobe kt_top
[    0.013405] kt_mid: failing on purpose
modprobe: ERROR: could not insert 'kt_top': No such device
$ lsmod
Module                  Size  Used by
$ dmesg -l err
[    0.013405] kt_mid: failing on purpose

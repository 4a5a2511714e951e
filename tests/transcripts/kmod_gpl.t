#: EXPORT_SYMBOL_GPL: a proprietary module is refused the symbol (and taints the kernel trying).
$ modinfo -F license gpl_consumer
Proprietary
$ cat /proc/sys/kernel/tainted
0
$ sudo modprobe gpl_consumer
modprobe: ERROR: could not insert 'gpl_consumer': Unknown symbol in module, or unknown parameter (see dmesg)
$ lsmod
Module                  Size  Used by
$ dmesg -l warn
[    0.002268] gpl_consumer: module license 'Proprietary' taints kernel.
[    0.002270] Disabling lock debugging due to kernel taint
[    0.002272] gpl_consumer: Unknown symbol gpl_provider_secret (err -2)
[    0.002274] gpl_consumer: gpl_provider_secret is exported GPL-only; a module with license 'Proprietary' may not use it
$ cat /proc/sys/kernel/tainted
8193
$ sudo modprobe gpl_provider
$ sudo modprobe -r gpl_provider
$ lsmod
Module                  Size  Used by

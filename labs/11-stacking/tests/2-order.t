#: test: mathuser needs mathlib loaded first
#: points: 2
$ sudo dmesg -n 1
$ sudo dmesg -C
#: TODO 3: mathuser uses mathlib_gcd, which no one exports yet.
$ sudo insmod mathuser.ko
insmod: ERROR: could not insert module mathuser.ko: Unknown symbol in module
$ dmesg -l warn
[    0.000000] mathuser: loading out-of-tree module taints kernel.
[    0.000000] mathuser: Unknown symbol mathlib_gcd (err -2)

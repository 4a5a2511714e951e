#: test: mathuser uses mathlib's gcd
#: points: 2
$ sudo dmesg -n 1
$ sudo dmesg -C
$ sudo insmod mathlib.ko
$ sudo insmod mathuser.ko a=84 b=36
#: TODO 1 and 3: gcd(84, 36) is 12, computed by mathlib, logged by mathuser.
$ dmesg -l info
[    0.000000] mathlib: ready
[    0.000000] mathuser: gcd(84, 36) = 12

#: test: the stack: lsmod shows who uses mathlib, which cannot go first
#: points: 2
$ sudo insmod mathlib.ko
$ sudo insmod mathuser.ko
#: TODO 3: using mathlib's symbol makes mathuser a user (a holder) of mathlib.
$ lsmod
Module                  Size  Used by
mathuser               20480  0
mathlib                20480  1 mathuser
$ sudo rmmod mathlib
rmmod: ERROR: Module mathlib is in use by: mathuser
$ sudo rmmod mathuser
$ sudo rmmod mathlib
$ lsmod
Module                  Size  Used by

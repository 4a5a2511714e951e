#: test: count=11 is refused with EINVAL and an error in the log
#: points: 2
$ sudo dmesg -n 1
$ sudo dmesg -C
#: TODO 3: init returns -EINVAL, which insmod (kmod) reports as "Invalid parameters".
$ sudo insmod knobs.ko count=11
insmod: ERROR: could not insert module knobs.ko: Invalid parameters
$ dmesg -l err
[    0.000000] knobs: count must be 1 to 10, not 11
#: A failed init leaves no module behind.
$ lsmod
Module                  Size  Used by

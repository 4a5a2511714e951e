#: test: rmmod frees every note: the kernel finds no leak
#: points: 3
$ sudo dmesg -n 1
$ sudo insmod notes.ko
$ echo a note > /dev/notes
$ echo another > /dev/notes
$ echo a third > /dev/notes
$ sudo dmesg -C
$ sudo rmmod notes
#: TODO 4: six allocations (three notes, three texts) and the cache must be freed by notes_exit; simkernel reports what was not.
$ dmesg -l warn

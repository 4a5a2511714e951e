#: test: past max_notes, a write fails with ENOSPC and leaks nothing
#: points: 2
$ sudo dmesg -n 1
$ sudo insmod notes.ko max_notes=2
$ open /dev/notes O_WRONLY
open("/dev/notes", O_WRONLY) = 3
$ write 3 "one\n"
write(3, "one\n", 4) = 4
$ write 3 "two\n"
write(3, "two\n", 4) = 4
#: TODO 3: the third note does not fit.
$ write 3 "three\n"
write(3, "three\n", 6) = -1 ENOSPC (No space left on device)
$ close 3
close(3) = 0
$ cat /dev/notes
1: one
2: two
$ sudo dmesg -C
$ sudo rmmod notes
#: TODO 3 and 4: the refused note's memory, and the kept ones', are freed: the kernel finds no leak.
$ dmesg -l warn

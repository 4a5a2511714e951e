#: test: read and write move the file position (f_pos)
#: points: 2
$ sudo insmod board.ko
$ open /dev/board O_RDWR
open("/dev/board", O_RDWR) = 3
#: TODO 5: write returns how many bytes it took, and moves f_pos past them.
$ write 3 "abcdef"
write(3, "abcdef", 6) = 6
#: TODO 4: f_pos is now 6, the end: nothing to read.
$ read 3 10
read(3, "", 10) = 0
$ close 3
close(3) = 0
#: TODO 4: a new open starts at 0; each read goes on where the last stopped.
$ open /dev/board O_RDONLY
open("/dev/board", O_RDONLY) = 3
$ read 3 4
read(3, "abcd", 4) = 4
$ read 3 4
read(3, "ef", 4) = 2
$ read 3 4
read(3, "", 4) = 0

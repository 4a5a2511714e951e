#: test: small reads and seeks give the same text
#: points: 1
$ sudo insmod squares.ko n=3
$ open /proc/squares O_RDONLY
open("/proc/squares", O_RDONLY) = 3
#: TODO 4: seq_read serves reads of any size from the text show made.
$ read 3 3
read(3, "1 1", 3) = 3
$ read 3 3
read(3, "\n2 ", 3) = 3
$ read 3 100
read(3, "4\n3 9\n", 100) = 6
$ read 3 100
read(3, "", 100) = 0
#: TODO 4: seq_lseek back to the start.
$ lseek 3 0 SEEK_SET
lseek(3, 0, SEEK_SET) = 0
$ read 3 4
read(3, "1 1\n", 4) = 4

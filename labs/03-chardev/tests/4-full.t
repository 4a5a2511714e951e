#: test: a full board takes what fits, then says ENOSPC
#: points: 1
$ sudo insmod board.ko
$ open /dev/board O_WRONLY
open("/dev/board", O_WRONLY) = 3
$ write 3 "0123456789012345678901234567890123456789012345678901234567890123456789"
write(3, "01234567890123456789012345678901"..., 70) = 64
#: TODO 5: no room left at all: -ENOSPC.
$ write 3 "x"
write(3, "x", 1) = -1 ENOSPC (No space left on device)
[exit 1]

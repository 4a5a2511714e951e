#: test: what is written can be read back, again and again
#: points: 2
$ sudo insmod board.ko
#: TODO 5 and 4: echo writes at position 0, cat reads from position 0 to the end.
$ echo hello, board > /dev/board
$ cat /dev/board
hello, board
#: The data stays after close, until the module goes.
$ cat /dev/board
hello, board

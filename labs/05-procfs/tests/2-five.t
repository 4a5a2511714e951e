#: test: cat /proc/squares lists 1..5 and their squares
#: points: 2
$ sudo insmod squares.ko
#: TODO 1 to 4: start, show, next, stop, as seq_read calls them.
$ cat /proc/squares
1 1
2 4
3 9
4 16
5 25

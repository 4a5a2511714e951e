#: test: /dev/counter is a misc device everyone may open
#: points: 1
$ sudo insmod counter.ko
#: TODO 6: misc devices have major 10; .mode = 0666 lets the student open it.
$ ls -l /dev/counter
crw-rw-rw- 1 root root 10, {{0..255}} DATE /dev/counter
$ cat /dev/counter
0

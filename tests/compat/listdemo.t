#: The kernel linked list: each write adds a node at the tail, a read walks the list, "clear" frees it with the _safe walk.
$ sudo insmod listdemo.ko
$ cat /dev/listdemo
(no lines)
$ echo apples > /dev/listdemo
$ echo pears > /dev/listdemo
$ echo plums > /dev/listdemo
$ cat /dev/listdemo
1: apples
2: pears
3: plums
$ echo clear > /dev/listdemo
$ cat /dev/listdemo
(no lines)
$ echo figs > /dev/listdemo
$ sudo rmmod listdemo

#: test: /proc/squares exists, read-only, while the module is loaded
#: points: 1
$ sudo insmod squares.ko
#: TODO 5: proc_create("squares", 0444, ...).
$ ls -l /proc/squares
-r--r--r-- 1 root root 0 DATE /proc/squares

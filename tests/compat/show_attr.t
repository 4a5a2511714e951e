#: DEFINE_SHOW_ATTRIBUTE on a misc device: each open is one single_open record.
$ sudo insmod show_attr.ko
$ cat /dev/show_attr
reads: 1
state: ok
$ cat /dev/show_attr
reads: 2
state: ok

#: test: each key pressed is counted
#: points: 3
$ sudo insmod keycount.ko
$ cat /proc/keycount
keys: 0
$ keypress hello
#: TODO 1 to 3: five keys, five interrupts on IRQ 1, each counted by the handler.
$ cat /proc/keycount
keys: 5
$ keypress "a\n"
$ cat /proc/keycount
keys: 7

#: test: dice.ko makes /dev/dice, which everyone may open
#: points: 1
$ sudo insmod dice.ko
$ ls -l /dev/dice
crw-rw-rw- 1 root root {{200..511}}, 0 DATE /dev/dice

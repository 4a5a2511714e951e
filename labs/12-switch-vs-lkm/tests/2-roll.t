#: test: cat /dev/dice rolls a six-sided die, once per open
#: points: 2
$ sudo insmod dice.ko
#: TODO 1 and 3: a new open file has a six-sided die; read gives one roll and a newline, then end of file.
$ cat /dev/dice
{{1..6}}
$ cat /dev/dice
{{1..6}}

#: test: the keyboard driver still gets every key
#: points: 2
$ sudo insmod keycount.ko
$ open /dev/kbd O_RDONLY|O_NONBLOCK
open("/dev/kbd", O_RDONLY|O_NONBLOCK) = 3
$ keypress hi
#: TODO 2: a handler that read port 0x60 itself would take the keys from the kbd driver.
$ read 3 10
read(3, "hi", 10) = 2

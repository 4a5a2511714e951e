#: LKMPG hello-5: short, int, long, charp and an int array as parameters; too many array elements is refused.
$ sudo insmod params_array.ko mystring="bebop" myintarray=-1
$ sudo rmmod params_array
$ sudo insmod params_array.ko mylong=-5 myshort=7 myintarray=1,2
$ sudo rmmod params_array
$ sudo insmod params_array.ko myintarray=1,2,3
[    0.004048] myintarray: can only take 2 arguments
[    0.004067] params_array: `1,2,3' invalid for parameter `myintarray'
insmod: ERROR: could not insert module params_array.ko: Invalid parameters
$ modinfo -p params_array.ko
myshort:A short integer (short)
myint:An integer (int)
mylong:A long integer (long)
mystring:A character string (charp)
myintarray:An array of integers (array of int)
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
Hello, world 5
=============
myshort is a short integer: 1
myint is an integer: 420
mylong is a long integer: 9999
mystring is a string: bebop
myintarray[0] = -1
myintarray[1] = 420
got 1 arguments for myintarray.
Goodbye, world 5
Hello, world 5
=============
myshort is a short integer: 7
myint is an integer: 420
mylong is a long integer: -5
mystring is a string: blah
myintarray[0] = 1
myintarray[1] = 2
got 2 arguments for myintarray.
Goodbye, world 5

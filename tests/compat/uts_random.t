#: init_utsname() and the random-number API seen from a seq_file.
$ sudo insmod uts_random.ko
$ cat /proc/uts_random
sysname Linux
machine x86_64
random bytes all zero: no
dice in 0..5: yes
$ sudo rmmod uts_random

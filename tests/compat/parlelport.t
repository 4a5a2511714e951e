#: The TLDP tutorial's parlelport: major 61 and port 0x378 claimed (/proc/ioports, ranges hidden from users as on Linux); a byte written goes out on the data port and reads back; LDD3's short cannot claim the port while it is taken.
$ sudo insmod parlelport.ko
$ sudo cat /proc/ioports
0060-0060 : keyboard
0064-0064 : keyboard
0378-0378 : parlelport
$ cat /proc/ioports
0000-0000 : keyboard
0000-0000 : keyboard
0000-0000 : parlelport
$ sudo mknod -m 666 /dev/parlelport c 61 0
$ echo -n Z > /dev/parlelport
$ od -c /dev/parlelport
0000000   Z
0000001
$ echo hello > /dev/parlelport
$ od -c /dev/parlelport
0000000  \n
0000001
$ sudo insmod shortirq.ko
insmod: ERROR: could not insert module shortirq.ko: No such device
$ sudo rmmod parlelport
$ sudo cat /proc/ioports
0060-0060 : keyboard
0064-0064 : keyboard
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
Inserting parlelport module
short: can't get I/O port address 0x378
shortirq: init_module returned -19 (ENODEV); the load was undone
Removing parlelport module

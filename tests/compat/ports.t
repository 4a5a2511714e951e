#: I/O ports as LDD3 short claims them: request_region fails on a range that overlaps the keyboard controller (0x64) and succeeds elsewhere, release_region gives it back; dmesg -w follows the log in the background.
$ dmesg -w -t -l info > /var/log/follow.out &
[1] 4
$ sleep 0.3
$ sudo insmod ports.ko base=0x63
insmod: ERROR: could not insert module ports.ko: No such device
$ sudo insmod ports.ko
$ sudo rmmod ports
$ sudo insmod ports.ko
$ sudo rmmod ports
$ sleep 0.5
$ kill %1
$ wait
[1]+  Terminated              dmesg -w -t -l info > /var/log/follow.out
$ cat /var/log/follow.out
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
ports: can't get I/O port address 0x63
ports: init_module returned -19 (ENODEV); the load was undone
ports: claimed 0x378-0x37a
ports: 0x60 is the keyboard's
ports: keyboard status 0x00
ports: claimed 0x378-0x37a
ports: 0x60 is the keyboard's
ports: keyboard status 0x00

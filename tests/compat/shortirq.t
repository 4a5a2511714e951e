#: The interrupt half of LDD3's short on the parallel port: the status and an absent port (0xff), the data port reading back; each rise of data bit 7 (pin 9 wired to pin 10) raises IRQ 7, the top half schedules a tasklet, the bottom half records every interrupt; a module that forgets free_irq and release_region has them undone at rmmod, named.
$ sudo insmod shortirq.ko
$ sudo cat /proc/ioports
0060-0060 : keyboard
0064-0064 : keyboard
0378-037a : short
$ cat /proc/devices
Character devices:
  1 mem
  5 /dev/console
 10 misc
253 short
254 kbd

Block devices:
$ sudo mknod -m 666 /dev/shortint c 253 0
$ echo -n abcdefgh > /dev/shortint
$ sleep 0.2
$ open /dev/shortint O_RDONLY
open("/dev/shortint", O_RDONLY) = 3
$ read 3 200
read(3, "interrupt 1\ninterrupt 2\ninterrup"..., 200) = 48
$ close 3
close(3) = 0
$ sudo rmmod shortirq
$ sudo insmod shortirq.ko leak=1
$ sudo rmmod shortirq
$ sudo cat /proc/ioports
0060-0060 : keyboard
0064-0064 : keyboard
$ dmesg -t -l info,warn
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
shortirq: loading out-of-tree module taints kernel.
short: status 0x98, LPT2's port 0x278 reads 0xff (nothing there)
short: wrote 0x5a, the data port reads back 0x5a
short: IRQ 7, control register 0x10
short: status 0x98, LPT2's port 0x278 reads 0xff (nothing there)
short: wrote 0x5a, the data port reads back 0x5a
short: IRQ 7, control register 0x10
shortirq: left IRQ 7 handler "short" registered; the kernel freed it
shortirq: left I/O ports 0378-037a "short" claimed; the kernel released them

#: current tells the driver who calls (comm, pid, uid); capable(CAP_SYS_ADMIN) refuses a student (EPERM),
#: even one who opened the file with sudo: capabilities are checked at the call, not the open.
$ sudo insmod whoami_dev.ko
$ cat /dev/whoami
comm=cat pid=5 uid=1000
$ sudo cat /dev/whoami
comm=cat pid=6 uid=0
$ echo hi > /dev/whoami
echo: write error: Operation not permitted
$ sudo open /dev/whoami O_WRONLY
open("/dev/whoami", O_WRONLY) = 3
$ write 3 hi
write(3, "hi", 2) = -1 EPERM (Operation not permitted)
$ close 3
close(3) = 0
$ sudo rmmod whoami_dev
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process

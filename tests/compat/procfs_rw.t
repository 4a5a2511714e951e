#: LKMPG procfs2: a /proc file keeps what was written (at most 32 bytes) and gives it back; 0644 is root-writable only.
$ sudo insmod procfs_rw.ko
$ cat /proc/buffer1k
$ echo hello > /proc/buffer1k
simkernel: /proc/buffer1k: Permission denied
$ sudo open /proc/buffer1k O_WRONLY
open("/proc/buffer1k", O_WRONLY) = 3
$ write 3 "hello\n"
write(3, "hello\n", 6) = 6
$ close 3
close(3) = 0
$ open /proc/buffer1k
open("/proc/buffer1k", O_RDONLY) = 3
$ read 3 100
read(3, "hello\n", 100) = 6
$ close 3
close(3) = 0
$ sudo open /proc/buffer1k O_WRONLY
open("/proc/buffer1k", O_WRONLY) = 3
$ write 3 "a line that is longer than thirty-two bytes\n"
write(3, "a line that is longer than thirt"..., 44) = 32
$ close 3
close(3) = 0
$ open /proc/buffer1k
open("/proc/buffer1k", O_RDONLY) = 3
$ read 3 100
read(3, "a line that is longer than thirt", 100) = 32
$ close 3
close(3) = 0
$ sudo rmmod procfs_rw
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
/proc/buffer1k created
procfile write: kept 6 of 6 bytes
procfile read buffer1k
procfile write: kept 32 of 44 bytes
procfile read buffer1k
/proc/buffer1k removed

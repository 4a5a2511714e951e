#: The device APIs: alloc_chrdev_region + cdev, misc_register, proc_create + seq_file, and a wait queue (a read that sleeps until a write, and one ended by Ctrl-C's SIGINT).
$ sudo insmod test_kapi.ko
$ cat /proc/devices
Character devices:
  1 mem
  5 /dev/console
 10 misc
253 kapi
254 kbd

Block devices:
$ ls -l /dev
total 0
crw--w--w- 1 root root   5,   1 Nov 26 09:16 console
cr--r--r-- 1 root root 253,   0 Nov 26 09:16 kapi0
crw-rw-rw- 1 root root 254,   0 Nov 26 09:16 kbd
crw-rw-rw- 1 root root  10, 254 Nov 26 09:16 kpipe
crw-rw-rw- 1 root root   1,   3 Nov 26 09:16 null
crw-rw-rw- 1 root root   1,   5 Nov 26 09:16 zero
$ cat /dev/kapi0
kapi_dev minor 0 major 253 via kapi0
#: The driver sees the name the node was opened by (f_path.dentry->d_name).
$ sudo mknod /dev/other-name c 253 0
$ cat /dev/other-name
kapi_dev minor 0 major 253 via other-name
$ sudo rm /dev/other-name
$ ls /proc/kapi
stats
$ cat /proc/kapi/stats
reads 0
writes 0
ok
$ cat /dev/kpipe > /var/log/pipe.out &
[1] 13
$ sleep 0.2
$ ps
  PID  PPID USER     STAT COMMAND
    1     0 root     R    init
    2     0 root     S    [events]
    3     1 student  R    sh
   13     3 student  S    cat
   15     3 student  R    ps
$ echo hello > /dev/kpipe
$ sleep 0.2
$ kill -INT %1
$ wait
[1]+  Interrupt               cat /dev/kpipe > /var/log/pipe.out
$ cat /var/log/pipe.out
hello
$ cat /proc/kapi/stats
reads 1
writes 1
ok
$ open /dev/kpipe O_RDONLY
open("/dev/kpipe", O_RDONLY) = 3
$ sudo rmmod test_kapi
rmmod: ERROR: Module test_kapi is in use
$ close 3
close(3) = 0
$ sudo rmmod test_kapi
$ ls /proc
1
2
23
3
devices
ioports
kallsyms
modules
self
slabinfo
sys
version
$ ls /dev
console
kbd
null
zero
$ dmesg -l info
[    0.000204] Command line: root=ROOT
[    0.000209] printk: log buffer of 131072 bytes
[    0.000381] kbd: keyboard on IRQ 1, /dev/kbd is 254:0
[    0.000391] Run /sbin/init as init process
[    0.202347] kpipe: cat (pid 13) read 6 bytes

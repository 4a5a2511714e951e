#: mknod, rm and stat on device nodes (issue 5, part 2): coreutils' messages and formats.
#: stat: coreutils' default format, every field from stat(2). devfs gives no inode numbers and stat(2) no birth time.
$ stat /dev/null /dev/zero
  File: /dev/null
  Size: 0         	Blocks: 0          IO Block: 4096   character special file
Device: 0,5	Inode: 1048579     Links: 1     Device type: 1,3
Access: (0666/crw-rw-rw-)  Uid: (    0/    root)   Gid: (    0/    root)
Access: 2026-11-26 10:02:45.000000000 +0000
Modify: 2026-11-26 10:02:45.000000000 +0000
Change: 2026-11-26 10:02:45.000000000 +0000
 Birth: -
  File: /dev/zero
  Size: 0         	Blocks: 0          IO Block: 4096   character special file
Device: 0,5	Inode: 1048581     Links: 1     Device type: 1,5
Access: (0666/crw-rw-rw-)  Uid: (    0/    root)   Gid: (    0/    root)
Access: 2026-11-26 10:02:45.000000000 +0000
Modify: 2026-11-26 10:02:45.000000000 +0000
Change: 2026-11-26 10:02:45.000000000 +0000
 Birth: -
$ stat -c '%n: %F, %s bytes, mode %a (%A), owner %U, device %t,%T' /dev/kbd /proc/version
/dev/kbd: character special file, 0 bytes, mode 666 (crw-rw-rw-), owner root, device fe,0
/proc/version: regular empty file, 0 bytes, mode 444 (-r--r--r--), owner root, device 0,0
$ stat /proc/version
  File: /proc/version
  Size: 0         	Blocks: 0          IO Block: 0      regular empty file
Device: 0,0	Inode: 0           Links: 1
Access: (0444/-r--r--r--)  Uid: (    0/    root)   Gid: (    0/    root)
Access: 2026-11-26 10:02:45.000000000 +0000
Modify: 2026-11-26 10:02:45.000000000 +0000
Change: 2026-11-26 10:02:45.000000000 +0000
 Birth: -
#: A regular file of the host, in /tmp: the student may not write in build/modules when the build is root's (its inode and device vary, so -c picks the fields that do not).
$ echo hello > /tmp/simkernel_nodes_t.tmp
$ stat -c '%n: %F, %s bytes' /tmp/simkernel_nodes_t.tmp
/tmp/simkernel_nodes_t.tmp: regular file, 6 bytes
$ rm /tmp/simkernel_nodes_t.tmp
$ stat /tmp/simkernel_nodes_t.tmp
stat: cannot stat '/tmp/simkernel_nodes_t.tmp': No such file or directory
$ stat /dev/nothere /dev/null
stat: cannot stat '/dev/nothere': No such file or directory
  File: /dev/null
  Size: 0         	Blocks: 0          IO Block: 4096   character special file
Device: 0,5	Inode: 1048579     Links: 1     Device type: 1,3
Access: (0666/crw-rw-rw-)  Uid: (    0/    root)   Gid: (    0/    root)
Access: 2026-11-26 10:02:45.000000000 +0000
Modify: 2026-11-26 10:02:45.000000000 +0000
Change: 2026-11-26 10:02:45.000000000 +0000
 Birth: -
$ stat
stat: missing operand
Try 'stat --help' for more information.
#: mknod(2) is root's: the student gets EPERM. Without -m the mode is 0666 less the umask (022).
$ id
uid=1000(student) gid=1000(student) groups=1000(student)
$ mknod /dev/myzero c 1 5
mknod: /dev/myzero: Operation not permitted
$ sudo mknod /dev/myzero c 1 5
$ ls -l /dev/myzero /dev/zero
crw-r--r-- 1 root root 1, 5 Nov 26 10:02 /dev/myzero
crw-rw-rw- 1 root root 1, 5 Nov 26 10:02 /dev/zero
$ stat /dev/myzero
  File: /dev/myzero
  Size: 0         	Blocks: 0          IO Block: 4096   character special file
Device: 0,5	Inode: 1048581     Links: 1     Device type: 1,5
Access: (0644/crw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)
Access: 2026-11-26 10:02:45.000000000 +0000
Modify: 2026-11-26 10:02:45.000000000 +0000
Change: 2026-11-26 10:02:45.000000000 +0000
 Birth: -
#: A node is only a name for a number: /dev/myzero reaches the zero driver. Its mode lets the student read, not write.
$ open /dev/myzero O_RDONLY
open("/dev/myzero", O_RDONLY) = 3
$ read 3 4
read(3, "\0\0\0\0", 4) = 4
$ close 3
close(3) = 0
$ open /dev/myzero O_WRONLY
open("/dev/myzero", O_WRONLY) = -1 EACCES (Permission denied)
$ sudo mknod /dev/myzero c 1 5
mknod: /dev/myzero: File exists
$ sudo mknod /dev/null c 1 3
mknod: /dev/null: File exists
$ sudo mknod -m 0666 /dev/myzero2 c 1 5
$ sudo mknod -m a=rw /dev/myzero3 character 1 5
$ ls -l /dev
total 0
crw--w--w- 1 root root   5, 1 Nov 26 10:02 console
crw-rw-rw- 1 root root 254, 0 Nov 26 10:02 kbd
crw-r--r-- 1 root root   1, 5 Nov 26 10:02 myzero
crw-rw-rw- 1 root root   1, 5 Nov 26 10:02 myzero2
crw-rw-rw- 1 root root   1, 5 Nov 26 10:02 myzero3
crw-rw-rw- 1 root root   1, 3 Nov 26 10:02 null
crw-rw-rw- 1 root root   1, 5 Nov 26 10:02 zero
#: No driver has major 42: open finds the node, then no driver for it (ENXIO).
$ sudo mknod -m 0666 /dev/nodriver c 42 0
$ open /dev/nodriver O_RDONLY
open("/dev/nodriver", O_RDONLY) = -1 ENXIO (No such device or address)
$ cat /dev/nodriver
cat: /dev/nodriver: No such device or address
#: A node made by hand outlives the driver it leads to: after rmmod it opens with ENXIO, and works again when the driver is back on the same major.
$ sudo insmod test_chrdev.ko
[    0.001955] test_chrdev: loaded, major 253
$ sudo mknod -m 0666 /dev/tc c 253 0
$ cat /dev/tc
hello from test_chrdev
$ sudo rmmod test_chrdev
[    0.002017] test_chrdev: unloaded
$ ls -l /dev
total 0
crw--w--w- 1 root root   5, 1 Nov 26 10:02 console
crw-rw-rw- 1 root root 254, 0 Nov 26 10:02 kbd
crw-r--r-- 1 root root   1, 5 Nov 26 10:02 myzero
crw-rw-rw- 1 root root   1, 5 Nov 26 10:02 myzero2
crw-rw-rw- 1 root root   1, 5 Nov 26 10:02 myzero3
crw-rw-rw- 1 root root  42, 0 Nov 26 10:02 nodriver
crw-rw-rw- 1 root root   1, 3 Nov 26 10:02 null
crw-rw-rw- 1 root root 253, 0 Nov 26 10:02 tc
crw-rw-rw- 1 root root   1, 5 Nov 26 10:02 zero
$ open /dev/tc O_RDONLY
open("/dev/tc", O_RDONLY) = -1 ENXIO (No such device or address)
$ cat /dev/tc
cat: /dev/tc: No such device or address
$ sudo insmod test_chrdev.ko
[    0.002231] test_chrdev: loaded, major 253
$ cat /dev/tc
hello from test_chrdev
$ sudo rmmod test_chrdev
[    0.002255] test_chrdev: unloaded
#: rm: unlink(2). Only root may remove from /dev; a removed node is gone (ENOENT).
$ rm /dev/myzero
rm: cannot remove '/dev/myzero': Permission denied
$ sudo rm /dev/myzero
$ open /dev/myzero O_RDONLY
open("/dev/myzero", O_RDONLY) = -1 ENOENT (No such file or directory)
$ sudo rm -v /dev/myzero2 /dev/myzero3 /dev/nodriver /dev/tc
removed '/dev/myzero2'
removed '/dev/myzero3'
removed '/dev/nodriver'
removed '/dev/tc'
$ rm /dev/myzero
rm: cannot remove '/dev/myzero': No such file or directory
$ rm -f /dev/myzero
$ rm
rm: missing operand
Try 'rm --help' for more information.
$ rm -f
$ rm -r /dev
rm: invalid option -- 'r'
Try 'rm --help' for more information.
$ rm /dev
rm: cannot remove '/dev': Is a directory
#: Usage errors, and what the kernel refuses: nodes other than character nodes in /dev (EINVAL), nodes outside /dev (EOPNOTSUPP).
$ mknod
mknod: missing operand
Try 'mknod --help' for more information.
$ mknod /dev/x c
mknod: missing operand after 'c'
Special files require major and minor device numbers.
Try 'mknod --help' for more information.
$ mknod /dev/x p 1 2
mknod: extra operand '1'
Fifos do not have major and minor device numbers.
Try 'mknod --help' for more information.
$ mknod /dev/x q 1 2
mknod: invalid device type 'q'
Try 'mknod --help' for more information.
$ sudo mknod /dev/x c one 2
mknod: invalid major device number 'one'
$ sudo mknod -m 4755 /dev/x c 1 5
mknod: mode must specify only file permission bits
$ sudo mknod -m rw /dev/x c 1 5
mknod: invalid mode
$ sudo mknod /dev/sda b 8 0
mknod: /dev/sda: Invalid argument
$ sudo mknod /var/log/fifo p
mknod: /var/log/fifo: Operation not supported
$ ls -l /dev
total 0
crw--w--w- 1 root root   5, 1 Nov 26 10:02 console
crw-rw-rw- 1 root root 254, 0 Nov 26 10:02 kbd
crw-rw-rw- 1 root root   1, 3 Nov 26 10:02 null
crw-rw-rw- 1 root root   1, 5 Nov 26 10:02 zero

#: debugfs as drivers use it (linux/debugfs.h): the mount is root's (0700); number files print as Linux's (%llu, 0x%08llx, Y/N, signed atomic_t); a read-only one has no write (EINVAL); a DEFINE_DEBUGFS_ATTRIBUTE file refuses what its set refuses; an ERR_PTR parent passes through; one debugfs_remove takes the directory.
$ sudo insmod debugfs_counters.ko
[TIME] debugfs: Directory 'counters' with parent '/' already present!
$ ls /sys/kernel/debug
ls: cannot open directory '/sys/kernel/debug': Permission denied
$ sudo ls /sys/kernel/debug/counters
banner
big
bytes
enabled
hits
level
mask
summary
threshold
ticks
users
$ sudo cat /sys/kernel/debug/counters/level /sys/kernel/debug/counters/hits /sys/kernel/debug/counters/big /sys/kernel/debug/counters/mask /sys/kernel/debug/counters/enabled /sys/kernel/debug/counters/users /sys/kernel/debug/counters/ticks /sys/kernel/debug/counters/bytes /sys/kernel/debug/counters/threshold /sys/kernel/debug/counters/banner
3
7
1099511627776
0x0000beef
Y
-2
42
4096
10
debugfs_counters v1
#: A file with its own fops: simple_open gives it its data (file->private_data).
$ sudo cat /sys/kernel/debug/counters/summary
counters: hits=7 calls=1
$ sudo cat /sys/kernel/debug/counters/summary
counters: hits=7 calls=2
$ sudo open /sys/kernel/debug/counters/threshold O_WRONLY
open("/sys/kernel/debug/counters/threshold", O_WRONLY) = 3
$ write 3 "50\n"
write(3, "50\n", 3) = 3
$ write 3 "500\n"
write(3, "500\n", 4) = -1 EINVAL (Invalid argument)
$ close 3
close(3) = 0
$ sudo cat /sys/kernel/debug/counters/threshold
50
$ sudo open /sys/kernel/debug/counters/enabled O_WRONLY
open("/sys/kernel/debug/counters/enabled", O_WRONLY) = 3
$ write 3 "n"
write(3, "n", 1) = 1
$ close 3
close(3) = 0
$ sudo cat /sys/kernel/debug/counters/enabled
N
$ sudo open /sys/kernel/debug/counters/hits O_WRONLY
open("/sys/kernel/debug/counters/hits", O_WRONLY) = 3
$ write 3 "1"
write(3, "1", 1) = -1 EINVAL (Invalid argument)
$ close 3
close(3) = 0
#: The redirection is the student's shell's, as with bash: sudo does not reach it.
$ sudo echo 1 > /sys/kernel/debug/counters/level
simkernel: /sys/kernel/debug/counters/level: Permission denied
$ sudo rmmod debugfs_counters
$ sudo ls /sys/kernel/debug
failslab
$ dmesg -t -l err,info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
debugfs: Directory 'counters' with parent '/' already present!
again: -17
lookup: found

#: proc_set_user gives a 0644 /proc file to uid 1000 (the student may write it), proc_set_size sets the size ls shows;
#: with owner=0 the student may only read it.
$ sudo insmod proc_owner.ko
$ ls -l /proc/note
-rw-r--r-- 1 student root 12 Dec  1 03:46 /proc/note
$ cat /proc/note
nothing yet
$ echo "written by the owner" > /proc/note
$ ls -l /proc/note
-rw-r--r-- 1 student root 21 Dec  1 03:46 /proc/note
$ cat /proc/note
written by the owner
$ sudo rmmod proc_owner
$ sudo insmod proc_owner.ko owner=0
$ ls -l /proc/note
-rw-r--r-- 1 root root 12 Dec  1 03:46 /proc/note
$ echo "not the owner" > /proc/note
simkernel: /proc/note: Permission denied
$ cat /proc/note
nothing yet
$ sudo rmmod proc_owner
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
proc_owner: uid 1000 wrote 21 bytes

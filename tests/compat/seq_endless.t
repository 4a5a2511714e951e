#: The seq_file HOWTO endless sequence: each read gets at most one page and calls start() again, so reading never ends the sequence and memory stays bounded; lseek replays to the offset.
$ sudo insmod seq_endless.ko
$ open /proc/sequence
open("/proc/sequence", O_RDONLY) = 3
$ read 3 20
read(3, "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n", 20) = 20
$ read 3 20
read(3, "10\n11\n12\n13\n14\n15\n16", 20) = 20
$ lseek 3 0 SEEK_SET
lseek(3, 0, SEEK_SET) = 0
$ read 3 10
read(3, "0\n1\n2\n3\n4\n", 10) = 10
$ read 3 5000
read(3, "5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n1"..., 5000) = 4095
$ read 3 5000
read(3, "1043\n1044\n1045\n1046\n1047\n1048\n10"..., 5000) = 4095
$ close 3
close(3) = 0
$ cat /proc/sequence_starts
5
$ sudo rmmod seq_endless

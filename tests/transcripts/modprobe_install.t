#: Planted install/remove lines of /etc/modprobe.d (issue 17): refused, never run. simkernel runs no programs yet, and a line from the simulated root must never run on the host as the user running simkernel. modprobe -i ignores such lines.
$ echo "install hello echo planted > /var/log/planted" > /etc/modprobe.d/planted.conf
$ sudo modprobe hello
modprobe: ERROR: not running 'echo planted > /var/log/planted': simkernel cannot run programs from /etc/modprobe.d install/remove lines (use insmod/rmmod, or modprobe -i to ignore such lines)
modprobe: ERROR: Error running install command 'echo planted > /var/log/planted' for module hello: retcode 126
modprobe: ERROR: could not insert 'hello': Invalid argument
$ cat /var/log/planted
cat: /var/log/planted: No such file or directory
$ lsmod
Module                  Size  Used by
$ sudo modprobe -n -v hello
install echo planted > /var/log/planted 
$ sudo modprobe -i hello
[    0.000000] Hello World
$ echo "remove hello rm -f /var/log/system.log" >> /etc/modprobe.d/planted.conf
$ sudo modprobe -r hello
modprobe: ERROR: not running 'rm -f /var/log/system.log': simkernel cannot run programs from /etc/modprobe.d install/remove lines (use insmod/rmmod, or modprobe -i to ignore such lines)
modprobe: FATAL: Error running remove command for hello
$ lsmod
Module                  Size  Used by
hello                  20480  0
$ sudo modprobe -r -i hello
[    0.000000] Goodbye
$ cat /etc/modprobe.d/planted.conf
install hello echo planted > /var/log/planted
remove hello rm -f /var/log/system.log

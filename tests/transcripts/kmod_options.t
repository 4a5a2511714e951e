#: insmod, rmmod and lsmod parse their options as kmod's do (GNU getopt):
#: the same words for a bad option, -h's text, options after the operands,
#: as Debian's kmod 30 prints them.
$ insmod -x hello.ko
insmod: invalid option -- 'x'
$ insmod --bogus hello.ko
insmod: unrecognized option '--bogus'
$ insmod -f
insmod: ERROR: missing filename.
$ insmod -fx hello.ko
insmod: invalid option -- 'x'
$ insmod -h
Usage:
	insmod [options] filename [args]
Options:
	-V, --version     show version
	-h, --help        show this help
$ sudo insmod hello.ko -s
[    0.000000] Hello World
$ lsmod x
Usage: lsmod
$ rmmod -x -y hello
rmmod: invalid option -- 'x'
$ rmmod
rmmod: ERROR: missing module name.
$ rmmod --help
Usage:
	rmmod [options] modulename ...
Options:
	-f, --force       forces a module unload and may crash your
	                  machine. This requires Forced Module Removal
	                  option in your kernel. DANGEROUS
	-s, --syslog      print to syslog, not stderr
	-v, --verbose     enables more messages
	-V, --version     show version
	-h, --help        show this help
$ sudo rmmod hello -v
[    0.000000] Goodbye
$ insmod -- -f
insmod: ERROR: could not load module -f: No such file or directory
$ lsmod
Module                  Size  Used by

#: test: the modes and descriptions of the parameters
#: points: 1
#: TODO 1 and 2: MODULE_PARM_DESC gives the text, module_param the type.
$ modinfo -p knobs.ko
count:How many greetings (1 to 10) (int)
name:Whom to greet (charp)
$ sudo insmod knobs.ko
#: TODO 1 and 2: count is 0444 (read-only), name 0644 (root may change it).
$ ls -l /sys/module/knobs/parameters
total 0
-r--r--r-- 1 root root 4096 DATE count
-rw-r--r-- 1 root root 4096 DATE name

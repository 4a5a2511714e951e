#: kill -9 to the shell's own task (pid 3, as ps shows it; issue 17): the shell ends, with the status a killed
#: process has (137) and the word its parent would print ("Killed"); the kernel shuts down in order behind it
#: (hello's cleanup_module says Goodbye). It used to abort the whole process.
$ sudo insmod hello.ko
[    0.000000] Hello World
$ kill -9 $$
Killed
[    0.000000] Goodbye
[exit 137]

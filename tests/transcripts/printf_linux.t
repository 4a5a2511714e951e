#: A module's snprintf, sprintf and printk are the kernel's printf
#: (lib/vsprintf.c): %ps names a symbol (the function, not the init_module
#: alias module_init makes), %pe an error, %p of NULL is not hashed, and %n
#: is refused with Linux's warning: the output stops there.
$ sudo insmod test_printf.ko
$ dmesg -t -l info
Command line: root=ROOT
printk: log buffer of 131072 bytes
kbd: keyboard on IRQ 1, /dev/kbd is 254:0
Run /sbin/init as init process
test_printf: symbol test_printf_init [test_printf]
test_printf: -EINVAL 0000000000000000
test_printf: [stop] n=-1
$ dmesg -t -l warn
------------[ cut here ]------------
Please remove unsupported %n in format string
WARNING: CPU: 0 PID: 4 at lib/vsprintf.c:2771 vsnprintf+0xa7b/0x2944
Modules linked in: test_printf(E+)
CPU: 0 PID: 4 Comm: insmod Tainted: G            E      6.8.0-simkernel #1
Hardware name: simkernel
RIP: 0010:vsnprintf+0xa7b/0x2944
Call Trace:
 <TASK>
 sprintf+0x8c/0x8e
 test_printf_init+0x6d/0x8a [test_printf]
 load_module+0x17af/0x1fbe
 ksys_finit_module+0x75/0xc1
 __x64_sys_finit_module+0x37/0x40
 do_syscall_64+0x9c/0x154
 </TASK>
---[ end trace 0000000000000000 ]---

// SPDX-License-Identifier: GPL-2.0
/*
 * params.c - module parameters of every type Linux offers, set on the
 * command line and read back through /sys/module/params/parameters:
 *
 *   sudo insmod params.ko myint=5 mystring=hi myintarray=1,2,3 mybool=n
 *
 * The last argument of module_param() is the sysfs file's mode: 0 hides the
 * parameter from sysfs, 0444 makes it read-only, 0644 lets root change it
 * while the module runs (echo 7 > /sys/module/params/parameters/myint).
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/stat.h>

static unsigned char mybyte = 'A';
static short myshort = 1;
static unsigned short myushort = 2;
static int myint = 420;
static unsigned int myuint = 3;
static long mylong = 9999;
static unsigned long myulong = 4;
static bool mybool = true;
static bool myinvbool;
static char *mystring = "blah";
static char mybuf[16] = "buffer";
static int myintarray[4] = { 420, 420 };
static int arr_argc;
static int debug_level;

module_param(mybyte, byte, 0);
MODULE_PARM_DESC(mybyte, "A byte (not in sysfs: mode 0)");
module_param(myshort, short, S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP);
MODULE_PARM_DESC(myshort, "A short integer");
module_param(myushort, ushort, 0444);
MODULE_PARM_DESC(myushort, "An unsigned short integer");
module_param(myint, int, S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH);
MODULE_PARM_DESC(myint, "An integer");
module_param(myuint, uint, 0644);
MODULE_PARM_DESC(myuint, "An unsigned integer");
module_param(mylong, long, S_IRUSR);
MODULE_PARM_DESC(mylong, "A long integer");
module_param(myulong, ulong, 0444);
MODULE_PARM_DESC(myulong, "An unsigned long integer");
module_param(mybool, bool, 0644);
MODULE_PARM_DESC(mybool, "A boolean: y/n, 1/0, on/off");
module_param(myinvbool, invbool, 0444);
MODULE_PARM_DESC(myinvbool, "An inverted boolean: myinvbool=y stores false");
module_param(mystring, charp, 0444);
MODULE_PARM_DESC(mystring, "A character string");
module_param_string(mybuf, mybuf, sizeof(mybuf), 0644);
MODULE_PARM_DESC(mybuf, "A string copied into a 16-byte buffer");
module_param_array(myintarray, int, &arr_argc, 0444);
MODULE_PARM_DESC(myintarray, "An array of up to 4 integers");
module_param_named(verbosity, debug_level, int, 0644);
MODULE_PARM_DESC(verbosity, "debug_level, set as verbosity=N");

static int __init params_init(void)
{
	int i;

	pr_info("params: mybyte=%u myshort=%hd myushort=%hu\n", mybyte, myshort, myushort);
	pr_info("params: myint=%d myuint=%u mylong=%ld myulong=%lu\n", myint, myuint, mylong,
		myulong);
	pr_info("params: mybool=%d myinvbool=%d verbosity=%d\n", mybool, myinvbool, debug_level);
	pr_info("params: mystring=%s mybuf=%s\n", mystring, mybuf);
	for (i = 0; i < (int)ARRAY_SIZE(myintarray); i++)
		pr_info("params: myintarray[%d] = %d\n", i, myintarray[i]);
	pr_info("params: got %d arguments for myintarray.\n", arr_argc);
	return 0;
}

static void __exit params_exit(void)
{
	pr_info("params: myint=%d mybuf=%s at exit\n", myint, mybuf);
}

module_init(params_init);
module_exit(params_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Operating Systems course");
MODULE_DESCRIPTION("Module parameters of every type");

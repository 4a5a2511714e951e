// SPDX-License-Identifier: GPL-2.0
/*
 * test_sleeper.c - a driver that sleeps, for the rmmod -f tests
 * (tests/unit/forced_removal_tests.cpp).
 *
 * /dev/test_sleeper (minor 0): read and write sleep until the module is
 * told to let them go, which it never is. /dev/test_sleeper_open (minor 1):
 * open sleeps the same way. Every sleep is interruptible and counts its
 * sleepers, so a test can wait until each task is inside before it removes
 * the module with rmmod -f. Nothing here wakes the sleepers: only the
 * kernel's forced removal can get them out.
 */
#include <linux/atomic.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/wait.h>

static int major;
static struct class *cls;
static DECLARE_WAIT_QUEUE_HEAD(never_wq);
static int let_go;          /* never set */
static int sleepers;        /* tasks asleep in this module, read through the parameter */
module_param(sleepers, int, 0444);

static int sleep_here(void)
{
	int ret;

	__atomic_add_fetch(&sleepers, 1, __ATOMIC_SEQ_CST);
	ret = wait_event_interruptible(never_wq, __atomic_load_n(&let_go, __ATOMIC_SEQ_CST));
	__atomic_sub_fetch(&sleepers, 1, __ATOMIC_SEQ_CST);
	return ret;
}

static int ts_open(struct inode *inode, struct file *file)
{
	return iminor(inode) == 1 ? sleep_here() : 0;
}

static ssize_t ts_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return sleep_here();
}

static ssize_t ts_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	return sleep_here();
}

static const struct file_operations ts_fops = {
	.owner = THIS_MODULE,
	.open  = ts_open,
	.read  = ts_read,
	.write = ts_write,
};

static char *ts_devnode(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = 0666;
	return NULL;
}

static int __init ts_init(void)
{
	major = register_chrdev(0, "test_sleeper", &ts_fops);
	if (major < 0)
		return major;
	cls = class_create("test_sleeper");
	if (IS_ERR(cls)) {
		unregister_chrdev(major, "test_sleeper");
		return PTR_ERR(cls);
	}
	cls->devnode = ts_devnode;
	device_create(cls, NULL, MKDEV(major, 0), NULL, "test_sleeper");
	device_create(cls, NULL, MKDEV(major, 1), NULL, "test_sleeper_open");
	return 0;
}

static void __exit ts_exit(void)
{
	device_destroy(cls, MKDEV(major, 1));
	device_destroy(cls, MKDEV(major, 0));
	class_destroy(cls);
	unregister_chrdev(major, "test_sleeper");
}

module_init(ts_init);
module_exit(ts_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("rmmod -f test: a driver whose open, read and write sleep until interrupted");

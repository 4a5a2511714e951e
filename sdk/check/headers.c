/* SPDX-License-Identifier: GPL-2.0 */
/*
 * headers.c - the SDK's header check, compiled at build time as a C module
 * (gnu11, -nostdinc) and, through headers.cpp, as a C++20 module
 * (-nostdinc -nostdinc++), with warnings as errors. It includes every
 * header (all_headers.h is generated from sdk/include) and uses each
 * macro family once, so a header that breaks either language, or needs
 * something of libc, fails the build rather than a student's module.
 */
#include "all_headers.h"

MODULE_LICENSE("GPL");
MODULE_AUTHOR("simkernel");
MODULE_DESCRIPTION("compiles every SDK header");
MODULE_VERSION("1.0");
MODULE_ALIAS("sdk-header-check");
MODULE_SOFTDEP("pre: null");
MODULE_INFO(check, "yes");

static bool flag = true;
static bool inv;
static unsigned char b = 1;
static short s = -1;
static unsigned short us = 1;
static int i = 1;
static unsigned int ui = 1;
static long l = -1;
static unsigned long ul = 1;
static char *cp = (char *)"x";
static char str[8] = "abc";
static int arr[4];
static unsigned int narr;
static int renamed;

module_param(flag, bool, 0644);
module_param(inv, invbool, 0444);
module_param(b, byte, 0);
module_param(s, short, S_IRUGO);
module_param(us, ushort, S_IRUSR | S_IWUSR);
module_param(i, int, 0644);
module_param(ui, uint, 0644);
module_param(l, long, 0644);
module_param(ul, ulong, 0644);
module_param(cp, charp, 0444);
module_param_string(str, str, sizeof(str), 0644);
module_param_array(arr, int, &narr, 0644);
module_param_named(other_name, renamed, int, 0444);
MODULE_PARM_DESC(i, "an int");

static DEFINE_MUTEX(lock);
static DEFINE_SPINLOCK(spin);
static atomic_t counter = ATOMIC_INIT(0);
static atomic64_t counter64 = ATOMIC64_INIT(0);

int check_export(int x);
int check_export(int x) { return x + 1; }
EXPORT_SYMBOL(check_export);
int check_export_gpl(int x);
int check_export_gpl(int x) { return x + 2; }
EXPORT_SYMBOL_GPL(check_export_gpl);

static ssize_t check_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	char k[4] = "abc";
	int v = 0;
	(void)f;
	if (copy_to_user(buf, k, min_t(size_t, n, sizeof(k))))
		return -EFAULT;
	if (get_user(v, (int __user *)buf) || put_user(v, (int __user *)buf))
		return -EFAULT;
	*pos += 1;
	return 1;
}

static long check_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	(void)f;
	(void)arg;
	switch (cmd) {
	case _IO('k', 0):
	case _IOR('k', 1, int):
	case _IOW('k', 2, int):
	case _IOWR('k', 3, long):
		return _IOC_NR(cmd);
	}
	return -ENOTTY;
}

static const struct file_operations fops = {
	.owner = THIS_MODULE,
	.llseek = no_llseek,
	.read = check_read,
	.unlocked_ioctl = check_ioctl,
};

/* issue 14 (helper): tasklets and port I/O */
static void check_bh(struct tasklet_struct *t)
{
	outw(inw(0x378), 0x378);
	(void)t;
}
static DECLARE_TASKLET(check_tasklet, check_bh);
static DECLARE_TASKLET_DISABLED(check_tasklet_off, check_bh);

static int __init check_init(void)
{
	unsigned long flags;
	void *p = kzalloc(16, GFP_KERNEL);
	int major = register_chrdev(0, "check", &fops);

	mutex_lock(&lock);
	if (!mutex_trylock(&lock))
		mutex_unlock(&lock);
	spin_lock_irqsave(&spin, flags);
	atomic_inc(&counter);
	if (atomic_dec_and_test(&counter))
		atomic64_add(2, &counter64);
	(void)atomic_cmpxchg(&counter, 0, 1);
	spin_unlock_irqrestore(&spin, flags);
	pr_info("version %d, %s, major %d, dev %u:%u\n", LINUX_VERSION_CODE >= KERNEL_VERSION(6, 0, 0),
		VERMAGIC_STRING, major, MAJOR(MKDEV(major, 1)), MINOR(MKDEV(major, 1)));
	pr_debug("debug %d\n", i);
	kfree(p);
	tasklet_schedule(&check_tasklet);
	tasklet_hi_schedule(&check_tasklet_off);
	tasklet_kill(&check_tasklet);
	return major < 0 ? major : 0;
}

static void __exit check_exit(void)
{
	unregister_chrdev(0, "check");
}

module_init(check_init);
module_exit(check_exit);

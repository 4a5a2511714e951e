// SPDX-License-Identifier: GPL-2.0
/*
 * faulty.c - a driver with the two commonest bugs of a driver course, to
 * learn to read an Oops (docs/debugging.md walks through it).
 *
 *   echo x > /dev/faulty    write() stores through a NULL pointer
 *   cat /dev/faulty         read() divides by the parameter divisor;
 *                           insmod faulty.ko divisor=0 makes it a divide error
 *
 * Either way the task that made the call is killed ("Killed"), the Oops in
 * the kernel log names the function and the offset of the bad instruction,
 * and the kernel goes on: rmmod faulty works afterwards, as on Linux.
 */
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/uaccess.h>

static int divisor = 7;
module_param(divisor, int, 0644);
MODULE_PARM_DESC(divisor, "read() returns 1000 %% divisor (0: a divide error)");

static ssize_t faulty_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	/* The bug: a pointer that was never set, as in "dev->data" before kmalloc. */
	*(int *)0 = 0;
	return count;
}

static ssize_t faulty_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	char text[16];
	int len = snprintf(text, sizeof(text), "%d\n", 1000 % divisor);

	if (*ppos > 0)
		return 0;
	if (count < len)
		return -EINVAL;
	if (copy_to_user(buf, text, len))
		return -EFAULT;
	*ppos = len;
	return len;
}

static const struct file_operations faulty_fops = {
	.owner = THIS_MODULE,
	.read = faulty_read,
	.write = faulty_write,
};

static struct miscdevice faulty_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "faulty",
	.fops = &faulty_fops,
	.mode = 0666,
};

static int __init faulty_init(void)
{
	return misc_register(&faulty_dev);
}

static void __exit faulty_exit(void)
{
	misc_deregister(&faulty_dev);
}

module_init(faulty_init);
module_exit(faulty_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("simkernel");
MODULE_DESCRIPTION("A driver that faults, to learn to read an Oops");

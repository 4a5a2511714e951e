// SPDX-License-Identifier: GPL-2.0
/* parlelport.c - the parallel port driver of the TLDP tutorial "Writing
 * device drivers in Linux": register_chrdev on major 61, request_region on
 * 0x378, a byte written to the device goes out on the data port (outb), a
 * read brings back what the data port holds (inb). As in the tutorial, the
 * last byte of a write is the one that goes out. */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/ioport.h>
#include <linux/uaccess.h>
#include <asm/io.h>

#define PARLELPORT_MAJOR 61
#define PARLELPORT_BASE 0x378

static int parlelport_open(struct inode *inode, struct file *filp)
{
	return 0;
}

static int parlelport_release(struct inode *inode, struct file *filp)
{
	return 0;
}

static ssize_t parlelport_read(struct file *filp, char __user *buf, size_t count, loff_t *f_pos)
{
	char parlelport_buffer;

	if (*f_pos > 0 || count == 0)
		return 0;
	parlelport_buffer = inb(PARLELPORT_BASE);
	if (copy_to_user(buf, &parlelport_buffer, 1))
		return -EFAULT;
	*f_pos += 1;
	return 1;
}

static ssize_t parlelport_write(struct file *filp, const char __user *buf, size_t count, loff_t *f_pos)
{
	char parlelport_buffer;

	if (count == 0)
		return 0;
	if (copy_from_user(&parlelport_buffer, buf + count - 1, 1))
		return -EFAULT;
	outb(parlelport_buffer, PARLELPORT_BASE);
	return count;
}

static const struct file_operations parlelport_fops = {
	.owner = THIS_MODULE,
	.read = parlelport_read,
	.write = parlelport_write,
	.open = parlelport_open,
	.release = parlelport_release,
};

static int __init parlelport_init(void)
{
	int result = register_chrdev(PARLELPORT_MAJOR, "parlelport", &parlelport_fops);

	if (result < 0) {
		pr_info("parlelport: cannot obtain major number %d\n", PARLELPORT_MAJOR);
		return result;
	}
	if (!request_region(PARLELPORT_BASE, 1, "parlelport")) {
		pr_info("parlelport: cannot reserve 0x%x\n", PARLELPORT_BASE);
		unregister_chrdev(PARLELPORT_MAJOR, "parlelport");
		return -ENODEV;
	}
	pr_info("Inserting parlelport module\n");
	return 0;
}

static void __exit parlelport_exit(void)
{
	unregister_chrdev(PARLELPORT_MAJOR, "parlelport");
	release_region(PARLELPORT_BASE, 1);
	pr_info("Removing parlelport module\n");
}

module_init(parlelport_init);
module_exit(parlelport_exit);
MODULE_LICENSE("Dual BSD/GPL");

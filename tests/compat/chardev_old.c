// SPDX-License-Identifier: GPL-2.0
/* chardev_old.c - the Linux Kernel Module Programming Guide's chardev:
 * register_chrdev with major 0, a message counting the opens. */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/atomic.h>

#define DEVICE_NAME "chardev_old"
#define BUF_LEN 80

static int major;
static atomic_t already_open = ATOMIC_INIT(0);
static char msg[BUF_LEN];
static int counter;

static int device_open(struct inode *inode, struct file *file)
{
	if (atomic_cmpxchg(&already_open, 0, 1))
		return -EBUSY;
	sprintf(msg, "I already told you %d times Hello world!\n", counter++);
	try_module_get(THIS_MODULE);
	return 0;
}

static int device_release(struct inode *inode, struct file *file)
{
	atomic_set(&already_open, 0);
	module_put(THIS_MODULE);
	return 0;
}

static ssize_t device_read(struct file *filp, char __user *buffer, size_t length, loff_t *offset)
{
	int bytes_read = 0;
	const char *msg_ptr = msg;

	if (!*(msg_ptr + *offset)) {
		*offset = 0;
		return 0;
	}
	msg_ptr += *offset;
	while (length && *msg_ptr) {
		put_user(*(msg_ptr++), buffer++);
		length--;
		bytes_read++;
	}
	*offset += bytes_read;
	return bytes_read;
}

static ssize_t device_write(struct file *filp, const char __user *buff, size_t len, loff_t *off)
{
	pr_alert("Sorry, this operation is not supported.\n");
	return -EINVAL;
}

static struct file_operations chardev_fops = {
	.read = device_read,
	.write = device_write,
	.open = device_open,
	.release = device_release,
};

static int __init chardev_init(void)
{
	major = register_chrdev(0, DEVICE_NAME, &chardev_fops);
	if (major < 0) {
		pr_alert("Registering char device failed with %d\n", major);
		return major;
	}
	pr_info("I was assigned a major number.\n");
	return 0;
}

static void __exit chardev_exit(void)
{
	unregister_chrdev(major, DEVICE_NAME);
}

module_init(chardev_init);
module_exit(chardev_exit);
MODULE_LICENSE("GPL");

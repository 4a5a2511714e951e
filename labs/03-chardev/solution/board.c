// SPDX-License-Identifier: GPL-2.0
/*
 * board.c - lab 3: a character device (reference solution).
 *
 * /dev/board is a notice board of BOARD_SIZE bytes that behaves like a small
 * file: write puts bytes at the file position, read returns them from it,
 * and what was written stays until the module is removed.
 */
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/uaccess.h>
#include <linux/version.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 3: a character device");

#define BOARD_SIZE 64

static char board[BOARD_SIZE];
static size_t board_len;	/* bytes written so far: the file's size */
static dev_t board_devt;
static struct cdev board_cdev;
static struct class *board_class;

/* The node's mode: 0666, so that every user may use /dev/board (udev's job on Linux). */
/* Linux 6.2 made devnode's device const, and 6.4 dropped class_create's
 * owner: the same source builds against both (simkernel is 6.8). */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 2, 0)
static char *board_devnode(struct device *dev, umode_t *mode)
#else
static char *board_devnode(const struct device *dev, umode_t *mode)
#endif
{
	if (mode)
		*mode = 0666;
	return NULL;
}

static ssize_t board_read(struct file *file, char __user *buf, size_t count, loff_t *f_pos)
{
	if (*f_pos >= board_len)
		return 0;	/* end of file */
	if (count > board_len - *f_pos)
		count = board_len - *f_pos;
	if (copy_to_user(buf, board + *f_pos, count))
		return -EFAULT;
	*f_pos += count;
	return count;
}

static ssize_t board_write(struct file *file, const char __user *buf, size_t count, loff_t *f_pos)
{
	if (*f_pos >= BOARD_SIZE)
		return -ENOSPC;
	if (count > BOARD_SIZE - *f_pos)
		count = BOARD_SIZE - *f_pos;
	if (copy_from_user(board + *f_pos, buf, count))
		return -EFAULT;
	*f_pos += count;
	if (*f_pos > board_len)
		board_len = *f_pos;
	return count;
}

static const struct file_operations board_fops = {
	.owner = THIS_MODULE,
	.read = board_read,
	.write = board_write,
};

static int __init board_init(void)
{
	struct device *dev;
	int err;

	err = alloc_chrdev_region(&board_devt, 0, 1, "board");
	if (err)
		return err;
	cdev_init(&board_cdev, &board_fops);
	err = cdev_add(&board_cdev, board_devt, 1);
	if (err)
		goto out_region;
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 4, 0)
	board_class = class_create(THIS_MODULE, "board");
#else
	board_class = class_create("board");
#endif
	if (IS_ERR(board_class)) {
		err = PTR_ERR(board_class);
		goto out_cdev;
	}
	board_class->devnode = board_devnode;
	dev = device_create(board_class, NULL, board_devt, NULL, "board");
	if (IS_ERR(dev)) {
		err = PTR_ERR(dev);
		goto out_class;
	}
	pr_info("board: major %d\n", MAJOR(board_devt));
	return 0;

out_class:
	class_destroy(board_class);
out_cdev:
	cdev_del(&board_cdev);
out_region:
	unregister_chrdev_region(board_devt, 1);
	return err;
}

static void __exit board_exit(void)
{
	device_destroy(board_class, board_devt);
	class_destroy(board_class);
	cdev_del(&board_cdev);
	unregister_chrdev_region(board_devt, 1);
}

module_init(board_init);
module_exit(board_exit);

// SPDX-License-Identifier: GPL-2.0
/*
 * board.c - lab 3: a character device.
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
	/* TODO 4: copy at most count bytes from board + *f_pos to the user's
	 * buf (copy_to_user), never past board_len; advance *f_pos by what was
	 * copied and return it. At or past board_len, return 0 (end of file).
	 * A failed copy returns -EFAULT. */
	return 0;
}

static ssize_t board_write(struct file *file, const char __user *buf, size_t count, loff_t *f_pos)
{
	/* TODO 5: copy at most count bytes from the user's buf to board + *f_pos
	 * (copy_from_user), never past BOARD_SIZE; advance *f_pos, grow
	 * board_len if *f_pos went past it, return the bytes copied. With no
	 * room left at all, return -ENOSPC. */
	return count;
}

static const struct file_operations board_fops = {
	.owner = THIS_MODULE,
	.read = board_read,
	.write = board_write,
};

static int __init board_init(void)
{
	/* TODO 1: a device number: alloc_chrdev_region(&board_devt, 0, 1, "board"). */

	/* TODO 2: the character device: cdev_init with board_fops, cdev_add. */

	/* TODO 3: a class "board" (class_create), whose devnode is board_devnode
	 * (board_class->devnode = board_devnode: the node's mode), and the
	 * device "board" in it (device_create), which makes /dev/board.
	 * Log "board: major <n>".
	 * Every failure undoes what succeeded before it, in reverse order. */
	return 0;
}

static void __exit board_exit(void)
{
	/* TODO 6: undo board_init, in reverse order. */
}

module_init(board_init);
module_exit(board_exit);

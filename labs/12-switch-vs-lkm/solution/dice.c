// SPDX-License-Identifier: GPL-2.0
/*
 * dice.c - lab 12 (reference solution), and the classroom demo's device:
 * /dev/dice, a dice roller, which simkernel-demo switch-vs-lkm adds to
 * both kernels (docs/switch-vs-lkm.md). One source file, either way: built
 * as dice.ko and inserted into the running loadable kernel, or compiled
 * into the switch kernel as the DEV_DICE case of its six dev_func_*.
 *
 *   cat /dev/dice                  one roll of a six-sided die, e.g. "4"
 *   write FD 20                    this open file's die has 20 sides now
 *   lseek FD 0 SEEK_SET            rewind: the next read rolls again
 *   ioctl FD 0x80044401 '&0'       DICE_GET_SIDES ('&N' with 0x40044402: DICE_SET_SIDES)
 *
 * Each open file has its own die (private_data), so each of the six
 * operations has work to do. The dice are xorshift, from a fixed seed:
 * the same rolls after every boot (a real driver would use get_random_u32).
 */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/ioctl.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#define DICE_GET_SIDES _IOR('D', 1, int)
#define DICE_SET_SIDES _IOW('D', 2, int)
#define DICE_MAX_SIDES 1000

struct die {
	unsigned int sides;
};

static int dice_major;
static struct class *dice_class;
static DEFINE_SPINLOCK(dice_lock);
static u32 dice_state = 2463534242u;

static unsigned int roll(unsigned int sides)
{
	u32 x;

	spin_lock(&dice_lock);
	x = dice_state;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	dice_state = x;
	spin_unlock(&dice_lock);
	return 1 + x % sides;
}

static int dice_open(struct inode *inode, struct file *file)
{
	struct die *d = kmalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	d->sides = 6;
	file->private_data = d;
	return 0;
}

static int dice_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

/* One roll per read from the start of the file: then end of file, so cat stops. */
static ssize_t dice_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct die *d = file->private_data;
	char text[16];
	size_t len;

	if (*ppos > 0)
		return 0;
	len = scnprintf(text, sizeof(text), "%u\n", roll(d->sides));
	if (count < len)
		return -EINVAL;
	if (copy_to_user(buf, text, len))
		return -EFAULT;
	*ppos += len;
	return len;
}

/* Writing a number of sides changes this open file's die. */
static ssize_t dice_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	struct die *d = file->private_data;
	char text[16];
	unsigned int sides;

	if (count == 0 || count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, buf, count))
		return -EFAULT;
	text[count] = '\0';
	if (kstrtouint(text, 10, &sides) || sides < 2 || sides > DICE_MAX_SIDES)
		return -EINVAL;
	d->sides = sides;
	return count;
}

/* Only back to the start: the next read rolls again. */
static loff_t dice_llseek(struct file *file, loff_t offset, int whence)
{
	if (offset != 0 || whence != SEEK_SET)
		return -EINVAL;
	file->f_pos = 0;
	return 0;
}

static long dice_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct die *d = file->private_data;
	int __user *p = (int __user *)arg;
	int sides;

	switch (cmd) {
	case DICE_GET_SIDES:
		sides = d->sides;
		return copy_to_user(p, &sides, sizeof(sides)) ? -EFAULT : 0;
	case DICE_SET_SIDES:
		if (copy_from_user(&sides, p, sizeof(sides)))
			return -EFAULT;
		if (sides < 2 || sides > DICE_MAX_SIDES)
			return -EINVAL;
		d->sides = sides;
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations dice_fops = {
	.owner          = THIS_MODULE,
	.open           = dice_open,
	.release        = dice_release,
	.read           = dice_read,
	.write          = dice_write,
	.llseek         = dice_llseek,
	.unlocked_ioctl = dice_ioctl,
};

/* Linux 6.2 made devnode's device const, and 6.4 dropped class_create's
 * owner: the same source builds against both (simkernel is 6.8). */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 2, 0)
static char *dice_devnode(struct device *dev, umode_t *mode)
#else
static char *dice_devnode(const struct device *dev, umode_t *mode)
#endif
{
	if (mode)
		*mode = 0666;
	return NULL;
}

static int __init dice_init(void)
{
	struct device *dev;
	int ret;

	dice_major = register_chrdev(0, "dice", &dice_fops);
	if (dice_major < 0)
		return dice_major;
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 4, 0)
	dice_class = class_create(THIS_MODULE, "dice");
#else
	dice_class = class_create("dice");
#endif
	if (IS_ERR(dice_class)) {
		ret = PTR_ERR(dice_class);
		goto out_chrdev;
	}
	dice_class->devnode = dice_devnode;
	dev = device_create(dice_class, NULL, MKDEV(dice_major, 0), NULL, "dice");
	if (IS_ERR(dev)) {
		ret = PTR_ERR(dev);
		goto out_class;
	}
	pr_info("dice: /dev/dice is %d:0, rolling six-sided dice\n", dice_major);
	return 0;

out_class:
	class_destroy(dice_class);
out_chrdev:
	unregister_chrdev(dice_major, "dice");
	return ret;
}

static void __exit dice_exit(void)
{
	device_destroy(dice_class, MKDEV(dice_major, 0));
	class_destroy(dice_class);
	unregister_chrdev(dice_major, "dice");
}

module_init(dice_init);
module_exit(dice_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("/dev/dice: a dice roller, the classroom demo's new device");
MODULE_AUTHOR("simkernel");

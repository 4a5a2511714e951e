// SPDX-License-Identifier: GPL-2.0
/*
 * scull_qset.c - LDD3's scull memory layout in our own words: the data is
 * a list of "quantum sets", each an array of pointers to quanta of bytes,
 * allocated as writes reach them. read/write go at most to the end of one
 * quantum per call; llseek supports SEEK_SET/CUR/END; opening for writing
 * with O_TRUNC empties the device; ioctls read and set the quantum size.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/ioctl.h>
#include <linux/kernel.h>

#define SQ_IOC_MAGIC 'q'
#define SQ_IOCGQUANTUM _IOR(SQ_IOC_MAGIC, 1, int)
#define SQ_IOCSQUANTUM _IOW(SQ_IOC_MAGIC, 2, int)

static int quantum = 8;
static int qset = 4;
module_param(quantum, int, 0444);
module_param(qset, int, 0444);

struct sq_qset {
	void **data;
	struct sq_qset *next;
};

struct sq_dev {
	struct sq_qset *data;
	int quantum, qset;
	unsigned long size;
	struct mutex lock;
	struct cdev cdev;
};

static struct sq_dev sq;
static dev_t sq_devt;

static void sq_trim(struct sq_dev *dev)
{
	struct sq_qset *dptr, *next;
	int i;

	for (dptr = dev->data; dptr; dptr = next) {
		if (dptr->data) {
			for (i = 0; i < dev->qset; i++)
				kfree(dptr->data[i]);
			kfree(dptr->data);
		}
		next = dptr->next;
		kfree(dptr);
	}
	dev->data = NULL;
	dev->size = 0;
}

/* The n-th quantum set, allocating the list up to it. */
static struct sq_qset *sq_follow(struct sq_dev *dev, int n)
{
	struct sq_qset **pp = &dev->data;

	for (;;) {
		if (!*pp) {
			*pp = kzalloc(sizeof(**pp), GFP_KERNEL);
			if (!*pp)
				return NULL;
		}
		if (n-- == 0)
			return *pp;
		pp = &(*pp)->next;
	}
}

static int sq_open(struct inode *inode, struct file *filp)
{
	struct sq_dev *dev = container_of(inode->i_cdev, struct sq_dev, cdev);

	filp->private_data = dev;
	if ((filp->f_flags & O_ACCMODE) == O_WRONLY && (filp->f_flags & O_TRUNC)) {
		if (mutex_lock_interruptible(&dev->lock))
			return -ERESTARTSYS;
		sq_trim(dev);
		mutex_unlock(&dev->lock);
	}
	return 0;
}

static int sq_release(struct inode *inode, struct file *filp)
{
	return 0;
}

static ssize_t sq_read(struct file *filp, char __user *buf, size_t count, loff_t *f_pos)
{
	struct sq_dev *dev = filp->private_data;
	int itemsize = dev->quantum * dev->qset;
	int item, rest, s_pos, q_pos;
	struct sq_qset *dptr;
	ssize_t ret = 0;

	if (mutex_lock_interruptible(&dev->lock))
		return -ERESTARTSYS;
	if (*f_pos >= dev->size)
		goto out;
	if (*f_pos + count > dev->size)
		count = dev->size - *f_pos;
	item = (long)*f_pos / itemsize;
	rest = (long)*f_pos % itemsize;
	s_pos = rest / dev->quantum;
	q_pos = rest % dev->quantum;
	dptr = sq_follow(dev, item);
	if (!dptr || !dptr->data || !dptr->data[s_pos])
		goto out;   /* a hole: nothing written there */
	if (count > dev->quantum - q_pos)
		count = dev->quantum - q_pos;   /* to the end of this quantum only */
	if (copy_to_user(buf, dptr->data[s_pos] + q_pos, count)) {
		ret = -EFAULT;
		goto out;
	}
	*f_pos += count;
	ret = count;
out:
	mutex_unlock(&dev->lock);
	return ret;
}

static ssize_t sq_write(struct file *filp, const char __user *buf, size_t count, loff_t *f_pos)
{
	struct sq_dev *dev = filp->private_data;
	int itemsize = dev->quantum * dev->qset;
	int item, rest, s_pos, q_pos;
	struct sq_qset *dptr;
	ssize_t ret = -ENOMEM;

	if (mutex_lock_interruptible(&dev->lock))
		return -ERESTARTSYS;
	item = (long)*f_pos / itemsize;
	rest = (long)*f_pos % itemsize;
	s_pos = rest / dev->quantum;
	q_pos = rest % dev->quantum;
	dptr = sq_follow(dev, item);
	if (!dptr)
		goto out;
	if (!dptr->data) {
		dptr->data = kcalloc(dev->qset, sizeof(void *), GFP_KERNEL);
		if (!dptr->data)
			goto out;
	}
	if (!dptr->data[s_pos]) {
		dptr->data[s_pos] = kmalloc(dev->quantum, GFP_KERNEL);
		if (!dptr->data[s_pos])
			goto out;
	}
	if (count > dev->quantum - q_pos)
		count = dev->quantum - q_pos;
	if (copy_from_user(dptr->data[s_pos] + q_pos, buf, count)) {
		ret = -EFAULT;
		goto out;
	}
	*f_pos += count;
	ret = count;
	if (dev->size < *f_pos)
		dev->size = *f_pos;
out:
	mutex_unlock(&dev->lock);
	return ret;
}

static loff_t sq_llseek(struct file *filp, loff_t off, int whence)
{
	struct sq_dev *dev = filp->private_data;
	loff_t newpos;

	switch (whence) {
	case SEEK_SET:
		newpos = off;
		break;
	case SEEK_CUR:
		newpos = filp->f_pos + off;
		break;
	case SEEK_END:
		newpos = dev->size + off;
		break;
	default:
		return -EINVAL;
	}
	if (newpos < 0)
		return -EINVAL;
	filp->f_pos = newpos;
	return newpos;
}

static long sq_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct sq_dev *dev = filp->private_data;
	int val, err = 0;

	if (_IOC_TYPE(cmd) != SQ_IOC_MAGIC)
		return -ENOTTY;
	switch (cmd) {
	case SQ_IOCGQUANTUM:
		return put_user(dev->quantum, (int __user *)arg);
	case SQ_IOCSQUANTUM:
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		err = get_user(val, (int __user *)arg);
		if (err)
			return err;
		if (val <= 0)
			return -EINVAL;
		mutex_lock(&dev->lock);
		if (dev->size)
			err = -EBUSY;   /* the layout of what is stored depends on it */
		else
			dev->quantum = val;
		mutex_unlock(&dev->lock);
		return err;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations sq_fops = {
	.owner = THIS_MODULE,
	.llseek = sq_llseek,
	.read = sq_read,
	.write = sq_write,
	.unlocked_ioctl = sq_ioctl,
	.open = sq_open,
	.release = sq_release,
};

static int __init sq_init(void)
{
	int err;

	if (quantum <= 0 || qset <= 0)
		return -EINVAL;
	err = alloc_chrdev_region(&sq_devt, 0, 1, "scull_qset");
	if (err)
		return err;
	sq.quantum = quantum;
	sq.qset = qset;
	mutex_init(&sq.lock);
	cdev_init(&sq.cdev, &sq_fops);
	sq.cdev.owner = THIS_MODULE;
	err = cdev_add(&sq.cdev, sq_devt, 1);
	if (err) {
		unregister_chrdev_region(sq_devt, 1);
		return err;
	}
	pr_info("scull_qset: major %d, quantum %d, qset %d\n", MAJOR(sq_devt), quantum, qset);
	return 0;
}

static void __exit sq_exit(void)
{
	cdev_del(&sq.cdev);
	sq_trim(&sq);
	unregister_chrdev_region(sq_devt, 1);
}

module_init(sq_init);
module_exit(sq_exit);
MODULE_LICENSE("GPL");

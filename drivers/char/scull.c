// SPDX-License-Identifier: GPL-2.0
/*
 * scull.c - /dev/scull0 .. /dev/scull3: memory that behaves like a file.
 *
 * "Simple Character Utility for Loading Localities", the first driver of
 * Linux Device Drivers (3rd ed., chapter 3), kept close to the book. Each
 * device is a region of memory that grows as it is written and keeps its
 * data after the last close, until the module is removed:
 *
 *   $ echo hello > /dev/scull0
 *   $ cat /dev/scull0
 *   hello
 *
 * The data is a list of "quantum sets": each list item points at an array
 * of `scull_qset` pointers, each to a `scull_quantum`-byte area, all from
 * kmalloc and allocated only when written. Byte `pos` lives in list item
 * pos / (quantum * qset), at pointer (pos % (quantum * qset)) / quantum.
 *
 * As in the book, the device numbers come from alloc_chrdev_region (or
 * register_chrdev_region for a scull_major given), and each device is a
 * struct cdev: cdev_init ties it to the table below, cdev_add makes it
 * reachable from its number. A node whose minor has no cdev is ENXIO.
 *
 * The table fills:
 *   .open     finds the device from the inode's cdev (container_of) and
 *             keeps it in file->private_data for the other operations; a
 *             write-only open with O_TRUNC (the shell's `>`) empties it
 *             first.
 *   .read     from the position, at most to the end of the data and of
 *             the current quantum (a short read; cat asks again); 0 at the
 *             end. Never-written holes inside the data read as zeros.
 *   .write    at the position (at the end with O_APPEND, the shell's `>>`),
 *             at most to the end of the current quantum; the data grows.
 *             Past scull_max_size: EFBIG.
 *   .llseek   SEEK_SET, SEEK_CUR, SEEK_END (from the end of the data); a
 *             negative position is EINVAL; past the end is allowed, as for
 *             a file (a later write leaves a hole).
 *   .release  nothing to undo: the data stays for the next open.
 *
 * Each device has a mutex (the book's semaphore): one task at a time walks
 * and changes its list. The module parameters are the book's, plus
 * scull_max_size (the book lets a device grow until memory runs out).
 */
#include <linux/cache.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define SCULL_NR_DEVS_MAX 16

static int scull_major;                    /* 0: a dynamic major */
static int scull_nr_devs = 4;              /* scull0 .. scull3 */
static int scull_quantum = 4000;           /* bytes per quantum */
static int scull_qset = 1000;              /* quanta per list item */
static int scull_max_size = 1024 * 1024;   /* bytes per device, at most */

module_param(scull_major, int, 0444);
MODULE_PARM_DESC(scull_major, "major number (0: let the kernel choose)");
module_param(scull_nr_devs, int, 0444);
MODULE_PARM_DESC(scull_nr_devs, "number of devices, 1 to 16 (default 4)");
module_param(scull_quantum, int, 0444);
MODULE_PARM_DESC(scull_quantum, "bytes per quantum (default 4000)");
module_param(scull_qset, int, 0444);
MODULE_PARM_DESC(scull_qset, "quanta per list item (default 1000)");
module_param(scull_max_size, int, 0444);
MODULE_PARM_DESC(scull_max_size, "largest size of one device in bytes (default 1 MiB)");

struct scull_qset {
	void **data;              /* scull_qset pointers to quanta, or NULL */
	struct scull_qset *next;
};

/*
 * Each device on a cache line of its own: two tasks using scull0 and scull1
 * from two CPUs would otherwise share the line holding scull0's end and
 * scull1's lock, and slow each other down although they share no data
 * ("false sharing"; bench/devices_bench.cpp's scull_read_64 shows it).
 */
struct scull_dev {
	struct scull_qset *data;  /* the first list item */
	int quantum;              /* this device's quantum and qset sizes */
	int qset;
	unsigned long size;       /* bytes of data: the end of the device */
	struct mutex lock;        /* guards all of the above */
	struct cdev cdev;         /* what the device number leads to */
} ____cacheline_aligned_in_smp;

static struct scull_dev *scull_devices;
static struct class *scull_class;

/* Frees every quantum: the device is empty again. Called with dev->lock held. */
static void scull_trim(struct scull_dev *dev)
{
	struct scull_qset *dptr, *next;
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
	dev->quantum = scull_quantum;
	dev->qset = scull_qset;
}

/* The n-th list item, made (empty) on the way if it is missing; NULL if out of memory. */
static struct scull_qset *scull_follow(struct scull_dev *dev, int n)
{
	struct scull_qset **pp = &dev->data;

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

/* The n-th list item if it exists, without making anything. */
static struct scull_qset *scull_find(struct scull_dev *dev, int n)
{
	struct scull_qset *dptr = dev->data;

	while (dptr && n--)
		dptr = dptr->next;
	return dptr;
}

static int scull_open(struct inode *inode, struct file *filp)
{
	struct scull_dev *dev = container_of(inode->i_cdev, struct scull_dev, cdev);

	filp->private_data = dev;

	/* `> /dev/scull0`: empty it, as O_TRUNC empties a file. */
	if ((filp->f_flags & O_ACCMODE) == O_WRONLY && (filp->f_flags & O_TRUNC)) {
		if (mutex_lock_interruptible(&dev->lock))
			return -ERESTARTSYS;
		scull_trim(dev);
		mutex_unlock(&dev->lock);
	}
	return 0;
}

static int scull_release(struct inode *inode, struct file *filp)
{
	return 0; /* the data outlives the open */
}

static ssize_t scull_read(struct file *filp, char __user *buf, size_t count, loff_t *f_pos)
{
	struct scull_dev *dev = filp->private_data;
	struct scull_qset *dptr;
	long itemsize;
	int item, s_pos, q_pos;
	loff_t pos = *f_pos;
	ssize_t retval = 0;

	if (pos < 0)
		return -EINVAL;
	if (mutex_lock_interruptible(&dev->lock))
		return -ERESTARTSYS;
	if ((unsigned long)pos >= dev->size)
		goto out; /* end of file */
	if (count > dev->size - pos)
		count = dev->size - pos;

	/* Which list item, which quantum in it, and where in that quantum. */
	itemsize = (long)dev->quantum * dev->qset;
	item = (int)(pos / itemsize);
	s_pos = (int)(pos % itemsize) / dev->quantum;
	q_pos = (int)(pos % itemsize) % dev->quantum;

	/* Up to the end of this quantum only. */
	if (count > (size_t)(dev->quantum - q_pos))
		count = dev->quantum - q_pos;

	dptr = scull_find(dev, item);
	if (!dptr || !dptr->data || !dptr->data[s_pos]) {
		/* A hole: never written, so it reads as zeros. */
		if (clear_user(buf, count)) {
			retval = -EFAULT;
			goto out;
		}
	} else if (copy_to_user(buf, (char *)dptr->data[s_pos] + q_pos, count)) {
		retval = -EFAULT;
		goto out;
	}
	*f_pos = pos + count;
	retval = count;

out:
	mutex_unlock(&dev->lock);
	return retval;
}

static ssize_t scull_write(struct file *filp, const char __user *buf, size_t count, loff_t *f_pos)
{
	struct scull_dev *dev = filp->private_data;
	struct scull_qset *dptr;
	long itemsize;
	int item, s_pos, q_pos;
	loff_t pos;
	ssize_t retval = -ENOMEM;

	if (count == 0)
		return 0;
	if (mutex_lock_interruptible(&dev->lock))
		return -ERESTARTSYS;
	pos = (filp->f_flags & O_APPEND) ? (loff_t)dev->size : *f_pos;
	if (pos < 0) {
		retval = -EINVAL;
		goto out;
	}
	if (pos >= scull_max_size) {
		retval = -EFBIG; /* larger than a scull device may grow */
		goto out;
	}
	if (count > (size_t)(scull_max_size - pos))
		count = scull_max_size - pos;

	itemsize = (long)dev->quantum * dev->qset;
	item = (int)(pos / itemsize);
	s_pos = (int)(pos % itemsize) / dev->quantum;
	q_pos = (int)(pos % itemsize) % dev->quantum;

	dptr = scull_follow(dev, item);
	if (!dptr)
		goto out;
	if (!dptr->data) {
		dptr->data = kcalloc(dev->qset, sizeof(*dptr->data), GFP_KERNEL);
		if (!dptr->data)
			goto out;
	}
	if (!dptr->data[s_pos]) {
		/* Zeroed: a write that starts inside it leaves no stale bytes before. */
		dptr->data[s_pos] = kzalloc(dev->quantum, GFP_KERNEL);
		if (!dptr->data[s_pos])
			goto out;
	}

	/* Up to the end of this quantum only. */
	if (count > (size_t)(dev->quantum - q_pos))
		count = dev->quantum - q_pos;

	if (copy_from_user((char *)dptr->data[s_pos] + q_pos, buf, count)) {
		retval = -EFAULT;
		goto out;
	}
	pos += count;
	*f_pos = pos;
	retval = count;
	if ((unsigned long)pos > dev->size)
		dev->size = pos;

out:
	mutex_unlock(&dev->lock);
	return retval;
}

static loff_t scull_llseek(struct file *filp, loff_t off, int whence)
{
	struct scull_dev *dev = filp->private_data;
	loff_t newpos;

	switch (whence) {
	case SEEK_SET:
		newpos = off;
		break;
	case SEEK_CUR:
		newpos = filp->f_pos + off;
		break;
	case SEEK_END:
		mutex_lock(&dev->lock);
		newpos = dev->size + off;
		mutex_unlock(&dev->lock);
		break;
	default:
		return -EINVAL;
	}
	if (newpos < 0)
		return -EINVAL;
	filp->f_pos = newpos;
	return newpos;
}

static const struct file_operations scull_fops = {
	.owner   = THIS_MODULE,
	.llseek  = scull_llseek,
	.read    = scull_read,
	.write   = scull_write,
	.open    = scull_open,
	.release = scull_release,
};

/* Everyone may use the scull devices: they are for experiments. */
static char *scull_devnode(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = 0666;
	return NULL;
}

/* Takes the first n devices out of use: node, then cdev (the reverse of setup). */
static void scull_remove_devices(int n)
{
	while (n--) {
		device_destroy(scull_class, MKDEV(scull_major, n));
		cdev_del(&scull_devices[n].cdev);
	}
}

/* Makes device i reachable: its cdev on its number, then its /dev node. */
static int scull_setup_device(int i)
{
	struct scull_dev *dev = &scull_devices[i];
	struct device *node;
	int ret;

	dev->quantum = scull_quantum;
	dev->qset = scull_qset;
	mutex_init(&dev->lock);
	cdev_init(&dev->cdev, &scull_fops);
	dev->cdev.owner = THIS_MODULE;
	ret = cdev_add(&dev->cdev, MKDEV(scull_major, i), 1);
	if (ret)
		return ret;

	node = device_create(scull_class, NULL, MKDEV(scull_major, i), NULL, "scull%d", i);
	if (IS_ERR(node)) {
		cdev_del(&dev->cdev);
		return PTR_ERR(node);
	}
	return 0;
}

static int __init scull_init(void)
{
	dev_t devno;
	int i, ret;

	if (scull_nr_devs < 1 || scull_nr_devs > SCULL_NR_DEVS_MAX || scull_quantum < 1 ||
	    scull_qset < 1 || (long)scull_qset * sizeof(void *) > KMALLOC_MAX_SIZE ||
	    scull_quantum > (int)KMALLOC_MAX_SIZE || scull_max_size < 0) {
		pr_err("scull: bad parameters: scull_nr_devs=%d (1-%d) scull_quantum=%d scull_qset=%d scull_max_size=%d\n",
		       scull_nr_devs, SCULL_NR_DEVS_MAX, scull_quantum, scull_qset, scull_max_size);
		return -EINVAL;
	}

	/* The numbers: the major asked for, or one the kernel picks. */
	if (scull_major) {
		devno = MKDEV(scull_major, 0);
		ret = register_chrdev_region(devno, scull_nr_devs, "scull");
	} else {
		ret = alloc_chrdev_region(&devno, 0, scull_nr_devs, "scull");
		scull_major = MAJOR(devno);
	}
	if (ret < 0) {
		pr_warn("scull: can't get major %d\n", scull_major);
		return ret;
	}

	scull_devices = kcalloc(scull_nr_devs, sizeof(*scull_devices), GFP_KERNEL);
	if (!scull_devices) {
		ret = -ENOMEM;
		goto out_region;
	}

	scull_class = class_create("scull");
	if (IS_ERR(scull_class)) {
		ret = PTR_ERR(scull_class);
		goto out_free;
	}
	scull_class->devnode = scull_devnode;

	for (i = 0; i < scull_nr_devs; i++) {
		ret = scull_setup_device(i);
		if (ret)
			goto out_devices;
	}

	pr_info("scull: %d devices, /dev/scull0 is %d:0\n", scull_nr_devs, scull_major);
	return 0;

out_devices:
	scull_remove_devices(i);
	class_destroy(scull_class);
out_free:
	kfree(scull_devices);
out_region:
	unregister_chrdev_region(MKDEV(scull_major, 0), scull_nr_devs);
	return ret;
}

static void __exit scull_exit(void)
{
	int i;

	scull_remove_devices(scull_nr_devs);
	class_destroy(scull_class);
	for (i = 0; i < scull_nr_devs; i++)
		scull_trim(&scull_devices[i]); /* the data goes only now */
	kfree(scull_devices);
	unregister_chrdev_region(MKDEV(scull_major, 0), scull_nr_devs);
}

module_init(scull_init);
module_exit(scull_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("scull: memory that outlives close (after LDD3, chapter 3)");
MODULE_AUTHOR("simkernel");

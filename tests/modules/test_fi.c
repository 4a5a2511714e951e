// SPDX-License-Identifier: GPL-2.0
/*
 * test_fi.c - a driver whose init makes one of each fallible call, with an
 * error path that unwinds in reverse order, for the failtest command and
 * fault injection (tests/transcripts/failtest*.t):
 *
 *   kmalloc, alloc_chrdev_region, cdev_add, class_create, device_create,
 *   proc_create, request_irq, kthread_run, alloc_workqueue
 *
 *   insmod test_fi.ko [forget=WHAT]
 *
 * forget: the one clean-up the error path leaves out (a student's bug):
 *         kfree, chrdev, cdev, class, device, proc, irq, kthread;
 *         none (the default) is a correct module.
 */
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#define FI_IRQ 7

static char *forget = "none";
module_param(forget, charp, 0444);

static char *buf;
static dev_t devt;
static struct cdev fi_cdev;
static struct class *fi_class;
static struct device *fi_device;
static struct proc_dir_entry *fi_proc;
static struct task_struct *fi_thread;
static struct workqueue_struct *fi_wq;
static int fi_cookie;

static const struct file_operations fi_fops = {
	.owner = THIS_MODULE,
};

static const struct proc_ops fi_proc_ops = {
};

static irqreturn_t fi_interrupt(int irq, void *dev_id)
{
	return IRQ_NONE;
}

static int fi_thread_fn(void *data)
{
	while (!kthread_should_stop())
		schedule_timeout_interruptible(HZ / 10);
	return 0;
}

static bool remembers(const char *what)
{
	return strcmp(forget, what) != 0;
}

static int __init test_fi_init(void)
{
	int ret;

	buf = kmalloc(128, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = alloc_chrdev_region(&devt, 0, 1, "test_fi");
	if (ret)
		goto out_kfree;
	cdev_init(&fi_cdev, &fi_fops);
	fi_cdev.owner = THIS_MODULE;
	ret = cdev_add(&fi_cdev, devt, 1);
	if (ret)
		goto out_chrdev;
	fi_class = class_create("test_fi");
	if (IS_ERR(fi_class)) {
		ret = PTR_ERR(fi_class);
		goto out_cdev;
	}
	fi_device = device_create(fi_class, NULL, devt, NULL, "test_fi");
	if (IS_ERR(fi_device)) {
		ret = PTR_ERR(fi_device);
		goto out_class;
	}
	fi_proc = proc_create("test_fi", 0444, NULL, &fi_proc_ops);
	if (!fi_proc) {
		ret = -ENOMEM;
		goto out_device;
	}
	ret = request_irq(FI_IRQ, fi_interrupt, IRQF_SHARED, "test_fi", &fi_cookie);
	if (ret)
		goto out_proc;
	fi_thread = kthread_run(fi_thread_fn, NULL, "test_fi");
	if (IS_ERR(fi_thread)) {
		ret = PTR_ERR(fi_thread);
		goto out_irq;
	}
	fi_wq = alloc_workqueue("test_fi", 0, 0);
	if (!fi_wq) {
		ret = -ENOMEM;
		goto out_thread;
	}
	return 0;

out_thread:
	if (remembers("kthread"))
		kthread_stop(fi_thread);
out_irq:
	if (remembers("irq"))
		free_irq(FI_IRQ, &fi_cookie);
out_proc:
	if (remembers("proc"))
		proc_remove(fi_proc);
out_device:
	if (remembers("device"))
		device_destroy(fi_class, devt);
out_class:
	if (remembers("class"))
		class_destroy(fi_class);
out_cdev:
	if (remembers("cdev"))
		cdev_del(&fi_cdev);
out_chrdev:
	if (remembers("chrdev"))
		unregister_chrdev_region(devt, 1);
out_kfree:
	if (remembers("kfree"))
		kfree(buf);
	return ret;
}

static void __exit test_fi_exit(void)
{
	destroy_workqueue(fi_wq);
	kthread_stop(fi_thread);
	free_irq(FI_IRQ, &fi_cookie);
	proc_remove(fi_proc);
	device_destroy(fi_class, devt);
	class_destroy(fi_class);
	cdev_del(&fi_cdev);
	unregister_chrdev_region(devt, 1);
	kfree(buf);
}

module_init(test_fi_init);
module_exit(test_fi_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("one of each fallible call in init, for failtest");

// SPDX-License-Identifier: GPL-2.0
/*
 * keycount.c - lab 10: an interrupt handler on the keyboard's IRQ
 * (reference solution).
 *
 * The keyboard raises IRQ 1 for each key. The kbd driver handles it (it
 * reads the key from the controller's port 0x60); keycount shares the line
 * and only counts, leaving the port alone. /proc/keycount says how many.
 */
#include <linux/atomic.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 10: the keyboard interrupt");

#define KBD_IRQ 1

static atomic_t keys = ATOMIC_INIT(0);
static struct proc_dir_entry *keycount_entry;

static irqreturn_t keycount_interrupt(int irq, void *dev_id)
{
	atomic_inc(&keys);
	return IRQ_NONE;	/* counted, not handled: the kbd driver reads the key */
}

static int keycount_show(struct seq_file *m, void *v)
{
	seq_printf(m, "keys: %d\n", atomic_read(&keys));
	return 0;
}

static int keycount_open(struct inode *inode, struct file *file)
{
	return single_open(file, keycount_show, NULL);
}

static const struct proc_ops keycount_proc_ops = {
	.proc_open = keycount_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __init keycount_init(void)
{
	int err;

	keycount_entry = proc_create("keycount", 0444, NULL, &keycount_proc_ops);
	if (!keycount_entry)
		return -ENOMEM;
	/* dev_id: any address unique to this handler; free_irq finds it by it. */
	err = request_irq(KBD_IRQ, keycount_interrupt, IRQF_SHARED, "keycount", &keys);
	if (err) {
		proc_remove(keycount_entry);
		return err;
	}
	return 0;
}

static void __exit keycount_exit(void)
{
	free_irq(KBD_IRQ, &keys);
	proc_remove(keycount_entry);
}

module_init(keycount_init);
module_exit(keycount_exit);

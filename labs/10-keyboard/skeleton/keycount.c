// SPDX-License-Identifier: GPL-2.0
/*
 * keycount.c - lab 10: an interrupt handler on the keyboard's IRQ.
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
	/* TODO 2: count the key (atomic_inc: the handler may run on another
	 * CPU while /proc/keycount is read), and return IRQ_NONE: this handler
	 * only watched; the kbd driver reads the key from port 0x60. */
	return IRQ_NONE;
}

static int keycount_show(struct seq_file *m, void *v)
{
	/* TODO 3: print "keys: <n>" and a newline (seq_printf, atomic_read). */
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
	keycount_entry = proc_create("keycount", 0444, NULL, &keycount_proc_ops);
	if (!keycount_entry)
		return -ENOMEM;
	/* TODO 1: ask for KBD_IRQ with keycount_interrupt, shared (IRQF_SHARED:
	 * the kbd driver has it already), named "keycount", with &keys as the
	 * dev_id (an address unique to this handler). On failure, remove
	 * /proc/keycount and return the error. */
	return 0;
}

static void __exit keycount_exit(void)
{
	/* TODO 4: give the IRQ back (free_irq with the same dev_id). */
	proc_remove(keycount_entry);
}

module_init(keycount_init);
module_exit(keycount_exit);

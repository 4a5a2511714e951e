// SPDX-License-Identifier: GPL-2.0
/* shortirq.c - the interrupt half of LDD3's "short" (chapter 10), on the
 * parallel port with the wire from pin 9 to pin 10: request_region on the
 * three ports, request_irq on IRQ 7, control bit 4 enables the interrupt.
 * Writing to the device drives data bit 7 alternately high and low; each
 * rise is an interrupt, whose handler (the top half) counts it and
 * schedules a tasklet (the bottom half), which records a line that reading
 * the device returns. leak=1: exit forgets release_region and free_irq. */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/ioport.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <asm/io.h>

static unsigned long short_base = 0x378;
module_param(short_base, ulong, 0444);
static int short_irq = 7;
module_param(short_irq, int, 0444);
static bool leak;
module_param(leak, bool, 0444);

static int major;
static DEFINE_SPINLOCK(short_lock);
static DECLARE_WAIT_QUEUE_HEAD(short_queue);
static char short_buffer[1024];
static size_t short_head, short_tail;
static int irq_count, bh_count;

/* The bottom half: one line for each interrupt the top half counted since it
 * last ran (several interrupts may come before it runs once). */
static void short_do_tasklet(struct tasklet_struct *t)
{
	unsigned long flags;

	spin_lock_irqsave(&short_lock, flags);
	while (bh_count < irq_count)
		short_head += scnprintf(short_buffer + short_head, sizeof(short_buffer) - short_head,
					"interrupt %d\n", ++bh_count);
	spin_unlock_irqrestore(&short_lock, flags);
	wake_up_interruptible(&short_queue);
}
static DECLARE_TASKLET(short_tasklet, short_do_tasklet);

static irqreturn_t short_tl_interrupt(int irq, void *dev_id)
{
	spin_lock(&short_lock);
	irq_count++;
	spin_unlock(&short_lock);
	tasklet_schedule(&short_tasklet);
	return IRQ_HANDLED;
}

static ssize_t short_i_read(struct file *filp, char __user *buf, size_t count, loff_t *f_pos)
{
	unsigned long flags;
	size_t n;

	if (wait_event_interruptible(short_queue, short_head != short_tail))
		return -ERESTARTSYS;
	spin_lock_irqsave(&short_lock, flags);
	n = min(count, short_head - short_tail);
	spin_unlock_irqrestore(&short_lock, flags);
	if (copy_to_user(buf, short_buffer + short_tail, n))
		return -EFAULT;
	short_tail += n;
	if (short_tail == short_head)
		short_head = short_tail = 0;
	return n;
}

static ssize_t short_i_write(struct file *filp, const char __user *buf, size_t count, loff_t *f_pos)
{
	size_t written;

	/* Data bit 7 high on every other byte: one rise, one interrupt, per pair. */
	for (written = 0; written < count; written++)
		outb_p((written & 1) ? 0x00 : 0xff, short_base);
	outb_p(0x00, short_base);
	return count;
}

static const struct file_operations short_i_fops = {
	.owner = THIS_MODULE,
	.read = short_i_read,
	.write = short_i_write,
};

static int __init short_init(void)
{
	int ret;

	if (!request_region(short_base, 3, "short")) {
		pr_info("short: can't get I/O port address 0x%lx\n", short_base);
		return -ENODEV;
	}
	pr_info("short: status 0x%02x, LPT2's port 0x278 reads 0x%02x (nothing there)\n",
		inb(short_base + 1), inb(0x278));
	outb(0x5a, short_base);
	pr_info("short: wrote 0x5a, the data port reads back 0x%02x\n", inb(short_base));
	outw(0x0000, short_base);
	major = register_chrdev(0, "short", &short_i_fops);
	if (major < 0) {
		release_region(short_base, 3);
		return major;
	}
	ret = request_irq(short_irq, short_tl_interrupt, 0, "short", NULL);
	if (ret) {
		pr_info("short: can't get assigned irq %i\n", short_irq);
		unregister_chrdev(major, "short");
		release_region(short_base, 3);
		return ret;
	}
	outb(0x10, short_base + 2);  /* enable the parallel port's interrupt */
	pr_info("short: IRQ %d, control register 0x%02x\n", short_irq, inb(short_base + 2));
	return 0;
}

static void __exit short_exit(void)
{
	outb(0x00, short_base + 2);
	unregister_chrdev(major, "short");
	if (leak)
		return;
	free_irq(short_irq, NULL);
	tasklet_kill(&short_tasklet);
	release_region(short_base, 3);
}

module_init(short_init);
module_exit(short_exit);
MODULE_LICENSE("Dual BSD/GPL");

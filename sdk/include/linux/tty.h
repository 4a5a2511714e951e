/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/tty.h - terminals. A task started from a terminal has it as its
 * controlling tty; get_current_tty() returns it, and its driver's ->write
 * puts bytes on the screen:
 *
 *     struct tty_struct *tty = get_current_tty();
 *     if (tty)
 *             tty->driver->ops->write(tty, (const unsigned char *)"hi\r\n", 4);
 *
 * simkernel has one terminal, the one its shell runs in ("console"): every
 * task but a kernel thread has it as its tty (a kernel thread has none:
 * NULL). Writing to it is writing to the console, in order with the
 * console's printk messages. There are no line disciplines, no termios,
 * no tty_register_driver: only what a module needs to print to its user.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/fs.h>
#include <linux/module.h>
#include <linux/cdev.h>
#include <linux/miscdevice.h>
#include <linux/device.h>
#include <linux/seq_file.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/ioport.h>
#include <linux/io.h>
#include <linux/sched/task.h>
#include <asm/syscall.h>
#include <linux/workqueue.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/bug.h>

struct tty_struct;

/* Linux 6.1's signatures (6.6 made write take u8 and size_t). */
struct tty_operations {
	int  (*write)(struct tty_struct *tty, const unsigned char *buf, int count);
	int  (*put_char)(struct tty_struct *tty, unsigned char ch);
	void (*flush_chars)(struct tty_struct *tty);
	unsigned int (*write_room)(struct tty_struct *tty);
};

struct tty_driver {
	const char *driver_name;
	const char *name;
	int major;
	int minor_start;
	const struct tty_operations *ops;
};

struct tty_struct {
	struct tty_driver *driver;
	const struct tty_operations *ops;
	int index;
	char name[64];
};

__SK_BEGIN_DECLS
/* The calling task's terminal, with a reference (tty_kref_put drops it),
 * or NULL when it has none. */
struct tty_struct *get_current_tty(void);
void tty_kref_put(struct tty_struct *tty);
const char *tty_name(const struct tty_struct *tty);
unsigned int tty_write_room(struct tty_struct *tty);
__SK_END_DECLS

#endif /* _LINUX_TTY_H */

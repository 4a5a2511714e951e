// SPDX-License-Identifier: GPL-2.0
/*
 * ticker.c - the kernel's clocks and helpers at work: a timer, a kernel
 * thread, a completion, a workqueue and an rwlock, behind /dev/ticker.
 *
 *   timer (every interval_ms)  --complete()-->  kthread [ticker]
 *                                                 | appends "tick N\n",
 *                                                 | wake_up_interruptible()
 *   read(/dev/ticker) <-- sleeps on a wait queue -+
 *
 *   delayed work on "ticker_wq" (every report_ms): "ticker: N ticks so far"
 *   /proc/ticker: the counters, read under read_lock(), written under
 *   write_lock(); writing a number to it sets interval_ms
 *
 * The timer function runs where sleeping is not allowed, so it only counts
 * and signals; the kernel thread, which may sleep, does the rest. Each open
 * file reads the ticks from the first one kept, in order, one line per read:
 * two readers each see every tick.
 *
 * With forget=1, cleanup_module "forgets" to stop the timer, the thread and
 * the work: simkernel then stops them itself and says what was left behind
 * (Linux would crash when the timer next fired into the unloaded code).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/workqueue.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static unsigned int interval_ms = 100;
module_param(interval_ms, uint, 0444);
MODULE_PARM_DESC(interval_ms, "milliseconds between ticks (default 100)");

static unsigned int report_ms = 1000;
module_param(report_ms, uint, 0444);
MODULE_PARM_DESC(report_ms, "milliseconds between reports in the kernel log (default 1000)");

static bool forget;
module_param(forget, bool, 0444);
MODULE_PARM_DESC(forget, "leave the timer, thread and work running at unload (to watch the kernel clean up)");

#define KEPT 64 /* tick lines kept for readers */

static struct timer_list tick_timer;
static DECLARE_COMPLETION(tick_done);   /* one complete() per timer tick */
static struct task_struct *ticker_thread;
static struct workqueue_struct *ticker_wq;
static struct delayed_work report_work;
static DECLARE_WAIT_QUEUE_HEAD(readers);

static DEFINE_MUTEX(lines_lock);        /* the lines and their count */
static char lines[KEPT][16];
static unsigned long nr_lines;          /* lines ever made; line n is lines[n % KEPT] */

static DEFINE_RWLOCK(stats_lock);       /* the counters /proc/ticker shows */
static unsigned long timer_fires, reports, started_jiffies;

/* Timer context: no sleeping. Count, hand over, re-arm. */
static void tick_fn(struct timer_list *t)
{
	unsigned long flags;

	write_lock_irqsave(&stats_lock, flags);
	timer_fires++;
	write_unlock_irqrestore(&stats_lock, flags);
	complete(&tick_done);
	mod_timer(t, jiffies + msecs_to_jiffies(READ_ONCE(interval_ms)));
}

/* The kernel thread: one line per tick, then wake the readers. */
static int ticker_main(void *unused)
{
	while (!kthread_should_stop()) {
		/* A short timeout, so that kthread_stop() is seen soon even
		 * when no tick comes. */
		if (wait_for_completion_interruptible_timeout(&tick_done, HZ / 10) <= 0)
			continue;
		mutex_lock(&lines_lock);
		snprintf(lines[nr_lines % KEPT], sizeof(lines[0]), "tick %lu\n", nr_lines + 1);
		nr_lines++;
		mutex_unlock(&lines_lock);
		wake_up_interruptible(&readers);
	}
	return 0;
}

static unsigned long lines_made(void)
{
	unsigned long n;

	mutex_lock(&lines_lock);
	n = nr_lines;
	mutex_unlock(&lines_lock);
	return n;
}

/* Process context on ticker_wq's worker: may sleep, may take the mutex. */
static void report_fn(struct work_struct *w)
{
	write_lock(&stats_lock);
	reports++;
	write_unlock(&stats_lock);
	pr_info("ticker: %lu ticks so far\n", lines_made());
	queue_delayed_work(ticker_wq, to_delayed_work(w), msecs_to_jiffies(report_ms));
}

/* f_pos counts lines: each open file has its own place in the ticks. */
static ssize_t ticker_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	char line[16];
	size_t len;
	unsigned long n = *pos;

	if (lines_made() <= n) {
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(readers, lines_made() > n))
			return -ERESTARTSYS;
	}
	mutex_lock(&lines_lock);
	if (nr_lines - n > KEPT) /* fell behind: skip to the oldest kept */
		n = nr_lines - KEPT;
	memcpy(line, lines[n % KEPT], sizeof(line));
	mutex_unlock(&lines_lock);
	len = strlen(line);
	if (count < len)
		return -EINVAL; /* a line is read whole */
	if (copy_to_user(buf, line, len))
		return -EFAULT;
	*pos = n + 1;
	return len;
}

static const struct file_operations ticker_fops = {
	.owner = THIS_MODULE,
	.read  = ticker_read,
	.llseek = noop_llseek,
};

static struct miscdevice ticker_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name  = "ticker",
	.fops  = &ticker_fops,
	.mode  = 0444,
};

static int stats_show(struct seq_file *m, void *v)
{
	unsigned long fires, reps, since;

	read_lock(&stats_lock);
	fires = timer_fires;
	reps = reports;
	since = started_jiffies;
	read_unlock(&stats_lock);
	seq_printf(m, "interval_ms %u\ntimer_fires %lu\nlines %lu\nreports %lu\nuptime_ms %u\n",
		   interval_ms, fires, lines_made(), reps, jiffies_to_msecs(jiffies - since));
	return 0;
}

static int stats_open(struct inode *inode, struct file *file)
{
	return single_open(file, stats_show, NULL);
}

/*
 * Writing a number to /proc/ticker sets interval_ms from the next tick on.
 * The entry takes at most 15 bytes: anything longer is refused whole
 * (EINVAL), never cut, and never copied past the kernel's buffer.
 */
static ssize_t stats_write(struct file *file, const char __user *ubuf, size_t count, loff_t *pos)
{
	char buf[16];
	unsigned int ms;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	if (kstrtouint(buf, 10, &ms) || ms == 0)
		return -EINVAL;
	WRITE_ONCE(interval_ms, ms);
	pr_info("ticker: a tick every %u ms from now on\n", ms);
	return count;
}

static const struct proc_ops stats_ops = {
	.proc_open    = stats_open,
	.proc_write   = stats_write,
	.proc_read    = seq_read,
	.proc_lseek   = seq_lseek,
	.proc_release = single_release,
};

static int __init ticker_init(void)
{
	int ret;

	if (interval_ms == 0 || report_ms == 0) {
		pr_err("ticker: interval_ms and report_ms must be at least 1\n");
		return -EINVAL;
	}
	started_jiffies = jiffies;
	ticker_wq = alloc_workqueue("ticker_wq", 0, 1);
	if (!ticker_wq)
		return -ENOMEM;
	ticker_thread = kthread_run(ticker_main, NULL, "ticker");
	if (IS_ERR(ticker_thread)) {
		ret = PTR_ERR(ticker_thread);
		goto out_wq;
	}
	ret = misc_register(&ticker_misc);
	if (ret)
		goto out_thread;
	if (!proc_create("ticker", 0644, NULL, &stats_ops)) {
		ret = -ENOMEM;
		goto out_misc;
	}
	timer_setup(&tick_timer, tick_fn, 0);
	mod_timer(&tick_timer, jiffies + msecs_to_jiffies(interval_ms));
	INIT_DELAYED_WORK(&report_work, report_fn);
	queue_delayed_work(ticker_wq, &report_work, msecs_to_jiffies(report_ms));
	pr_info("ticker: a tick every %u ms on /dev/ticker\n", interval_ms);
	return 0;

out_misc:
	misc_deregister(&ticker_misc);
out_thread:
	kthread_stop(ticker_thread);
out_wq:
	destroy_workqueue(ticker_wq);
	return ret;
}

static void __exit ticker_exit(void)
{
	remove_proc_entry("ticker", NULL);
	misc_deregister(&ticker_misc);
	if (forget) {
		pr_info("ticker: leaving the timer, thread and work running (forget=1)\n");
		return;
	}
	/* In order: nothing may feed what is already stopped. The timer
	 * first (it completes the thread's wait), then the thread, then the
	 * work (which re-queues itself: cancel_..._sync stops that). */
	del_timer_sync(&tick_timer);
	kthread_stop(ticker_thread);
	cancel_delayed_work_sync(&report_work);
	destroy_workqueue(ticker_wq);
	pr_info("ticker: stopped after %lu ticks\n", lines_made());
}

module_init(ticker_init);
module_exit(ticker_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("simkernel");
MODULE_DESCRIPTION("Timer, kernel thread, completion, workqueue and rwlock behind /dev/ticker");

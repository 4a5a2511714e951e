// SPDX-License-Identifier: GPL-2.0
/* timer_work.c - a timer that queues work, and work that re-arms the timer,
 * three times (timer_setup, mod_timer, from_timer, INIT_WORK, schedule_work),
 * with a spinlock between the two. */
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/spinlock.h>
#include <linux/jiffies.h>
#include <linux/completion.h>

struct ticker {
	struct timer_list timer;
	struct work_struct work;
	spinlock_t lock;
	int fired;
	struct completion third;
};

static struct ticker tk;

static void tk_work(struct work_struct *w)
{
	struct ticker *t = container_of(w, struct ticker, work);
	unsigned long flags;
	int n;

	spin_lock_irqsave(&t->lock, flags);
	n = t->fired;
	spin_unlock_irqrestore(&t->lock, flags);
	pr_info("timer_work: work after tick %d\n", n);
	if (n < 3)
		mod_timer(&t->timer, jiffies + msecs_to_jiffies(20));  /* the next tick */
	else
		complete(&t->third);
}

static void tk_timer(struct timer_list *timer)
{
	struct ticker *t = from_timer(t, timer, timer);

	spin_lock(&t->lock);
	t->fired++;
	spin_unlock(&t->lock);
	schedule_work(&t->work);
}

static int __init tw_init(void)
{
	spin_lock_init(&tk.lock);
	init_completion(&tk.third);
	INIT_WORK(&tk.work, tk_work);
	timer_setup(&tk.timer, tk_timer, 0);
	mod_timer(&tk.timer, jiffies + msecs_to_jiffies(20));
	wait_for_completion(&tk.third);
	return 0;
}

static void __exit tw_exit(void)
{
	del_timer_sync(&tk.timer);
	cancel_work_sync(&tk.work);
	pr_info("timer_work: stopped after %d ticks\n", tk.fired);
}

module_init(tw_init);
module_exit(tw_exit);
MODULE_LICENSE("GPL");

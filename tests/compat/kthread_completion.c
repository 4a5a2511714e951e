// SPDX-License-Identifier: GPL-2.0
/* kthread_completion.c - a kernel thread that does some work, signals a
 * completion, then waits to be stopped; list_head for the work items. */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/list.h>
#include <linux/slab.h>

struct item {
	int n;
	struct list_head node;
};

static LIST_HEAD(items);
static DECLARE_COMPLETION(done);
static struct task_struct *worker;

static int worker_fn(void *data)
{
	int i;

	for (i = 1; i <= 3; i++) {
		struct item *it = kmalloc(sizeof(*it), GFP_KERNEL);

		if (!it)
			break;
		it->n = i * i;
		list_add_tail(&it->node, &items);
	}
	complete(&done);
	while (!kthread_should_stop())
		msleep(10);
	return 42;
}

static int __init kc_init(void)
{
	struct item *it;

	worker = kthread_run(worker_fn, NULL, "kc_worker");
	if (IS_ERR(worker))
		return PTR_ERR(worker);
	wait_for_completion(&done);
	list_for_each_entry(it, &items, node)
		pr_info("kthread_completion: item %d\n", it->n);
	return 0;
}

static void __exit kc_exit(void)
{
	struct item *it, *tmp;

	pr_info("kthread_completion: thread returned %d\n", kthread_stop(worker));
	list_for_each_entry_safe(it, tmp, &items, node) {
		list_del(&it->node);
		kfree(it);
	}
}

module_init(kc_init);
module_exit(kc_exit);
MODULE_LICENSE("GPL");

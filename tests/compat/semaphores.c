// SPDX-License-Identifier: GPL-2.0
/* semaphores.c - LDD3-style semaphore and rw_semaphore use. */
#include <linux/module.h>
#include <linux/semaphore.h>
#include <linux/rwsem.h>

static DEFINE_SEMAPHORE(single);
static struct semaphore pool;
static DECLARE_RWSEM(table_lock);

static int __init sems_init(void)
{
	sema_init(&pool, 2);
	if (down_interruptible(&single))
		return -ERESTARTSYS;
	pr_info("single: down_trylock while held = %d\n", down_trylock(&single));
	up(&single);
	pr_info("single: down_trylock after up = %d\n", down_trylock(&single));
	up(&single);
	down(&pool);
	down(&pool);
	pr_info("pool: third down_trylock = %d\n", down_trylock(&pool));
	up(&pool);
	up(&pool);
	down_read(&table_lock);
	pr_info("rwsem: second reader trylock = %d, writer trylock = %d\n",
		down_read_trylock(&table_lock), down_write_trylock(&table_lock));
	up_read(&table_lock);
	up_read(&table_lock);
	pr_info("rwsem: writer trylock when free = %d\n", down_write_trylock(&table_lock));
	up_write(&table_lock);
	return 0;
}

static void __exit sems_exit(void)
{
}

module_init(sems_init);
module_exit(sems_exit);
MODULE_LICENSE("GPL");

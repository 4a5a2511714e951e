// SPDX-License-Identifier: GPL-2.0
/* ktimes.c - ktime, jiffies, random numbers and the current task. */
#include <linux/module.h>
#include <linux/ktime.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/capability.h>
#include <linux/utsname.h>

static int __init ktimes_init(void)
{
	ktime_t start = ktime_get();
	u64 ns0 = ktime_get_ns();
	s64 ms;
	u32 r = get_random_u32();
	u8 bytes[8];
	int i, distinct = 0;

	msleep(20);
	ms = ktime_to_ms(ktime_sub(ktime_get(), start));
	pr_info("ktimes: slept at least 20 ms: %s\n", ms >= 20 ? "yes" : "no");
	pr_info("ktimes: ktime_get_ns advanced: %s\n", ktime_get_ns() > ns0 ? "yes" : "no");
	get_random_bytes(bytes, sizeof(bytes));
	for (i = 1; i < 8; i++)
		distinct += bytes[i] != bytes[0];
	pr_info("ktimes: random below 10 is %s, bytes vary: %s\n",
		get_random_u32_below(10) < 10 ? "in range" : "OUT", distinct ? "yes" : "no");
	(void)r;
	pr_info("ktimes: loaded by %s, CAP_SYS_ADMIN %d, release %s\n", current->comm,
		capable(CAP_SYS_ADMIN), init_utsname()->release[0] ? "set" : "empty");
	return 0;
}

static void __exit ktimes_exit(void)
{
}

module_init(ktimes_init);
module_exit(ktimes_exit);
MODULE_LICENSE("GPL");

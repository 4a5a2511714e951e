// SPDX-License-Identifier: GPL-2.0
/* bits.c - atomic bit operations and atomic_t, as LDD3 chapter 5 uses them. */
#include <linux/module.h>
#include <linux/bitops.h>
#include <linux/atomic.h>

static DECLARE_BITMAP(flags, 128);
static atomic_t counter = ATOMIC_INIT(5);

static int __init bits_init(void)
{
	unsigned long bit;

	set_bit(3, flags);
	set_bit(70, flags);
	change_bit(4, flags);
	clear_bit(3, flags);
	pr_info("test_and_set_bit(70)=%d\n", test_and_set_bit(70, flags));
	pr_info("test_and_set_bit(71)=%d\n", test_and_set_bit(71, flags));
	pr_info("test_and_clear_bit(4)=%d\n", test_and_clear_bit(4, flags));
	pr_info("test_bit(4)=%d\n", test_bit(4, flags));
	for_each_set_bit(bit, flags, 128)
		pr_info("bit %lu set\n", bit);
	pr_info("find_first_zero_bit=%lu hweight=%u\n",
		find_first_zero_bit(flags, 128), hweight32(0xf0f0));
	atomic_inc(&counter);
	pr_info("atomic_dec_and_test=%d\n", atomic_dec_and_test(&counter));
	pr_info("value=%d\n", atomic_read(&counter));
	return 0;
}

static void __exit bits_exit(void)
{
}

module_init(bits_init);
module_exit(bits_exit);
MODULE_LICENSE("GPL");

// SPDX-License-Identifier: GPL-2.0
/*
 * param_cb.c - a parameter with its own setter: module_param_cb() checks
 * that the value is a percentage (0..100) at insmod time and whenever
 * /sys/module/param_cb/parameters/level is written; a bad value is refused
 * with -EINVAL and the old one kept.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/moduleparam.h>
#include <linux/kernel.h>

static int level = 50;

static int level_set(const char *val, const struct kernel_param *kp)
{
	int n, err;

	err = kstrtoint(val, 10, &n);
	if (err)
		return err;
	if (n < 0 || n > 100)
		return -EINVAL;
	pr_info("param_cb: level %d -> %d\n", *(int *)kp->arg, n);
	return param_set_int(val, kp);
}

static const struct kernel_param_ops level_ops = {
	.set = level_set,
	.get = param_get_int,
};

module_param_cb(level, &level_ops, &level, 0644);
MODULE_PARM_DESC(level, "a percentage, 0 to 100");

static int __init param_cb_init(void)
{
	pr_info("param_cb: loaded with level %d\n", level);
	return 0;
}

static void __exit param_cb_exit(void)
{
	pr_info("param_cb: unloaded with level %d\n", level);
}

module_init(param_cb_init);
module_exit(param_cb_exit);
MODULE_LICENSE("GPL");

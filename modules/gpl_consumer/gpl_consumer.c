/* Not under the GPL: this module plays a proprietary one. */
/*
 * gpl_consumer.c - a module that is not GPL-licensed and still uses a
 * symbol gpl_provider exports with EXPORT_SYMBOL_GPL. The kernel refuses
 * it: loading taints the kernel (P, "module license 'Proprietary' taints
 * kernel."), then fails with "Unknown symbol gpl_provider_secret (err -2)".
 * Change the license to "GPL" and it loads.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

extern int gpl_provider_answer(void);  /* EXPORT_SYMBOL: anyone may use it */
extern int gpl_provider_secret(void);  /* EXPORT_SYMBOL_GPL: GPL modules only */

static int __init gpl_consumer_init(void)
{
	pr_info("gpl_consumer: answer %d, secret %d\n", gpl_provider_answer(), gpl_provider_secret());
	return 0;
}

static void __exit gpl_consumer_exit(void)
{
}

module_init(gpl_consumer_init);
module_exit(gpl_consumer_exit);

MODULE_LICENSE("Proprietary");
MODULE_AUTHOR("Operating Systems course");
MODULE_DESCRIPTION("A proprietary module using an EXPORT_SYMBOL_GPL symbol: refused");

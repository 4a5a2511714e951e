// SPDX-License-Identifier: GPL-2.0
/*
 * test_syscall_forget.c - patches sys_call_table and never puts it back,
 * for the tests of the kernel's clean-up (tests/drivers_unit).
 *
 * init replaces open (with a wrapper that calls the original) and getpid
 * (with one that answers 4242, so a test can see the patch from user
 * space). exit restores nothing. With fail_init=1, init fails with
 * -ENODEV after patching: the kernel must clean up then too.
 */
#include <asm/syscall.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

static int fail_init;
module_param(fail_init, int, 0);

static sys_call_ptr_t real_open;

static long passthrough_open(const struct pt_regs *regs)
{
	return real_open(regs);
}

static long fake_getpid(const struct pt_regs *regs)
{
	return 4242;
}

static int __init forget_init(void)
{
	real_open = sys_call_table[__NR_open];
	sys_call_table[__NR_open] = passthrough_open;
	sys_call_table[__NR_getpid] = fake_getpid;
	pr_info("test_syscall_forget: patched open and getpid\n");
	if (fail_init)
		return -ENODEV; /* and leaves both patched */
	return 0;
}

static void __exit forget_exit(void)
{
	pr_info("test_syscall_forget: leaving without restoring sys_call_table\n");
}

module_init(forget_init);
module_exit(forget_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test: patches sys_call_table and forgets to restore it");

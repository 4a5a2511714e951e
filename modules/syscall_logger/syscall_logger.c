// SPDX-License-Identifier: GPL-2.0
/*
 * syscall_logger.c - replace a kernel function with your own: every open(2)
 * is logged, then done as before.
 *
 * The kernel finds each system call through sys_call_table, a table of
 * function pointers indexed by the call's number (__NR_open is 2). A module
 * may put its own function in an entry. Ours copies the path the caller
 * passed, calls the function that was there before (so open still works),
 * and logs the path with the result:
 *
 *   syscall_logger: open("/dev/null", 0x0) = 3
 *
 * On unload it must put the old pointer back: once the module is gone its
 * code is gone, and a table entry still pointing there would crash the
 * next open. (simkernel puts it back for a module that forgets, and says
 * so in the log; Linux does not.)
 *
 * On Linux itself this is forbidden on purpose: sys_call_table has not
 * been exported to modules since 2.6, and it is read-only memory. The
 * source still builds against Linux's headers, because the reference to
 * the table is weak: where no one exports it, it is NULL, and init refuses
 * to load with ENOSYS instead of writing anywhere.
 */
#include <asm/syscall.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#define LOGGED_PATH_MAX 256 /* longer paths are logged cut short, with "..." */

/* NULL (and the module refuses to load) on a kernel that does not export it. */
#pragma weak sys_call_table

/* The table, writable: simkernel's is; Linux declares it const. */
#define syscall_table ((sys_call_ptr_t *)sys_call_table)

/* The entry we replaced: our wrapper calls it, and exit puts it back. */
static sys_call_ptr_t real_open;

/* open(path, flags, mode): path in di, flags in si, mode in dx. */
static long logged_open(const struct pt_regs *regs)
{
	char path[LOGGED_PATH_MAX];
	const char *more = "";
	long len, ret;

	/* The path is in the caller's memory: copy it in, as open itself does. */
	len = strncpy_from_user(path, (const char __user *)regs->di, sizeof(path));
	if (len < 0) {
		strscpy(path, "(bad address)", sizeof(path));
	} else if (len == sizeof(path)) {
		path[sizeof(path) - 1] = '\0';
		more = "...";
	}

	ret = real_open(regs);

	pr_info("syscall_logger: open(\"%s%s\", %#lx) = %ld\n", path, more, regs->si, ret);
	return ret;
}

static int __init syscall_logger_init(void)
{
	if (!syscall_table) {
		pr_err("syscall_logger: this kernel does not export sys_call_table\n");
		return -ENOSYS;
	}
	real_open = syscall_table[__NR_open];
	if (!real_open)
		return -ENOSYS; /* no open(2) to wrap */
	syscall_table[__NR_open] = logged_open;
	pr_info("syscall_logger: logging every open(2)\n");
	return 0;
}

static void __exit syscall_logger_exit(void)
{
	/* Someone who patched after us and left first would have put our
	 * function back; someone still there is about to lose their patch. */
	if (syscall_table[__NR_open] != logged_open)
		pr_warn("syscall_logger: sys_call_table[__NR_open] was changed by someone else; restoring the original anyway\n");
	syscall_table[__NR_open] = real_open;
	pr_info("syscall_logger: open(2) restored\n");
}

module_init(syscall_logger_init);
module_exit(syscall_logger_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Logs every open(2) by wrapping sys_call_table[__NR_open]");
MODULE_AUTHOR("simkernel");

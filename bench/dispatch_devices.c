// SPDX-License-Identifier: GPL-2.0
/*
 * dispatch_devices.c - the switch kernel's device layer
 * (sim_kernel/switch/dev_switch.c and the drivers it compiles in), built
 * into the benchmark, so that dispatch_bench.cpp can reach the same driver
 * functions both ways: through dev_func_read()'s switch, as the switch
 * kernel does, and through the driver's own struct file_operations, as the
 * loadable kernel does.
 *
 * Nothing here boots: the drivers' boot hooks go to functions that do
 * nothing (a kernel this process boots has its own built-in drivers).
 */
#define sk_builtin_set_init dispatch_bench_ignore_init
#define sk_builtin_set_exit dispatch_bench_ignore_exit
#include "../sim_kernel/switch/dev_switch.c"

void dispatch_bench_ignore_init(const char *name, initcall_t init)
{
}

void dispatch_bench_ignore_exit(const char *name, exitcall_t exit_fn)
{
}

/* zero.c's table, as its register_chrdev() hands it to the loadable kernel. */
const struct file_operations *dispatch_bench_zero_fops(void)
{
	return &zero_fops;
}

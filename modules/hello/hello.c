/*
 * hello.c - the course's first module, exactly as the notes write it.
 */
#include <linux/kernel.h>
#include <linux/module.h>

MODULE_AUTHOR("Operating Systems course");
MODULE_LICENSE("GPL");

int init_module(void)
{
	printk(KERN_ALERT "Hello World");
	return 0;
}

void cleanup_module(void)
{
	printk(KERN_ALERT "Goodbye");
}

// SPDX-License-Identifier: GPL-2.0
/*
 * test_slab.c - one slab bug per load, for the slab debugging transcripts
 * (tests/transcripts/slab_*.t):
 *
 *   insmod test_slab.ko bug=KIND
 *
 * right:   writes one byte past the 60 bytes it kmalloc'ed, then kfrees them
 * left:    writes one byte before the start, then kfrees
 * uaf:     kfrees, then writes to the object (found when it is checked:
 *          rmmod, or on demand)
 * double:  kfrees the same object twice
 * inside:  kfrees a pointer 8 bytes into an object
 * global:  kfrees the address of a global variable
 * leak:    keeps two allocations (rmmod reports them, with their call site)
 * cache:   writes past an object of its own kmem_cache, then frees it
 * none:    allocates and frees correctly
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>

static char *bug = "none";
module_param(bug, charp, 0444);

static int some_global;
static char *kept[2];
static struct kmem_cache *cache;

/* Out of line, so the compiler cannot see (and warn about) the bad index. */
static noinline void poke(char *p, long index, char value)
{
	p[index] = value;
}

static noinline int slab_bug_right(void)
{
	char *buf = kmalloc(60, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	memset(buf, 'x', 60);
	poke(buf, 60, 'x');	/* one past the end: buf[60] */
	kfree(buf);
	return 0;
}

static noinline int slab_bug_left(void)
{
	char *buf = kmalloc(32, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	poke(buf, -1, 'x');
	kfree(buf);
	return 0;
}

static noinline int slab_bug_uaf(void)
{
	char *buf = kzalloc(64, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	kfree(buf);
	poke(buf, 4, 'u');	/* after kfree */
	return 0;
}

static noinline int slab_bug_double(void)
{
	char *buf = kmalloc(100, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	kfree(buf);
	kfree(buf);
	return 0;
}

static noinline int slab_bug_inside(void)
{
	char *buf = kmalloc(16, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	kfree(buf + 8);
	kfree(buf);
	return 0;
}

static noinline int slab_bug_leak(void)
{
	kept[0] = kmalloc(200, GFP_KERNEL);
	kept[1] = kcalloc(4, 16, GFP_KERNEL);
	return kept[0] && kept[1] ? 0 : -ENOMEM;
}

static noinline int slab_bug_cache(void)
{
	char *obj;

	cache = kmem_cache_create("test_slab_obj", 24, 0, 0, NULL);
	if (!cache)
		return -ENOMEM;
	obj = kmem_cache_alloc(cache, GFP_KERNEL);
	if (!obj)
		return -ENOMEM;
	poke(obj, 24, 'c');
	kmem_cache_free(cache, obj);
	return 0;
}

static noinline int slab_ok(void)
{
	char *buf = krealloc(NULL, 10, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	buf = krealloc(buf, 100, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	kfree(buf);
	return 0;
}

static int __init test_slab_init(void)
{
	if (!strcmp(bug, "right"))
		return slab_bug_right();
	if (!strcmp(bug, "left"))
		return slab_bug_left();
	if (!strcmp(bug, "uaf"))
		return slab_bug_uaf();
	if (!strcmp(bug, "double"))
		return slab_bug_double();
	if (!strcmp(bug, "inside"))
		return slab_bug_inside();
	if (!strcmp(bug, "global")) {
		kfree(&some_global);
		return 0;
	}
	if (!strcmp(bug, "leak"))
		return slab_bug_leak();
	if (!strcmp(bug, "cache"))
		return slab_bug_cache();
	return slab_ok();
}

static void __exit test_slab_exit(void)
{
	kmem_cache_destroy(cache);
}

module_init(test_slab_init);
module_exit(test_slab_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("slab bugs, one per load");

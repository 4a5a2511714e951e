// SPDX-License-Identifier: GPL-2.0
/* slabcache.c - a kmem_cache of fixed-size objects, as LDD3's scullc. */
#include <linux/module.h>
#include <linux/slab.h>

struct quantum {
	int id;
	char data[100];
};

static struct kmem_cache *cache;
static struct quantum *objs[4];
static int constructed;

static void quantum_ctor(void *p)
{
	((struct quantum *)p)->id = -1;
	constructed++;
}

static int __init slabcache_init(void)
{
	int i;

	cache = kmem_cache_create("quantum", sizeof(struct quantum), 0,
				  SLAB_HWCACHE_ALIGN, quantum_ctor);
	if (!cache)
		return -ENOMEM;
	for (i = 0; i < 4; i++) {
		objs[i] = kmem_cache_alloc(cache, GFP_KERNEL);
		if (!objs[i])
			return -ENOMEM;
		objs[i]->id = i;
	}
	pr_info("slabcache: %d objects of %u bytes, %d constructed\n", i,
		kmem_cache_size(cache), constructed);
	return 0;
}

static void __exit slabcache_exit(void)
{
	int i;

	for (i = 0; i < 4; i++)
		kmem_cache_free(cache, objs[i]);
	kmem_cache_destroy(cache);
	pr_info("slabcache: destroyed\n");
}

module_init(slabcache_init);
module_exit(slabcache_exit);
MODULE_LICENSE("GPL");

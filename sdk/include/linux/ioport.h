/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/ioport.h - reserving I/O ports. A driver claims the ports it will
 * use with request_region(start, n, name) (NULL if any of them is already
 * claimed) and gives them back with release_region(start, n). The
 * simulated machine's keyboard controller (0x60, 0x64) is claimed at boot,
 * as on a PC. The ports themselves are read and written with inb/outb
 * (<linux/io.h>). There is no I/O memory: request_mem_region fails.
 */
#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H

#include <linux/compiler.h>
#include <linux/minmax.h>
#include <linux/bits.h>
#include <linux/types.h>
#include <linux/build_bug.h>

struct resource {
	resource_size_t start;
	resource_size_t end;    /* the last port, inclusive */
	const char *name;
	unsigned long flags;
};

#define IORESOURCE_IO  0x00000100
#define IORESOURCE_MEM 0x00000200

struct module;
__SK_BEGIN_DECLS
struct resource *sk_request_region(struct module *owner, resource_size_t start,
				   resource_size_t n, const char *name);
void release_region(resource_size_t start, resource_size_t n);
__SK_END_DECLS

static inline struct resource *request_region(resource_size_t start, resource_size_t n,
					      const char *name)
{
	return sk_request_region(THIS_MODULE, start, n, name);
}
#define request_muxed_region(start, n, name) request_region(start, n, name)
/* No memory-mapped devices exist in simkernel: every request fails. */
#define request_mem_region(start, n, name) ((struct resource *)NULL)
#define release_mem_region(start, n) do { } while (0)

static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

#endif /* _LINUX_IOPORT_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/io.h - port I/O to the simulated hardware.
 *
 * The simulated PC's I/O ports (docs/module-api.md, "The simulated machine"):
 *   0x60, 0x64   the keyboard controller: data, and status (bit 0 set while
 *                a byte waits in the data port), as the i8042
 *   0x378-0x37a  the parallel port (LPT1): data, status, control; IRQ 7.
 *                The data port reads back what was written; a wire from
 *                data bit 7 to nACK (LDD3's "short") makes status bit 6
 *                follow data bit 7 and, with control bit 4 set, a rise of
 *                data bit 7 raise IRQ 7.
 * Any other port reads 0xff (nothing answers) and ignores writes. The
 * devices are 8 bits wide: inw/inl read one byte per port, lowest first.
 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include <linux/bug.h>

__SK_BEGIN_DECLS
unsigned char inb(unsigned short port);
unsigned short inw(unsigned short port);
unsigned int inl(unsigned short port);
void outb(unsigned char value, unsigned short port);
void outw(unsigned short value, unsigned short port);
void outl(unsigned int value, unsigned short port);
__SK_END_DECLS

/* The "pausing" forms: old ISA devices needed a delay after each access. */
#define inb_p(port)         inb(port)
#define inw_p(port)         inw(port)
#define inl_p(port)         inl(port)
#define outb_p(value, port) outb(value, port)
#define outw_p(value, port) outw(value, port)
#define outl_p(value, port) outl(value, port)

/* The string forms: count values between memory and one port. */
#define __SK_PORT_STRING(bwl, type)						\
static inline void ins##bwl(int port, void *addr, unsigned long count)		\
{										\
	type *p = (type *)addr;							\
	while (count--)								\
		*p++ = in##bwl((unsigned short)port);				\
}										\
static inline void outs##bwl(int port, const void *addr, unsigned long count)	\
{										\
	const type *p = (const type *)addr;					\
	while (count--)								\
		out##bwl(*p++, (unsigned short)port);				\
}
__SK_PORT_STRING(b, unsigned char)
__SK_PORT_STRING(w, unsigned short)
__SK_PORT_STRING(l, unsigned int)
#undef __SK_PORT_STRING

/*
 * Memory-mapped I/O cannot exist in simkernel (there is no device memory):
 * a module that calls these fails to compile, with the reason.
 */
#define __SK_NO_IOMEM __attribute__((__error__("simkernel has no device memory: memory-mapped I/O (ioremap, readl, writel, ...) is not available; see docs/module-api.md")))
__SK_BEGIN_DECLS
__SK_NO_IOMEM void __iomem *ioremap(phys_addr_t offset, size_t size);
__SK_NO_IOMEM void iounmap(volatile void __iomem *addr);
__SK_NO_IOMEM u8 readb(const volatile void __iomem *addr);
__SK_NO_IOMEM u16 readw(const volatile void __iomem *addr);
__SK_NO_IOMEM u32 readl(const volatile void __iomem *addr);
__SK_NO_IOMEM void writeb(u8 value, volatile void __iomem *addr);
__SK_NO_IOMEM void writew(u16 value, volatile void __iomem *addr);
__SK_NO_IOMEM void writel(u32 value, volatile void __iomem *addr);
__SK_NO_IOMEM unsigned int ioread8(const void __iomem *addr);
__SK_NO_IOMEM unsigned int ioread32(const void __iomem *addr);
__SK_NO_IOMEM void iowrite8(u8 value, void __iomem *addr);
__SK_NO_IOMEM void iowrite32(u32 value, void __iomem *addr);
/* No physical addresses either (mmap of a device: <linux/mm.h>). */
#define __SK_NO_PHYS __attribute__((__error__("simkernel has no physical addresses: virt_to_phys and phys_to_virt are not available (a device cannot be mmap'ed); see docs/module-api.md")))
__SK_NO_PHYS phys_addr_t virt_to_phys(volatile void *address);
__SK_NO_PHYS void *phys_to_virt(phys_addr_t address);
__SK_END_DECLS

#endif /* _LINUX_IO_H */

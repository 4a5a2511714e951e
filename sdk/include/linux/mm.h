/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/mm.h - memory management. simkernel has no page tables of its own:
 * what modules use from here is the page size, allocation and (through
 * <linux/fs.h>) the file types.
 *
 * mmap of a device is not provided: a process's memory is not the kernel's
 * to map in a simulation (no page tables, no physical addresses). struct
 * vm_area_struct is here so that a driver's .mmap builds up to its checks,
 * but the calls that would map pages refuse at build time, with the reason
 * (docs/module-api.md, "refused"); no system call ever calls .mmap.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <asm/page.h>
#include <linux/ioport.h>
#include <linux/bug.h>

#include <linux/mm_types.h>

#define VM_READ     0x00000001
#define VM_WRITE    0x00000002
#define VM_EXEC     0x00000004
#define VM_SHARED   0x00000008
#define VM_IO       0x00004000
#define VM_DONTEXPAND 0x00040000
#define VM_DONTDUMP 0x04000000

struct vm_fault;
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	void (*close)(struct vm_area_struct *area);
	unsigned int (*fault)(struct vm_fault *vmf);
};


__SK_BEGIN_DECLS
__SK_NO_MMAP int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
				 unsigned long pfn, unsigned long size, pgprot_t prot);
__SK_NO_MMAP int io_remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
				    unsigned long pfn, unsigned long size, pgprot_t prot);
__SK_NO_MMAP int vm_insert_page(struct vm_area_struct *vma, unsigned long addr, struct page *page);
__SK_NO_MMAP int vm_iomap_memory(struct vm_area_struct *vma, phys_addr_t start, unsigned long len);
__SK_NO_MMAP unsigned long vmalloc_to_pfn(const void *addr);
__SK_END_DECLS

#endif /* _LINUX_MM_H */

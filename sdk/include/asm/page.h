/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/page.h - the page size (x86-64: 4 KiB pages).
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <asm/barrier.h>
#include <linux/bitops.h>
#include <linux/bug.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE  (1UL << PAGE_SHIFT)
#define PAGE_MASK  (~(PAGE_SIZE - 1))
/* The top of user space: access_ok() accepts addresses below it. */
#define TASK_SIZE_MAX ((1UL << 47) - PAGE_SIZE)
#define PAGE_ALIGN(addr) (((addr) + PAGE_SIZE - 1) & PAGE_MASK)

/* Page protections: only carried (a driver's .mmap builds; nothing maps). */
typedef struct { unsigned long pgprot; } pgprot_t;

/* What would map memory into a process refuses at build time (<linux/mm.h>). */
#define __SK_NO_MMAP __attribute__((__error__("simkernel has no page tables: a driver cannot map memory into a process (mmap: remap_pfn_range, vm_insert_page, virt_to_phys, ...); see docs/module-api.md")))
struct page;
__SK_BEGIN_DECLS
__SK_NO_MMAP struct page *virt_to_page(const void *addr);
__SK_END_DECLS

#endif /* _ASM_X86_PAGE_H */

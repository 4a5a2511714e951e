/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/mm_types.h - struct vm_area_struct: one mapping of a process, what
 * a driver's .mmap is given. Present so that such a driver builds; simkernel
 * has no mmap(2), so nothing calls .mmap (docs/module-api.md).
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ioctl.h>
#include <linux/spinlock.h>
#include <linux/rwlock.h>
#include <linux/preempt.h>
#include <linux/gfp.h>
#include <asm/ptrace.h>
#include <asm/current.h>
#include <asm/page.h>

struct mm_struct;
struct file;
struct vm_operations_struct;

struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;      /* the first byte after the mapping */
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;
	unsigned long vm_flags;
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;    /* offset in the file, in pages */
	struct file *vm_file;
	void *vm_private_data;
};

#endif /* _LINUX_MM_TYPES_H */

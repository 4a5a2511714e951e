/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/barrier.h - memory barriers (x86-64). The smp_ forms order memory
 * between CPUs; here, between the host threads that run kernel code.
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#include <linux/compiler.h>
#include <linux/printk.h>
#include <linux/bug.h>

#define mb()      __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define rmb()     __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define wmb()     __atomic_thread_fence(__ATOMIC_RELEASE)
#define smp_mb()  mb()
#define smp_rmb() rmb()
#define smp_wmb() wmb()
#define smp_mb__before_atomic() barrier()
#define smp_mb__after_atomic()  barrier()
#define smp_load_acquire(p)      __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define smp_store_release(p, v)  __atomic_store_n((p), (v), __ATOMIC_RELEASE)

#endif /* _ASM_BARRIER_H */

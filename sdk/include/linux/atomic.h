/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/atomic.h - integers that several threads may change at once.
 *
 * As in Linux (Documentation/atomic_t.txt): atomic_read/atomic_set and the
 * operations that return nothing (atomic_inc, atomic_add, ...) are relaxed:
 * they are atomic but order nothing else. Every operation that returns a
 * value (atomic_inc_return, atomic_dec_and_test, atomic_xchg, a successful
 * atomic_cmpxchg, ...) is fully ordered, a barrier on both sides. The
 * _relaxed/_acquire/_release forms say exactly what they order.
 *
 * The bodies are the compiler's __atomic builtins: nothing to link against.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/barrier.h>
#include <linux/bug.h>

#define ATOMIC64_INIT(i) { (i) }

/*
 * One set of bodies for atomic_t (int), atomic64_t (s64) and atomic_long_t
 * (long): __SK_ATOMIC_OPS(prefix, struct type, value type).
 */
#define __SK_ATOMIC_OPS(p, A, T)                                                    \
static inline T p##_read(const A *v) { return __atomic_load_n(&v->counter, __ATOMIC_RELAXED); } \
static inline T p##_read_acquire(const A *v) { return __atomic_load_n(&v->counter, __ATOMIC_ACQUIRE); } \
static inline void p##_set(A *v, T i) { __atomic_store_n(&v->counter, i, __ATOMIC_RELAXED); } \
static inline void p##_set_release(A *v, T i) { __atomic_store_n(&v->counter, i, __ATOMIC_RELEASE); } \
static inline void p##_add(T i, A *v) { __atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED); } \
static inline void p##_sub(T i, A *v) { __atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED); } \
static inline void p##_inc(A *v) { __atomic_fetch_add(&v->counter, 1, __ATOMIC_RELAXED); }      \
static inline void p##_dec(A *v) { __atomic_fetch_sub(&v->counter, 1, __ATOMIC_RELAXED); }      \
static inline void p##_and(T i, A *v) { __atomic_fetch_and(&v->counter, i, __ATOMIC_RELAXED); } \
static inline void p##_or(T i, A *v) { __atomic_fetch_or(&v->counter, i, __ATOMIC_RELAXED); }   \
static inline void p##_xor(T i, A *v) { __atomic_fetch_xor(&v->counter, i, __ATOMIC_RELAXED); } \
static inline T p##_add_return(T i, A *v) { return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline T p##_sub_return(T i, A *v) { return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline T p##_add_return_relaxed(T i, A *v) { return __atomic_add_fetch(&v->counter, i, __ATOMIC_RELAXED); } \
static inline T p##_inc_return(A *v) { return __atomic_add_fetch(&v->counter, 1, __ATOMIC_SEQ_CST); } \
static inline T p##_dec_return(A *v) { return __atomic_sub_fetch(&v->counter, 1, __ATOMIC_SEQ_CST); } \
static inline T p##_inc_return_relaxed(A *v) { return __atomic_add_fetch(&v->counter, 1, __ATOMIC_RELAXED); } \
static inline T p##_dec_return_relaxed(A *v) { return __atomic_sub_fetch(&v->counter, 1, __ATOMIC_RELAXED); } \
static inline T p##_fetch_add(T i, A *v) { return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline T p##_fetch_sub(T i, A *v) { return __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline T p##_fetch_inc(A *v) { return __atomic_fetch_add(&v->counter, 1, __ATOMIC_SEQ_CST); } \
static inline T p##_fetch_dec(A *v) { return __atomic_fetch_sub(&v->counter, 1, __ATOMIC_SEQ_CST); } \
static inline T p##_fetch_and(T i, A *v) { return __atomic_fetch_and(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline T p##_fetch_or(T i, A *v) { return __atomic_fetch_or(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline T p##_fetch_xor(T i, A *v) { return __atomic_fetch_xor(&v->counter, i, __ATOMIC_SEQ_CST); } \
static inline bool p##_sub_and_test(T i, A *v) { return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST) == 0; } \
static inline bool p##_dec_and_test(A *v) { return __atomic_sub_fetch(&v->counter, 1, __ATOMIC_SEQ_CST) == 0; } \
static inline bool p##_inc_and_test(A *v) { return __atomic_add_fetch(&v->counter, 1, __ATOMIC_SEQ_CST) == 0; } \
static inline bool p##_add_negative(T i, A *v) { return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST) < 0; } \
static inline T p##_xchg(A *v, T n) { return __atomic_exchange_n(&v->counter, n, __ATOMIC_SEQ_CST); } \
/* Returns the old value: the swap happened if it equals o. */                  \
static inline T p##_cmpxchg(A *v, T o, T n)                                       \
{                                                                                 \
	__atomic_compare_exchange_n(&v->counter, &o, n, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); \
	return o;                                                                 \
}                                                                                 \
/* true if it swapped; otherwise *o is updated to the current value. */        \
static inline bool p##_try_cmpxchg(A *v, T *o, T n)                               \
{                                                                                 \
	return __atomic_compare_exchange_n(&v->counter, o, n, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); \
}                                                                                 \
/* Adds a unless the value is u; returns whether it added. */                   \
static inline bool p##_add_unless(A *v, T a, T u)                                 \
{                                                                                 \
	T c = p##_read(v);                                                        \
	do {                                                                      \
		if (c == u)                                                       \
			return false;                                             \
	} while (!p##_try_cmpxchg(v, &c, c + a));                                 \
	return true;                                                              \
}                                                                                 \
static inline bool p##_inc_not_zero(A *v) { return p##_add_unless(v, 1, 0); }

__SK_ATOMIC_OPS(atomic, atomic_t, int)
__SK_ATOMIC_OPS(atomic64, atomic64_t, s64)

typedef struct {
	long counter;
} atomic_long_t;
#define ATOMIC_LONG_INIT(i) { (i) }
__SK_ATOMIC_OPS(atomic_long, atomic_long_t, long)

#undef __SK_ATOMIC_OPS

/* The plain forms on any integer or pointer, as <linux/atomic.h> gives them. */
#define xchg(ptr, v) __atomic_exchange_n((ptr), (v), __ATOMIC_SEQ_CST)
#define cmpxchg(ptr, o, n)                                                          \
	({                                                                          \
		__typeof__(*(ptr)) __o = (o);                                       \
		__atomic_compare_exchange_n((ptr), &__o, (n), 0, __ATOMIC_SEQ_CST,  \
					    __ATOMIC_SEQ_CST);                      \
		__o;                                                                \
	})

#endif /* _LINUX_ATOMIC_H */

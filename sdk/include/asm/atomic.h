/* SPDX-License-Identifier: GPL-2.0 */
/* Older code includes <asm/atomic.h>; it is <linux/atomic.h>. */
#include <linux/atomic.h>
#include <linux/bug.h>

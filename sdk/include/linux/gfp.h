/* SPDX-License-Identifier: GPL-2.0 */
/* linux/gfp.h - allocation flags. simkernel honours __GFP_ZERO; the others
 * say where Linux may sleep or which zone to use, and are accepted as is. */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>
#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>
#include <linux/random.h>
#include <linux/rwsem.h>

#include <linux/gfp_types.h>
#include <linux/mm_types.h>
#include <linux/bug.h>

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* Older textbooks include <asm/uaccess.h>; it is <linux/uaccess.h>. */
#include <linux/uaccess.h>
#include <linux/bug.h>

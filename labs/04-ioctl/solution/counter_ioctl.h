/* SPDX-License-Identifier: GPL-2.0 */
/*
 * counter_ioctl.h - lab 4: the ioctl commands of /dev/counter, shared by the
 * driver and the programs that use it (include it from user space too).
 */
#ifndef COUNTER_IOCTL_H
#define COUNTER_IOCTL_H

#include <linux/ioctl.h>

#define COUNTER_MAGIC 'c'
/* Read the counter into the int the argument points to. */
#define COUNTER_GET _IOR(COUNTER_MAGIC, 1, int)
/* Set the counter from the int the argument points to (0 or more). */
#define COUNTER_SET _IOW(COUNTER_MAGIC, 2, int)
/* Set the counter to 0 (no argument). */
#define COUNTER_RESET _IO(COUNTER_MAGIC, 3)

#endif

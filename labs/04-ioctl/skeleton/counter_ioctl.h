/* SPDX-License-Identifier: GPL-2.0 */
/*
 * counter_ioctl.h - lab 4: the ioctl commands of /dev/counter, shared by the
 * driver and the programs that use it (include it from user space too).
 */
#ifndef COUNTER_IOCTL_H
#define COUNTER_IOCTL_H

#include <linux/ioctl.h>

#define COUNTER_MAGIC 'c'
/* TODO 1: the three commands, with the magic 'c' and numbers 1, 2, 3:
 *   COUNTER_GET    reads the counter into the int the argument points to (_IOR)
 *   COUNTER_SET    sets it from the int the argument points to (_IOW)
 *   COUNTER_RESET  sets it to 0, no argument (_IO)
 * The placeholders below build, but no program can tell them apart. */
#define COUNTER_GET 0
#define COUNTER_SET 0
#define COUNTER_RESET 0

#endif

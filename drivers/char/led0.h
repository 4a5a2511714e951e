/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * led0.h - the ioctl commands of /dev/led0, for the driver and for the
 * programs (and tests) that drive it.
 *
 * Each number packs a direction, the size of the argument, a magic letter
 * and a command number (see <linux/ioctl.h>):
 *
 *   LED_SET     _IOW('L', 1, int)  0x40044c01  arg points at an int: 0 off, 1 on
 *   LED_GET     _IOR('L', 2, int)  0x80044c02  arg points at an int the state goes to
 *   LED_TOGGLE  _IO('L', 3)        0x00004c03  no argument
 *
 * "W" and "R" are from the caller's side: _IOW writes to the driver.
 */
#ifndef _LED0_H
#define _LED0_H

#include <linux/ioctl.h>

#define LED_IOC_MAGIC 'L'

#define LED_SET    _IOW(LED_IOC_MAGIC, 1, int)
#define LED_GET    _IOR(LED_IOC_MAGIC, 2, int)
#define LED_TOGGLE _IO(LED_IOC_MAGIC, 3)

#define LED_OFF 0
#define LED_ON  1

#endif /* _LED0_H */

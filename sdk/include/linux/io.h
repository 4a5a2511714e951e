/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/io.h - port I/O to the simulated hardware.
 *
 * The simulated PC has a keyboard controller at ports 0x60 (data) and 0x64
 * (status; bit 0 set while a byte waits in the data port), as the i8042 does.
 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>

__SK_BEGIN_DECLS
unsigned char inb(unsigned short port);
void outb(unsigned char value, unsigned short port);
__SK_END_DECLS

#endif /* _LINUX_IO_H */

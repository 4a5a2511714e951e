/* SPDX-License-Identifier: GPL-2.0 */
/* linux/aio.h - asynchronous I/O. Drivers books include it next to
 * <linux/fs.h>; simkernel has no kiocb-based I/O, so it brings <linux/fs.h>. */
#ifndef __LINUX__AIO_H
#define __LINUX__AIO_H

#include <linux/fs.h>
#include <linux/bug.h>

#endif /* __LINUX__AIO_H */

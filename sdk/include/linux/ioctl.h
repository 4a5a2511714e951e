/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/ioctl.h - building ioctl command numbers.
 * A command packs a direction, an argument size, a "type" (a magic letter
 * chosen by the driver) and a number: _IOW('L', 1, int) writes an int.
 */
#ifndef _LINUX_IOCTL_H
#define _LINUX_IOCTL_H

#ifdef __SIMKERNEL_HOSTED__
#include_next <linux/ioctl.h> /* the same numbers, as glibc expects them */
#else

#define _IOC_NRBITS   8
#define _IOC_TYPEBITS 8
#define _IOC_SIZEBITS 14
#define _IOC_DIRBITS  2

#define _IOC_NRMASK   ((1 << _IOC_NRBITS) - 1)
#define _IOC_TYPEMASK ((1 << _IOC_TYPEBITS) - 1)
#define _IOC_SIZEMASK ((1 << _IOC_SIZEBITS) - 1)
#define _IOC_DIRMASK  ((1 << _IOC_DIRBITS) - 1)

#define _IOC_NRSHIFT   0
#define _IOC_TYPESHIFT (_IOC_NRSHIFT + _IOC_NRBITS)
#define _IOC_SIZESHIFT (_IOC_TYPESHIFT + _IOC_TYPEBITS)
#define _IOC_DIRSHIFT  (_IOC_SIZESHIFT + _IOC_SIZEBITS)

#define _IOC_NONE  0U
#define _IOC_WRITE 1U
#define _IOC_READ  2U

#define _IOC(dir, type, nr, size)           \
	(((dir) << _IOC_DIRSHIFT) |         \
	 ((type) << _IOC_TYPESHIFT) |       \
	 ((nr) << _IOC_NRSHIFT) |           \
	 ((size) << _IOC_SIZESHIFT))

#define _IO(type, nr)         _IOC(_IOC_NONE, (type), (nr), 0)
#define _IOR(type, nr, T)     _IOC(_IOC_READ, (type), (nr), sizeof(T))
#define _IOW(type, nr, T)     _IOC(_IOC_WRITE, (type), (nr), sizeof(T))
#define _IOWR(type, nr, T)    _IOC(_IOC_READ | _IOC_WRITE, (type), (nr), sizeof(T))

#define _IOC_DIR(nr)  (((nr) >> _IOC_DIRSHIFT) & _IOC_DIRMASK)
#define _IOC_TYPE(nr) (((nr) >> _IOC_TYPESHIFT) & _IOC_TYPEMASK)
#define _IOC_NR(nr)   (((nr) >> _IOC_NRSHIFT) & _IOC_NRMASK)
#define _IOC_SIZE(nr) (((nr) >> _IOC_SIZESHIFT) & _IOC_SIZEMASK)

#endif /* __SIMKERNEL_HOSTED__ */
#endif /* _LINUX_IOCTL_H */

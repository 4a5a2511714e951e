/* SPDX-License-Identifier: GPL-2.0 */
/* asm/errno.h - the error numbers; older code includes this one. */
#ifdef __SIMKERNEL_HOSTED__
/* glibc's <errno.h> reaches the UAPI <asm/errno.h> through this name. */
#include_next <asm/errno.h>
#else
#include <linux/errno.h>
#endif

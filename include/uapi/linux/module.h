/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * include/uapi/linux/module.h - the flags user space passes to
 * finit_module(2), as in Linux's header of the same name. Shared by the
 * kernel (which checks them) and the user library (whose insmod and
 * modprobe set them): constants only, no kernel type.
 */
#ifndef _UAPI_LINUX_MODULE_H
#define _UAPI_LINUX_MODULE_H

/* Flags for finit_module(2). */
#define MODULE_INIT_IGNORE_MODVERSIONS 1
#define MODULE_INIT_IGNORE_VERMAGIC    2
#define MODULE_INIT_COMPRESSED_FILE    4

#endif /* _UAPI_LINUX_MODULE_H */

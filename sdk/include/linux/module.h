/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/module.h - what every loadable module includes.
 *
 * A .ko carries three things the kernel reads: the .modinfo section (the
 * MODULE_* strings below, as "key=value\0" records), the struct module named
 * __this_module (generated into <mod>.mod.c by the build), and the entry
 * points init_module / cleanup_module.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/printk.h>
#include <linux/moduleparam.h>
#include <linux/stat.h>
#include <asm/syscall.h>
#include <linux/sysfs.h>
#include <linux/bug.h>

#define MODULE_NAME_LEN 56

enum module_state {
	MODULE_STATE_LIVE,      /* normal state */
	MODULE_STATE_COMING,    /* init_module is running */
	MODULE_STATE_GOING,     /* cleanup_module is running */
	MODULE_STATE_UNFORMED,  /* still being set up */
};

/*
 * The module's own record, placed in the .ko by <mod>.mod.c. The kernel keeps
 * its bookkeeping (state, reference count, what the module registered and
 * allocated) on its side and links it here through sk_kernel.
 */
struct module {
	char name[MODULE_NAME_LEN];
	int (*init)(void);
	void (*exit)(void);
	void *sk_kernel;
};

#define MODULE_INFO(tag, info) __MODULE_INFO(tag, tag, info)

#define MODULE_LICENSE(_license)   MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author)     MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_desc)  MODULE_INFO(description, _desc)
#define MODULE_VERSION(_version)   MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias)       MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep)   MODULE_INFO(softdep, _softdep)
#define MODULE_FIRMWARE(_firmware) MODULE_INFO(firmware, _firmware)
#define MODULE_IMPORT_NS(ns)       MODULE_INFO(import_ns, __stringify(ns))
#define MODULE_DEVICE_TABLE(type, name)

__SK_BEGIN_DECLS

/* Reference counting: a module cannot be removed while its count is > 0. */
bool try_module_get(struct module *module);
void module_put(struct module *module);
void __module_get(struct module *module);

__SK_END_DECLS

static inline const char *module_name(const struct module *mod)
{
	return mod ? mod->name : "kernel";
}

#endif /* _LINUX_MODULE_H */

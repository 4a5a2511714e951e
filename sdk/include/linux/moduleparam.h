/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/moduleparam.h - module parameters: insmod m.ko name=value.
 *
 * Each module_param() leaves a struct kernel_param in the .ko's __param
 * section (name, pointer to the variable, the ops that parse and print its
 * type, sysfs permissions) and a "parmtype=name:type" string in .modinfo.
 * Before init_module runs, the kernel walks __param and sets each variable
 * named on the command line; a value that does not parse refuses the load.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/stat.h>
#include <linux/kernel.h>
#include <linux/bug.h>

/* .modinfo: "tag=value" strings, one per macro use. */
#ifdef MODULE
#define __MODULE_INFO_PREFIX ""
#else
#define __MODULE_INFO_PREFIX KBUILD_MODNAME "."
#endif
#define __MODULE_INFO(tag, name, info)                                  \
	static const char __UNIQUE_ID(name)[] __used                        \
		__section(".modinfo") __aligned(1) =                        \
		__MODULE_INFO_PREFIX __stringify(tag) "=" info

#ifdef MODULE
#define MODULE_PARAM_PREFIX ""
#else
#define MODULE_PARAM_PREFIX KBUILD_MODNAME "."
#endif


struct module;
struct kernel_param;

struct kernel_param_ops {
	unsigned int flags;
	/* Parses val into the variable; returns 0 or -EINVAL. */
	int (*set)(const char *val, const struct kernel_param *kp);
	/* Prints the value into buffer (a page); returns the length. */
	int (*get)(char *buffer, const struct kernel_param *kp);
	/* Releases what set allocated (charp values). */
	void (*free)(void *arg);
};

struct kparam_string {
	unsigned int maxlen;
	char *string;
};

struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	unsigned short perm;
	signed char level;
	unsigned char flags;
	union {
		void *arg;
		const struct kparam_string *str;
		const struct kparam_array *arr;
	};
};

__SK_BEGIN_DECLS
extern const struct kernel_param_ops param_ops_byte;
extern const struct kernel_param_ops param_ops_short;
extern const struct kernel_param_ops param_ops_ushort;
extern const struct kernel_param_ops param_ops_int;
extern const struct kernel_param_ops param_ops_uint;
extern const struct kernel_param_ops param_ops_long;
extern const struct kernel_param_ops param_ops_ulong;
extern const struct kernel_param_ops param_ops_ullong;
extern const struct kernel_param_ops param_ops_hexint;
extern const struct kernel_param_ops param_ops_charp;
extern const struct kernel_param_ops param_ops_bool;
extern const struct kernel_param_ops param_ops_invbool;
extern const struct kernel_param_ops param_ops_string;
extern const struct kernel_param_ops param_array_ops;

/* The ops' own functions, for a module_param_cb() that wraps one. */
#define __SK_PARAM_FUNCS(type)                                               \
	int param_set_##type(const char *val, const struct kernel_param *kp); \
	int param_get_##type(char *buffer, const struct kernel_param *kp)
__SK_PARAM_FUNCS(byte);
__SK_PARAM_FUNCS(short);
__SK_PARAM_FUNCS(ushort);
__SK_PARAM_FUNCS(int);
__SK_PARAM_FUNCS(uint);
__SK_PARAM_FUNCS(long);
__SK_PARAM_FUNCS(ulong);
__SK_PARAM_FUNCS(ullong);
__SK_PARAM_FUNCS(hexint);
__SK_PARAM_FUNCS(charp);
__SK_PARAM_FUNCS(bool);
__SK_PARAM_FUNCS(invbool);
#undef __SK_PARAM_FUNCS
void param_free_charp(void *arg);
int param_set_copystring(const char *val, const struct kernel_param *kp);
int param_get_string(char *buffer, const struct kernel_param *kp);
__SK_END_DECLS

#define KERNEL_PARAM_OPS_FL_NOARG (1 << 0) /* "insmod m.ko flag" alone is allowed */

#define __MODULE_PARM_TYPE(name, _type) \
	__MODULE_INFO(parmtype, name##type, #name ":" _type)

#define MODULE_PARM_DESC(_parm, desc) \
	__MODULE_INFO(parm, _parm, #_parm ":" desc)

/*
 * The sysfs permissions of a parameter, checked when the module is built as
 * Linux's VERIFY_OCTAL_PERMISSIONS does: octal, at most 0777, readable by
 * the owner if by the group, by the group if by others, writable by the
 * owner if by the group, and never writable by everyone.
 */
#define __SK_PARAM_PERM_OK(perm)                                                \
	((perm) >= 0 && (perm) <= 0777 &&                                     \
	 (((perm) >> 6) & 4) >= (((perm) >> 3) & 4) &&                        \
	 (((perm) >> 3) & 4) >= ((perm) & 4) &&                               \
	 (((perm) >> 6) & 2) >= (((perm) >> 3) & 2) &&                        \
	 !((perm) & 2))

#define __module_param_call(prefix, name, ops, arg, perm, level, flags)      \
	__SK_STATIC_ASSERT(__SK_PARAM_PERM_OK(perm),                          \
		"module parameter " #name ": bad permissions " #perm          \
		" (octal, at most 0777, never writable by others)");          \
	static const char __param_str_##name[] = prefix #name;                \
	static const struct kernel_param __param_##name __used                \
		__section("__param") __aligned(sizeof(void *)) =              \
		{ __param_str_##name, THIS_MODULE, ops, (perm), level, flags, { arg } }

#define module_param_cb(name, ops, arg, perm) \
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 0)

/* The compiler checks that the variable has the type the macro names. */
#define __param_check(name, p, type) \
	static inline type __maybe_unused *__check_##name(void) { return (p); }
#define param_check_byte(name, p)    __param_check(name, p, unsigned char)
#define param_check_short(name, p)   __param_check(name, p, short)
#define param_check_ushort(name, p)  __param_check(name, p, unsigned short)
#define param_check_int(name, p)     __param_check(name, p, int)
#define param_check_uint(name, p)    __param_check(name, p, unsigned int)
#define param_check_long(name, p)    __param_check(name, p, long)
#define param_check_ulong(name, p)   __param_check(name, p, unsigned long)
#define param_check_ullong(name, p)  __param_check(name, p, unsigned long long)
#define param_check_hexint(name, p)  __param_check(name, p, unsigned int)
#define param_check_charp(name, p)   __param_check(name, p, char *)
#define param_check_bool(name, p)    __param_check(name, p, bool)
#define param_check_invbool(name, p) __param_check(name, p, bool)

#define module_param_named(name, value, type, perm)          \
	param_check_##type(name, &(value));                   \
	module_param_cb(name, &param_ops_##type, &(value), perm); \
	__MODULE_PARM_TYPE(name, #type)

#define module_param(name, type, perm) \
	module_param_named(name, name, type, perm)

#define module_param_string(name, string, len, perm)                       \
	static const struct kparam_string __param_string_##name =          \
		{ len, string };                                            \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_string,  \
			    .str = &__param_string_##name, perm, -1, 0);    \
	__MODULE_PARM_TYPE(name, "string")

#define module_param_array_named(name, array, type, nump, perm)            \
	param_check_##type(name, &(array)[0]);                              \
	static const struct kparam_array __param_arr_##name = {             \
		ARRAY_SIZE(array), sizeof((array)[0]), nump,                \
		&param_ops_##type, array };                                 \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_array_ops,   \
			    .arr = &__param_arr_##name, perm, -1, 0);       \
	__MODULE_PARM_TYPE(name, "array of " #type)

#define module_param_array(name, type, nump, perm) \
	module_param_array_named(name, name, type, nump, perm)

#endif /* _LINUX_MODULEPARAM_H */

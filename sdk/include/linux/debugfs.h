/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/debugfs.h - a module's debugging files under /sys/kernel/debug
 * (root only, mode 0700, as on Linux).
 *
 *     static struct dentry *dir;
 *     static u32 hits;
 *     dir = debugfs_create_dir("hello", NULL);        // /sys/kernel/debug/hello
 *     debugfs_create_u32("hits", 0644, dir, &hits);   // cat / echo a number
 *     debugfs_create_file("state", 0444, dir, &my_data, &state_fops);
 *     ...
 *     debugfs_remove(dir);                            // and everything in it
 *
 * As Linux 6.1: the create functions return ERR_PTR(-E...) on failure, and
 * take an ERR_PTR parent (returning it), so a module need not check each
 * call. A file's data is its inode's i_private; simple_open copies it to
 * file->private_data. Every entry belongs to the module that made it: rmmod
 * removes what the module forgot, and says so in the log.
 */
#ifndef _DEBUGFS_H_
#define _DEBUGFS_H_

#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>

struct device;
struct file_operations;

struct debugfs_blob_wrapper {
	void *data;
	unsigned long size;
};

__SK_BEGIN_DECLS

ssize_t debugfs_attr_read(struct file *file, char __user *buf, size_t len, loff_t *ppos);
ssize_t debugfs_attr_write(struct file *file, const char __user *buf, size_t len, loff_t *ppos);
ssize_t debugfs_attr_write_signed(struct file *file, const char __user *buf, size_t len, loff_t *ppos);

/* Kernel entry points: the inline functions below pass THIS_MODULE, the
 * owner of what they create. */
struct dentry *sk_debugfs_create_dir(struct module *owner, const char *name, struct dentry *parent);
struct dentry *sk_debugfs_create_file(struct module *owner, const char *name, umode_t mode,
				      struct dentry *parent, void *data,
				      const struct file_operations *fops, loff_t size);
/* kind: which number (SK_DEBUGFS_U8 ...), as debugfs_create_u8 and friends. */
struct dentry *sk_debugfs_create_number(struct module *owner, int kind, const char *name, umode_t mode,
					struct dentry *parent, void *value);
struct dentry *sk_debugfs_create_blob(struct module *owner, const char *name, umode_t mode,
				      struct dentry *parent, struct debugfs_blob_wrapper *blob);
struct dentry *debugfs_lookup(const char *name, struct dentry *parent);
void debugfs_remove(struct dentry *dentry);
void debugfs_lookup_and_remove(const char *name, struct dentry *parent);
bool debugfs_initialized(void);

__SK_END_DECLS

#define debugfs_remove_recursive debugfs_remove

enum {
	SK_DEBUGFS_U8, SK_DEBUGFS_U16, SK_DEBUGFS_U32, SK_DEBUGFS_U64,
	SK_DEBUGFS_X8, SK_DEBUGFS_X16, SK_DEBUGFS_X32, SK_DEBUGFS_X64,
	SK_DEBUGFS_ULONG, SK_DEBUGFS_SIZE_T, SK_DEBUGFS_ATOMIC_T, SK_DEBUGFS_BOOL,
};

/* As DEFINE_SIMPLE_ATTRIBUTE (linux/fs.h), with debugfs's read and write. */
#define DEFINE_DEBUGFS_ATTRIBUTE_XSIGNED(__fops, __get, __set, __fmt, __is_signed)	\
	__SK_DEFINE_ATTRIBUTE(__fops, __get, __set, __fmt, no_llseek, debugfs_attr_read, \
			      (__is_signed) ? debugfs_attr_write_signed : debugfs_attr_write)
#define DEFINE_DEBUGFS_ATTRIBUTE(__fops, __get, __set, __fmt)		\
	DEFINE_DEBUGFS_ATTRIBUTE_XSIGNED(__fops, __get, __set, __fmt, false)
#define DEFINE_DEBUGFS_ATTRIBUTE_SIGNED(__fops, __get, __set, __fmt)	\
	DEFINE_DEBUGFS_ATTRIBUTE_XSIGNED(__fops, __get, __set, __fmt, true)

static inline struct dentry *debugfs_create_dir(const char *name, struct dentry *parent)
{
	return sk_debugfs_create_dir(THIS_MODULE, name, parent);
}

static inline struct dentry *debugfs_create_file(const char *name, umode_t mode,
						 struct dentry *parent, void *data,
						 const struct file_operations *fops)
{
	return sk_debugfs_create_file(THIS_MODULE, name, mode, parent, data, fops, 0);
}

/* Linux's "unsafe" variant skips the removal proxy; simkernel has none to skip. */
static inline struct dentry *debugfs_create_file_unsafe(const char *name, umode_t mode,
							struct dentry *parent, void *data,
							const struct file_operations *fops)
{
	return sk_debugfs_create_file(THIS_MODULE, name, mode, parent, data, fops, 0);
}

static inline void debugfs_create_file_size(const char *name, umode_t mode,
					    struct dentry *parent, void *data,
					    const struct file_operations *fops, loff_t file_size)
{
	sk_debugfs_create_file(THIS_MODULE, name, mode, parent, data, fops, file_size);
}

#define __SK_DEBUGFS_NUMBER(fn, type, kind)					\
static inline void fn(const char *name, umode_t mode, struct dentry *parent, type *value) \
{									\
	sk_debugfs_create_number(THIS_MODULE, kind, name, mode, parent, value); \
}
__SK_DEBUGFS_NUMBER(debugfs_create_u8, u8, SK_DEBUGFS_U8)
__SK_DEBUGFS_NUMBER(debugfs_create_u16, u16, SK_DEBUGFS_U16)
__SK_DEBUGFS_NUMBER(debugfs_create_u32, u32, SK_DEBUGFS_U32)
__SK_DEBUGFS_NUMBER(debugfs_create_u64, u64, SK_DEBUGFS_U64)
__SK_DEBUGFS_NUMBER(debugfs_create_x8, u8, SK_DEBUGFS_X8)
__SK_DEBUGFS_NUMBER(debugfs_create_x16, u16, SK_DEBUGFS_X16)
__SK_DEBUGFS_NUMBER(debugfs_create_x32, u32, SK_DEBUGFS_X32)
__SK_DEBUGFS_NUMBER(debugfs_create_x64, u64, SK_DEBUGFS_X64)
__SK_DEBUGFS_NUMBER(debugfs_create_ulong, unsigned long, SK_DEBUGFS_ULONG)
__SK_DEBUGFS_NUMBER(debugfs_create_size_t, size_t, SK_DEBUGFS_SIZE_T)
__SK_DEBUGFS_NUMBER(debugfs_create_atomic_t, atomic_t, SK_DEBUGFS_ATOMIC_T)
__SK_DEBUGFS_NUMBER(debugfs_create_bool, bool, SK_DEBUGFS_BOOL)
#undef __SK_DEBUGFS_NUMBER

/* An unsigned long in hex: x32 or x64, by its size (as Linux). */
static inline void debugfs_create_xul(const char *name, umode_t mode,
				      struct dentry *parent, unsigned long *value)
{
	sk_debugfs_create_number(THIS_MODULE, sizeof(long) == sizeof(u32) ? SK_DEBUGFS_X32 : SK_DEBUGFS_X64,
				 name, mode, parent, value);
}

static inline struct dentry *debugfs_create_blob(const char *name, umode_t mode,
						 struct dentry *parent,
						 struct debugfs_blob_wrapper *blob)
{
	return sk_debugfs_create_blob(THIS_MODULE, name, mode, parent, blob);
}

#endif /* _DEBUGFS_H_ */

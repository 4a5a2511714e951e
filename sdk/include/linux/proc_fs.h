/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/proc_fs.h - a module's own files in /proc.
 *
 *     static const struct proc_ops hello_proc_ops = {
 *             .proc_open    = hello_proc_open,   // often single_open(...)
 *             .proc_read    = seq_read,
 *             .proc_lseek   = seq_lseek,
 *             .proc_release = single_release,
 *     };
 *     proc_create("hello", 0444, NULL, &hello_proc_ops);   // /proc/hello
 *     ...
 *     remove_proc_entry("hello", NULL);
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/types.h>
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/bug.h>

struct file;
struct inode;
struct module;
struct proc_dir_entry; /* the kernel's */

struct proc_ops {
	unsigned int proc_flags;
	int     (*proc_open)(struct inode *, struct file *);
	ssize_t (*proc_read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*proc_write)(struct file *, const char __user *, size_t, loff_t *);
	loff_t  (*proc_lseek)(struct file *, loff_t, int);
	int     (*proc_release)(struct inode *, struct file *);
	long    (*proc_ioctl)(struct file *, unsigned int, unsigned long);
	long    (*proc_compat_ioctl)(struct file *, unsigned int, unsigned long);
	/* Present so that files which set them build; not called yet. */
	__poll_t (*proc_poll)(struct file *, struct poll_table_struct *);
	int     (*proc_mmap)(struct file *, struct vm_area_struct *);
};

__SK_BEGIN_DECLS
struct proc_dir_entry *sk_proc_create_data(struct module *owner, const char *name, umode_t mode,
					   struct proc_dir_entry *parent,
					   const struct proc_ops *proc_ops, void *data);
struct proc_dir_entry *sk_proc_mkdir(struct module *owner, const char *name,
				     struct proc_dir_entry *parent);
void proc_remove(struct proc_dir_entry *de);
/* What stat shows for the entry: its size (Linux: 0) and owner (root). */
void proc_set_size(struct proc_dir_entry *de, loff_t size);
void proc_set_user(struct proc_dir_entry *de, kuid_t uid, kgid_t gid);
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
void *pde_data(const struct inode *inode);
__SK_END_DECLS

#define PDE_DATA(inode) pde_data(inode)

static inline struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
						      struct proc_dir_entry *parent,
						      const struct proc_ops *proc_ops, void *data)
{
	return sk_proc_create_data(THIS_MODULE, name, mode, parent, proc_ops, data);
}

static inline struct proc_dir_entry *proc_create(const char *name, umode_t mode,
						 struct proc_dir_entry *parent,
						 const struct proc_ops *proc_ops)
{
	return sk_proc_create_data(THIS_MODULE, name, mode, parent, proc_ops, 0);
}

static inline struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent)
{
	return sk_proc_mkdir(THIS_MODULE, name, parent);
}

#endif /* _LINUX_PROC_FS_H */

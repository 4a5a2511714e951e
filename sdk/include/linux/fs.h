/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/fs.h - the boundary between the device-independent system calls and
 * the device-dependent drivers.
 *
 * read(fd, buf, n) in user space becomes, inside the kernel:
 *     file = current task's fd table[fd]
 *     file->f_op->read(file, buf, n, &file->f_pos)
 * struct file_operations is that dispatch table: one per driver, filled with
 * the operations the device supports. A NULL entry means "not supported",
 * and the system call answers with Linux's error for it (write -> EINVAL,
 * llseek -> ESPIPE, unlocked_ioctl -> ENOTTY).
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/export.h>
#include <linux/kdev_t.h>
#include <linux/stat.h>
#include <linux/fcntl.h>

struct module;
struct file;
struct inode;
struct cdev;

/* f_mode bits: what this open file may do. */
#define FMODE_READ   ((fmode_t)0x1)
#define FMODE_WRITE  ((fmode_t)0x2)
#define FMODE_LSEEK  ((fmode_t)0x4)
#define FMODE_PREAD  ((fmode_t)0x8)
#define FMODE_PWRITE ((fmode_t)0x10)

#ifndef SEEK_SET
#define SEEK_SET 0 /* seek relative to beginning of file */
#define SEEK_CUR 1 /* seek relative to current file position */
#define SEEK_END 2 /* seek relative to end of file */
#endif
#define SEEK_DATA 3
#define SEEK_HOLE 4
#define SEEK_MAX  SEEK_HOLE

#define MAX_LFS_FILESIZE ((loff_t)0x7fffffffffffffffLL)

struct inode {
	umode_t          i_mode;     /* file type and permissions */
	unsigned int     i_uid;      /* owner */
	unsigned int     i_gid;
	__kernel_dev_t   i_rdev;     /* for device nodes: major and minor */
	unsigned long    i_ino;
	loff_t           i_size;
	struct cdev     *i_cdev;     /* the character device this node reaches */
	void            *i_private;  /* for the filesystem or driver */
};

struct qstr {
	const char  *name;
	unsigned int len;
};

struct dentry {
	struct qstr    d_name;  /* last path component, e.g. "kbd" */
	struct inode  *d_inode;
};

struct path {
	struct dentry *dentry;
};

/* One open of a file: what fd tables point at. */
struct file {
	struct path                    f_path;
	struct inode                  *f_inode;
	const struct file_operations  *f_op;         /* the dispatch table */
	unsigned int                   f_flags;      /* O_RDONLY, O_NONBLOCK, ... */
	fmode_t                        f_mode;       /* FMODE_READ | FMODE_WRITE */
	loff_t                         f_pos;        /* where the next read/write starts */
	void                          *private_data; /* the driver's, per open */
	long                           f_count;      /* fd table entries sharing it */
};

struct file_operations {
	struct module *owner;
	loff_t  (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
	long    (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	long    (*compat_ioctl)(struct file *, unsigned int, unsigned long);
	int     (*open)(struct inode *, struct file *);
	int     (*flush)(struct file *, void *id);
	int     (*release)(struct inode *, struct file *);
	int     (*fsync)(struct file *, loff_t, loff_t, int datasync);
};

static inline unsigned int iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

static inline unsigned int imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

#define CHRDEV_MAJOR_MAX 512
#define CHRDEV_MAJOR_DYN_END 234

__SK_BEGIN_DECLS

/*
 * Character-device registration. The inline wrappers pass THIS_MODULE so the
 * kernel records who registered what (and can undo what a module forgot).
 */
int sk_register_chrdev(struct module *owner, unsigned int major,
		       unsigned int baseminor, unsigned int count,
		       const char *name, const struct file_operations *fops);
void __unregister_chrdev(unsigned int major, unsigned int baseminor,
			 unsigned int count, const char *name);
int sk_register_chrdev_region(struct module *owner, __kernel_dev_t from,
			      unsigned count, const char *name);
int sk_alloc_chrdev_region(struct module *owner, __kernel_dev_t *dev,
			   unsigned baseminor, unsigned count, const char *name);
void unregister_chrdev_region(__kernel_dev_t from, unsigned count);

/* Generic helpers drivers plug into their tables. */
loff_t no_llseek(struct file *file, loff_t offset, int whence);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
loff_t default_llseek(struct file *file, loff_t offset, int whence);
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence, loff_t size);
int nonseekable_open(struct inode *inode, struct file *filp);
int stream_open(struct inode *inode, struct file *filp);

__SK_END_DECLS

/* major 0 asks for a free major, which is returned. */
static inline int register_chrdev(unsigned int major, const char *name,
				  const struct file_operations *fops)
{
	return sk_register_chrdev(THIS_MODULE, major, 0, 256, name, fops);
}

/* A range of minors, as Linux's __register_chrdev. */
static inline int __register_chrdev(unsigned int major, unsigned int baseminor,
				    unsigned int count, const char *name,
				    const struct file_operations *fops)
{
	return sk_register_chrdev(THIS_MODULE, major, baseminor, count, name, fops);
}

/* Reserve a range of device numbers (shown in /proc/devices), no driver yet. */
static inline int register_chrdev_region(__kernel_dev_t from, unsigned count, const char *name)
{
	return sk_register_chrdev_region(THIS_MODULE, from, count, name);
}

/* The same, with a free major chosen by the kernel and returned in *dev. */
static inline int alloc_chrdev_region(__kernel_dev_t *dev, unsigned baseminor,
				      unsigned count, const char *name)
{
	return sk_alloc_chrdev_region(THIS_MODULE, dev, baseminor, count, name);
}

static inline void unregister_chrdev(unsigned int major, const char *name)
{
	__unregister_chrdev(major, 0, 256, name);
}

#endif /* _LINUX_FS_H */

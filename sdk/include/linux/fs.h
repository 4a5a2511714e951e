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
#include <linux/uidgid.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/semaphore.h>
#include <linux/bug.h>

struct module;
struct file;
struct inode;
struct cdev;
struct poll_table_struct;
struct vm_area_struct;

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

/* Who gets SIGIO for a file (fcntl F_SETOWN), and which signal (F_SETSIG;
 * 0 means SIGIO). simkernel keeps a pid number where Linux keeps a
 * struct pid; drivers do not touch it either way. */
struct fown_struct {
	int          pid;
	kuid_t       uid, euid;  /* who set the owner: may it signal the owner? */
	int          signum;
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
	struct fown_struct             f_owner;      /* fcntl F_SETOWN: who gets SIGIO */
};

/* The list a driver keeps of the files that asked for SIGIO (fcntl F_SETFL
 * O_ASYNC): its ->fasync calls fasync_helper() to add or remove a file,
 * and kill_fasync() signals each file's owner when data arrives. */
#define FASYNC_MAGIC 0x4601
struct fasync_struct {
	int                   magic;
	int                   fa_fd;
	struct fasync_struct *fa_next;
	struct file          *fa_file;
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
	/* poll/select call .poll; fcntl(F_SETFL, O_ASYNC) and the last close
	 * call .fasync. .mmap and .get_unmapped_area are present so drivers
	 * that set them build; nothing calls them (docs/module-api.md). */
	__poll_t (*poll)(struct file *, struct poll_table_struct *);
	int     (*mmap)(struct file *, struct vm_area_struct *);
	int     (*fasync)(int, struct file *, int);
	unsigned long (*get_unmapped_area)(struct file *, unsigned long, unsigned long,
					   unsigned long, unsigned long);
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

/* read/write helpers for a driver whose data is one buffer (fs/libfs.c):
 * copy from/to buf at *ppos, advance *ppos, return the bytes moved. */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available);
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count);

/* fasync (fs/fcntl.c): on != 0 adds filp to *fapp (1 if added, 0 if it
 * was there), on == 0 removes it (1 if it was there); -ENOMEM. */
int fasync_helper(int fd, struct file *filp, int on, struct fasync_struct **fapp);
/* Sends sig (SIGIO) to the owner of each file on *fp; band is POLL_IN,
 * POLL_OUT, ... Any context, even a timer or an interrupt handler. */
void kill_fasync(struct fasync_struct **fp, int sig, int band);

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

/* issue 15 (debugfs): simple_open and the simple attributes, where Linux
 * declares them; dput, which Linux's fs.h reaches through dcache.h. */
__SK_BEGIN_DECLS
/* fs/libfs.c: simple_open (file->private_data = inode->i_private), and a
 * file whose value is one number, through get and set: the fops that
 * DEFINE_SIMPLE_ATTRIBUTE (and debugfs's DEFINE_DEBUGFS_ATTRIBUTE) build. */
int simple_open(struct inode *inode, struct file *file);
int simple_attr_open(struct inode *inode, struct file *file,
		     int (*get)(void *, u64 *), int (*set)(void *, u64),
		     const char *fmt);
int simple_attr_release(struct inode *inode, struct file *file);
ssize_t simple_attr_read(struct file *file, char __user *buf, size_t len, loff_t *ppos);
ssize_t simple_attr_write(struct file *file, const char __user *buf, size_t len, loff_t *ppos);
ssize_t simple_attr_write_signed(struct file *file, const char __user *buf, size_t len, loff_t *ppos);
/* A dentry's reference (debugfs_lookup's): simkernel counts none, so there is nothing to drop. */
void dput(struct dentry *dentry);
__SK_END_DECLS

/* printf's checking of an attribute's format, at no cost. */
static inline __attribute__((format(printf, 1, 2)))
void __simple_attr_check_format(const char *fmt, ...)
{
	(void)fmt;
}

/* One attribute's open and fops: DEFINE_SIMPLE_ATTRIBUTE and
 * DEFINE_DEBUGFS_ATTRIBUTE differ only in llseek, read and write. */
#define __SK_DEFINE_ATTRIBUTE(__fops, __get, __set, __fmt, __llseek, __read, __write)	\
static int __fops ## _open(struct inode *inode, struct file *file)	\
{									\
	__simple_attr_check_format(__fmt, 0ull);			\
	return simple_attr_open(inode, file, __get, __set, __fmt);	\
}									\
static const struct file_operations __fops = {				\
	.owner	 = THIS_MODULE,						\
	.llseek	 = __llseek,						\
	.read	 = __read,						\
	.write	 = __write,						\
	.open	 = __fops ## _open,					\
	.release = simple_attr_release,					\
}

#define DEFINE_SIMPLE_ATTRIBUTE_XSIGNED(__fops, __get, __set, __fmt, __is_signed)	\
	__SK_DEFINE_ATTRIBUTE(__fops, __get, __set, __fmt, default_llseek, simple_attr_read, \
			      (__is_signed) ? simple_attr_write_signed : simple_attr_write)
#define DEFINE_SIMPLE_ATTRIBUTE(__fops, __get, __set, __fmt)		\
	DEFINE_SIMPLE_ATTRIBUTE_XSIGNED(__fops, __get, __set, __fmt, false)
#define DEFINE_SIMPLE_ATTRIBUTE_SIGNED(__fops, __get, __set, __fmt)	\
	DEFINE_SIMPLE_ATTRIBUTE_XSIGNED(__fops, __get, __set, __fmt, true)

#endif /* _LINUX_FS_H */

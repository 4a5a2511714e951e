/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/seq_file.h - writing a /proc file's text without counting bytes.
 *
 * The driver says how to produce the text (show, or start/next/stop/show
 * for one line per item); seq_read hands it out in whatever pieces the
 * reader asks for, and seq_lseek moves in it. single_open is the common
 * case of one show() for the whole file.
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/types.h>
#include <linux/stdarg.h>
#include <linux/fs.h>
#include <linux/bug.h>

struct file;
struct inode;
struct seq_operations;

struct seq_file {
	char *buf;        /* one page of text (more only for a record that needs it) */
	size_t size;      /* bytes allocated for buf */
	size_t from;      /* where the unread text in buf starts */
	size_t count;     /* bytes of unread text in buf; == size: overflowed */
	loff_t index;     /* the iterator's position (start/next's *pos) */
	loff_t read_pos;  /* the file position the next read continues from */
	const struct seq_operations *op;
#ifdef __cplusplus
	void *private_;   /* "private" is a keyword in C++ */
#else
	void *private;    /* for the driver (single_open's data) */
#endif
};

struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

#define SEQ_START_TOKEN ((void *)1)

__SK_BEGIN_DECLS
int seq_open(struct file *file, const struct seq_operations *op);
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int seq_release(struct inode *inode, struct file *file);
__attribute__((__format__(printf, 2, 3))) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
int single_release(struct inode *inode, struct file *file);
__SK_END_DECLS

/* True when the last seq_printf/seq_puts did not fit: the read starts the
 * record again with a bigger buffer. */
static inline bool seq_has_overflowed(struct seq_file *m)
{
	return m->count == m->size;
}

/* A show() that returns SEQ_SKIP drops what it printed for this record. */
#define SEQ_SKIP 1

/*
 * DEFINE_SHOW_ATTRIBUTE(foo) turns foo_show(struct seq_file *, void *) into
 * foo_fops, a file_operations for a one-record seq_file (debugfs files and
 * misc devices use it); DEFINE_PROC_SHOW_ATTRIBUTE makes foo_proc_ops.
 */
#define DEFINE_SHOW_ATTRIBUTE(__name)                                          \
	static int __name##_open(struct inode *inode, struct file *file)       \
	{                                                                      \
		return single_open(file, __name##_show, inode->i_private);     \
	}                                                                      \
	static const struct file_operations __name##_fops = {                  \
		.owner = THIS_MODULE,                                          \
		.open = __name##_open,                                         \
		.read = seq_read,                                              \
		.llseek = seq_lseek,                                           \
		.release = single_release,                                     \
	}
#define DEFINE_PROC_SHOW_ATTRIBUTE(__name)                                     \
	static int __name##_open(struct inode *inode, struct file *file)       \
	{                                                                      \
		return single_open(file, __name##_show, pde_data(inode));      \
	}                                                                      \
	static const struct proc_ops __name##_proc_ops = {                     \
		.proc_open = __name##_open,                                    \
		.proc_read = seq_read,                                         \
		.proc_lseek = seq_lseek,                                       \
		.proc_release = single_release,                                \
	}

#endif /* _LINUX_SEQ_FILE_H */

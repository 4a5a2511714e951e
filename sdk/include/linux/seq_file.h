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

struct file;
struct inode;
struct seq_operations;

struct seq_file {
	char *buf;        /* the text made so far */
	size_t size;      /* bytes allocated for buf */
	size_t count;     /* bytes of text in buf */
	loff_t index;     /* the iterator's position */
	int made;         /* the whole text has been produced */
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

#endif /* _LINUX_SEQ_FILE_H */

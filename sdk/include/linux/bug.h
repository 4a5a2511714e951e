/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/bug.h - BUG(), BUG_ON(), WARN_ON(), WARN() and their _ONCE forms.
 *
 * BUG() is an assertion that must never fail: when it does, the context
 * dies with an Oops ("kernel BUG at file:line!"). WARN_ON() reports with a
 * call trace and goes on. Prefer WARN_ON and an error return: a BUG() in a
 * driver takes the whole task down with it.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <asm/bug.h>
#include <linux/build_bug.h>
#include <linux/compiler.h>

#endif /* _LINUX_BUG_H */

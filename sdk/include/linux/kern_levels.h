/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/kern_levels.h - printk log levels.
 *
 * A level is a two-byte prefix glued to the format string by the compiler:
 * KERN_SOH ("\001") then '0' (most urgent) .. '7', or 'c' to continue the
 * previous line. printk(KERN_ALERT "Hello World") passes "\0011Hello World".
 */
#ifndef _LINUX_KERN_LEVELS_H
#define _LINUX_KERN_LEVELS_H

#define KERN_SOH       "\001"
#define KERN_SOH_ASCII '\001'

#define KERN_EMERG   KERN_SOH "0" /* system is unusable */
#define KERN_ALERT   KERN_SOH "1" /* action must be taken immediately */
#define KERN_CRIT    KERN_SOH "2" /* critical conditions */
#define KERN_ERR     KERN_SOH "3" /* error conditions */
#define KERN_WARNING KERN_SOH "4" /* warning conditions */
#define KERN_NOTICE  KERN_SOH "5" /* normal but significant condition */
#define KERN_INFO    KERN_SOH "6" /* informational */
#define KERN_DEBUG   KERN_SOH "7" /* debug-level messages */
#define KERN_DEFAULT ""           /* the default level (warning) */
#define KERN_CONT    KERN_SOH "c" /* continues the previous line */

#define LOGLEVEL_SCHED   -2
#define LOGLEVEL_DEFAULT -1
#define LOGLEVEL_EMERG    0
#define LOGLEVEL_ALERT    1
#define LOGLEVEL_CRIT     2
#define LOGLEVEL_ERR      3
#define LOGLEVEL_WARNING  4
#define LOGLEVEL_NOTICE   5
#define LOGLEVEL_INFO     6
#define LOGLEVEL_DEBUG    7

#endif /* _LINUX_KERN_LEVELS_H */

/* SPDX-License-Identifier: GPL-2.0 */
#include <linux/signal.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/gfp.h>
#include <linux/uaccess.h>
#include <linux/cred.h>
#include <linux/bug.h>

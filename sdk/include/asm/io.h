/* SPDX-License-Identifier: GPL-2.0 */
#include <linux/io.h>
#include <linux/bug.h>

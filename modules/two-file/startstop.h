/* SPDX-License-Identifier: GPL-2.0 */
/* startstop.h - what start.c and stop.c share inside the module. */
#ifndef STARTSTOP_H
#define STARTSTOP_H

/* Not static, so stop.c can call it; not exported, so no other module can. */
const char *startstop_banner(void);

#endif

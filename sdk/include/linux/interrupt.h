/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linux/interrupt.h - interrupt handlers.
 *
 * The simulated machine raises an interrupt line (IRQ 1 is the keyboard, as
 * on a PC); the kernel calls every handler a driver registered for it with
 * request_irq().
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>
#include <linux/export.h>

typedef enum irqreturn {
	IRQ_NONE        = 0, /* not our device */
	IRQ_HANDLED     = 1, /* handled */
	IRQ_WAKE_THREAD = 2,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED 0x00000080

__SK_BEGIN_DECLS
int sk_request_irq(struct module *owner, unsigned int irq, irq_handler_t handler,
		   unsigned long flags, const char *name, void *dev_id);
const void *free_irq(unsigned int irq, void *dev_id);
__SK_END_DECLS

static inline int request_irq(unsigned int irq, irq_handler_t handler,
			      unsigned long flags, const char *name, void *dev_id)
{
	return sk_request_irq(THIS_MODULE, irq, handler, flags, name, dev_id);
}

#endif /* _LINUX_INTERRUPT_H */

/* SPDX-License-Identifier: GPL-2.0 */
#error "simkernel has no DMA: there is no device memory or bus to map (docs/module-api.md, 'refused')"

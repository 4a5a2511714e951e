/*
 * test_badmagic_modinfo.c - what modpost generates as test_badmagic.mod.c,
 * except that the module says it was built for another kernel release.
 * (TEST_FOREIGN_VERMAGIC comes from tests/modules/CMakeLists.txt, which
 * hands the same string to the unit tests.)
 */
#include <linux/module.h>

MODULE_INFO(vermagic, TEST_FOREIGN_VERMAGIC);
MODULE_INFO(name, KBUILD_MODNAME);

__visible struct module __this_module __section(".gnu.linkonce.this_module") = {
	.name = KBUILD_MODNAME,
};

MODULE_INFO(intree, "Y");
MODULE_INFO(depends, "");

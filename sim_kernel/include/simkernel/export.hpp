// export.hpp - EXPORT_SYMBOL for the kernel's own code (Linux's
// include/linux/export.h, the half built into vmlinux).
//
// As in Linux, a kernel function is exported where it is defined:
//
//     extern "C" int kstrtoint(const char* s, unsigned base, int* res) { ... }
//     EXPORT_SYMBOL(kstrtoint);
//
// EXPORT_SYMBOL(sym) puts one sk::KernelExport {"sym", &sym, gpl} in the
// ELF section `sk_ksymtab` of libsimkernel.so (Linux: __ksymtab and
// __ksymtab_gpl of vmlinux). The linker gathers the entries of every object
// file into one array and marks its ends with __start_sk_ksymtab and
// __stop_sk_ksymtab; kernel_exports() (ksyms.cpp) walks that array at boot,
// and so does the SDK's mksymvers when it writes Module.symvers. No central
// list to keep in step: a function and its export are read together.
//
// The section's name is a C identifier, which is what makes the linker
// provide the __start_/__stop_ symbols, and what keeps the sanitizers from
// padding the entries apart (neither GCC's nor Clang's ASan instruments
// variables placed in such a section).
#pragma once

#include <simkernel/ksyms.hpp>

#include <linux/export.h>  // the SDK's; its EXPORT_SYMBOL is the module half, replaced below

#define SK_KSYMTAB_SECTION "sk_ksymtab"

// One entry; `used` keeps it although nothing names it.
#define __SK_KSYMTAB_ENTRY(entry, name, addr, gpl)                                              \
    [[gnu::used, gnu::section(SK_KSYMTAB_SECTION), gnu::aligned(alignof(::sk::KernelExport))]] \
    static const ::sk::KernelExport entry = {name, reinterpret_cast<const void*>(addr), gpl}

#undef EXPORT_SYMBOL
#undef EXPORT_SYMBOL_GPL
#define EXPORT_SYMBOL(sym)     __SK_KSYMTAB_ENTRY(__ksymtab_##sym, #sym, &sym, false)
#define EXPORT_SYMBOL_GPL(sym) __SK_KSYMTAB_ENTRY(__ksymtab_##sym, #sym, &sym, true)
// C++ overloads strchr and friends (a const and a non-const one); the
// non-const one is the C symbol a module links against.
#define EXPORT_SYMBOL_OVERLOADED(sym, type) \
    __SK_KSYMTAB_ENTRY(__ksymtab_##sym, #sym, static_cast<type>(&sym), false)

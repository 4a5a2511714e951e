// console.cpp - the console's way out for drivers (kernel/printk's
// console_unlock() hands records to console drivers; here there is one
// console, the terminal the shell runs in, or what a test captures).
//
// /dev/console's driver (drivers/char/console.c) is C and reaches the
// console through this one exported function.
#include <simkernel/kernel.hpp>

#include <linux/console.h>
#include <simkernel/export.hpp>

extern "C" void sk_console_write(const char* buf, size_t len) {
    if (!buf || len == 0) return;
    if (sk::Kernel* k = sk::kernel_if_running()) k->log.write_console(std::string_view(buf, len));
}
EXPORT_SYMBOL(sk_console_write);

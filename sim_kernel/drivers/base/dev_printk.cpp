// dev_printk.cpp - _dev_printk (drivers/base/core.c): the message after the
// device's class and name, "hello_class hello0: opened".
#include <simkernel/devtmpfs.hpp>

#include <cstdio>
#include <string>
#include <simkernel/export.hpp>

extern "C" void _dev_printk(const char* level, const struct device* dev, const char* fmt, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    sk_vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!dev) {
        printk("%s(NULL device *): %s", level, msg);
        return;
    }
    const char* owner = dev->cls && dev->cls->name ? dev->cls->name : "";
    printk("%s%s %s: %s", level, owner, dev->name.c_str(), msg);
}
EXPORT_SYMBOL(_dev_printk);

// utsname.cpp - the kernel's one struct new_utsname (kernel/utsname.c), what
// uname(2) copies out and modules read through init_utsname().
#include <simkernel/kapi.h>

#include <linux/utsname.h>
#include <simkernel/export.hpp>

extern "C" struct new_utsname* init_utsname(void) {
    static struct new_utsname uts = [] {
        struct new_utsname u {};
        snprintf(u.sysname, sizeof u.sysname, "Linux");
        snprintf(u.nodename, sizeof u.nodename, "simkernel");
        snprintf(u.release, sizeof u.release, "%s", UTS_RELEASE);
        snprintf(u.version, sizeof u.version, "#1 SMP PREEMPT_DYNAMIC simkernel");
        snprintf(u.machine, sizeof u.machine, "x86_64");
        snprintf(u.domainname, sizeof u.domainname, "(none)");
        return u;
    }();
    return &uts;
}
EXPORT_SYMBOL(init_utsname);

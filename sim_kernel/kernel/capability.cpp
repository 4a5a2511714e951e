// capability.cpp - capable() and the current task's ids (kernel/capability.c,
// kernel/cred.c). Without capability sets, root holds every capability.
#include <simkernel/task.hpp>

#include <linux/capability.h>
#include <linux/cred.h>
#include <simkernel/export.hpp>

extern "C" bool capable(int cap) {
    const sk::Task* t = sk::current_task();
    return cap_valid(cap) && t && t->uid == 0;
}
EXPORT_SYMBOL(capable);

extern "C" kuid_t sk_current_uid(void) {
    const sk::Task* t = sk::current_task();
    return KUIDT_INIT(t ? t->uid : 0);
}
EXPORT_SYMBOL(sk_current_uid);

extern "C" kgid_t sk_current_gid(void) {
    const sk::Task* t = sk::current_task();
    return KGIDT_INIT(t ? t->gid : 0);
}
EXPORT_SYMBOL(sk_current_gid);

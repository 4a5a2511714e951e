// ratelimit.cpp - ___ratelimit (lib/ratelimit.c): at most rs->burst "yes"
// per rs->interval jiffies; the "no"s are counted and reported once the
// interval is over, as "<function>: N callbacks suppressed".
#include <simkernel/kapi.h>

#include <linux/jiffies.h>
#include <simkernel/export.hpp>

extern "C" int ___ratelimit(struct ratelimit_state* rs, const char* func) {
    if (!rs->interval) return 1;
    // Linux uses a trylock: a caller that finds it taken is simply refused.
    if (__atomic_exchange_n(&rs->lock, 1, __ATOMIC_ACQUIRE)) return 0;
    unsigned long now = static_cast<unsigned long>(get_jiffies_64());
    if (!rs->begin) rs->begin = now;
    if (time_after(now, rs->begin + static_cast<unsigned long>(rs->interval))) {
        if (rs->missed) {
            printk(KERN_WARNING "%s: %d callbacks suppressed\n", func, rs->missed);
            rs->missed = 0;
        }
        rs->begin = now;
        rs->printed = 0;
    }
    int ok = 0;
    if (rs->burst && rs->burst > rs->printed) {
        rs->printed++;
        ok = 1;
    } else {
        rs->missed++;
    }
    __atomic_store_n(&rs->lock, 0, __ATOMIC_RELEASE);
    return ok;
}
EXPORT_SYMBOL(___ratelimit);

// debug_files.cpp - the debugging checks' files under /proc (see
// debug_files.hpp), in one table.
#include <simkernel/debug_files.hpp>
#include <simkernel/fault_inject.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/lockdep.hpp>

#include <fmt/format.h>

namespace sk {

namespace {

int parse_bool(const std::string& text, int* out) {
    int v = 0;
    if (kstrtoint(text.c_str(), 10, &v) || (v != 0 && v != 1)) return -EINVAL;
    *out = v;
    return 0;
}

std::vector<DebugFile> make_files() {
    std::vector<DebugFile> files = {
        {"slabinfo", 0400, [](Kernel& k) { return k.slab.slabinfo(); }, {}},
        {"sys/kernel/prove_locking", 0644, [](Kernel&) { return fmt::format("{}\n", prove_locking.load()); },
         [](Kernel&, const std::string& t) {
             int v = 0;
             if (int err = parse_bool(t, &v)) return err;
             prove_locking.store(v);
             return 0;
         }},
        {"sys/debug/slub_debug", 0644, [](Kernel& k) { return fmt::format("{}\n", k.slab.debug.load() ? 1 : 0); },
         [](Kernel& k, const std::string& t) {
             int v = 0;
             if (int err = parse_bool(t, &v)) return err;
             k.slab.debug.store(v != 0);
             return 0;
         }},
        // Reading gives nothing, as Linux's validate file.
        {"sys/debug/slab_validate", 0200, [](Kernel&) { return std::string(); },
         [](Kernel& k, const std::string& t) {
             int v = 0;
             if (int err = parse_bool(t, &v)) return err;
             if (v) {
                 int found = k.slab.validate();
                 printk(KERN_INFO "slab_validate: %d problem%s found\n", found, found == 1 ? "" : "s");
             }
             return 0;
         }},
    };
    return files;
}

}  // namespace

const std::vector<DebugFile>& debug_files() {
    static const std::vector<DebugFile> files = make_files();
    return files;
}

}  // namespace sk

// slab_debug.cpp - SLUB's object checks and their reports (mm/slub.c:
// check_object, check_bytes_and_report, print_trailer, object_err,
// slab_fix), in Linux 6.1's words:
//
//   =============================================================================
//   BUG kmalloc-64 (Tainted: G           O     ): Right Redzone overwritten
//   -----------------------------------------------------------------------------
//
//   0x...-0x... @offset=1088. First byte 0x78 instead of 0xcc
//   Allocated in my_init+0x1f/0x50 [mymod] age=3 cpu=0 pid=82
//   Slab 0x... objects=64 used=3 fp=0x0000000000000000 flags=0x200(slab)
//   Object 0x... @offset=1024 fp=0x0000000000000000
//
//   Redzone  ...: bb bb ...
//   Object   ...: 6b 6b ...
//   Redzone  ...: cc cc ...
//   Padding  ...: 5a 5a ...
//   CPU: 0 PID: 82 Comm: rmmod Tainted: ...
//   Call Trace: ...
//   FIX kmalloc-64: Restoring Right Redzone 0x...-0x...=0xcc
//
// then one line of simkernel's own, saying what the usual bug is. The
// corrupted bytes are put back, the kernel is tainted B (TAINT_BAD_PAGE), and
// it goes on.
#include "mm/slab_debug.hpp"

#include <simkernel/kernel.hpp>
#include <simkernel/oops.hpp>
#include <simkernel/timers.hpp>

#include <fmt/format.h>

#include <cstring>

namespace sk {

namespace {

uint8_t* at(uintptr_t a) { return reinterpret_cast<uint8_t*>(a); }

// The block from the left red zone to the end of the padding.
std::vector<uint8_t> snapshot(const SlabLayout& l) {
    const uint8_t* from = at(l.object - kSlabLeftRedzone);
    return {from, from + kSlabLeftRedzone + l.tail};
}

struct Part {
    const char* what;  // as check_object names it
    uintptr_t start;
    size_t len;
    uint8_t value;
};

// Linux's check_bytes_and_report: the first byte that differs, up to the
// last that differs; reported, then restored.
bool check_bytes(const SlabObjectInfo& o, size_t cache_live, uintptr_t caller, const Part& part, const char* note,
                 std::vector<SlabReport>* out) {
    const uint8_t* p = at(part.start);
    size_t first = 0;
    while (first < part.len && p[first] == part.value) ++first;
    if (first == part.len) return true;
    size_t end = part.len;
    while (end > first && p[end - 1] == part.value) --end;
    uintptr_t from = part.start + first, to = part.start + end - 1;
    SlabReport r;
    r.cache = o.cache;
    r.headline = fmt::format("{} overwritten", part.what);
    r.detail = fmt::format("0x{:016x}-0x{:016x} @offset={}. First byte 0x{:x} instead of 0x{:x}", from, to,
                           from & 4095, p[first], part.value);
    r.trailer = true;
    r.obj = o;
    r.cache_live = cache_live;
    r.bytes = snapshot(o.layout);
    r.caller = caller;
    r.fix = fmt::format("Restoring {} 0x{:016x}-0x{:016x}=0x{:x}", part.what, from, to, part.value);
    r.note = note;
    out->push_back(std::move(r));
    std::memset(at(from), part.value, end - first);
    return false;
}

std::vector<Part> red_zones(const SlabLayout& l, uint8_t value) {
    size_t right_end = l.slot + kSlabRightRedzone;
    return {
        {"Left Redzone", l.object - kSlabLeftRedzone, kSlabLeftRedzone, value},
        {"Right Redzone", l.object + l.size, right_end - l.size, value},
        {"Object padding", l.object + right_end, l.tail - right_end, kPoisonInuse},
    };
}

const char* const kNoteLeft =
    "simkernel: something wrote just before the start of this object: a negative index, or a pointer "
    "moved back past the start";
const char* const kNoteRight =
    "simkernel: something wrote past the end of the bytes kmalloc gave: look for an off-by-one (<= for <), "
    "strlen() without the +1 for the '\\0', or sizeof of the wrong type";
const char* const kNotePoison =
    "simkernel: something wrote to this object after kfree (use after free): a pointer kept after kfree, "
    "or a timer, work item or thread still using it";

void say(const std::string& line) { printk(KERN_ERR "%s\n", line.c_str()); }

void hex_section(const char* label, uintptr_t addr, const uint8_t* bytes, size_t len) {
    char line[16 * 3 + 2 + 16 + 1];
    for (size_t i = 0; i < len; i += 16) {
        size_t n = std::min<size_t>(16, len - i);
        hex_dump_to_buffer(bytes + i, n, 16, 1, line, sizeof line, true);
        say(fmt::format("{}{:016x}: {}", label, addr + i, line));
    }
}

// Linux prints up to a page of the object; a learner needs the start.
constexpr size_t kObjectDumpMax = 256;

void print_trailer(const SlabReport& r) {
    const SlabObjectInfo& o = r.obj;
    unsigned long now = jiffies_now();
    say(fmt::format("Allocated in {} age={} cpu=0 pid={}", format_symbol(o.alloc.addr), now - o.alloc.when,
                    o.alloc.pid));
    if (o.free.addr)
        say(fmt::format("Freed in {} age={} cpu=0 pid={}", format_symbol(o.free.addr), now - o.free.when,
                        o.free.pid));
    const SlabLayout& l = o.layout;
    size_t per_slab = std::max<size_t>(1, 4096 / l.slot);
    say(fmt::format("Slab 0x{:016x} objects={} used={} fp=0x{:016x} flags=0x200(slab)", l.object & ~uintptr_t{4095},
                    per_slab, r.cache_live, 0));
    say(fmt::format("Object 0x{:016x} @offset={} fp=0x{:016x}", l.object, l.object & 4095, 0));
    say("");
    const uint8_t* b = r.bytes.data();
    size_t right_end = l.slot + kSlabRightRedzone;
    hex_section("Redzone  ", l.object - kSlabLeftRedzone, b, kSlabLeftRedzone);
    size_t shown = std::min(l.size, kObjectDumpMax);
    hex_section("Object   ", l.object, b + kSlabLeftRedzone, shown);
    if (shown < l.size) say(fmt::format("(the object's other {} bytes are not shown)", l.size - shown));
    hex_section("Redzone  ", l.object + l.size, b + kSlabLeftRedzone + l.size, right_end - l.size);
    hex_section("Padding  ", l.object + right_end, b + kSlabLeftRedzone + right_end, l.tail - right_end);
}

}  // namespace

void slab_init_live(const SlabLayout& l, bool poison) {
    if (poison && l.size) {
        std::memset(at(l.object), kPoisonFree, l.size - 1);
        at(l.object)[l.size - 1] = kPoisonEnd;
    }
    for (const Part& p : red_zones(l, kRedActive)) std::memset(at(p.start), p.value, p.len);
}

void slab_poison_free(const SlabLayout& l) {
    if (l.size) {
        std::memset(at(l.object), kPoisonFree, l.size - 1);
        at(l.object)[l.size - 1] = kPoisonEnd;
    }
    for (const Part& p : red_zones(l, kRedInactive)) std::memset(at(p.start), p.value, p.len);
}

void slab_check_live(const SlabObjectInfo& o, size_t cache_live, uintptr_t caller, std::vector<SlabReport>* out) {
    const char* notes[] = {kNoteLeft, kNoteRight, kNoteRight};
    int i = 0;
    for (const Part& p : red_zones(o.layout, kRedActive)) check_bytes(o, cache_live, caller, p, notes[i++], out);
}

void slab_check_free(const SlabObjectInfo& o, size_t cache_live, uintptr_t caller, std::vector<SlabReport>* out) {
    const SlabLayout& l = o.layout;
    const char* notes[] = {kNotePoison, kNotePoison, kNotePoison};
    int i = 0;
    std::vector<Part> parts = red_zones(l, kRedInactive);
    // check_object's order: red zones, then the poison, then the padding.
    for (int j = 0; j < 2; ++j) check_bytes(o, cache_live, caller, parts[j], notes[i++], out);
    if (l.size > 1) check_bytes(o, cache_live, caller, {"Poison", l.object, l.size - 1, kPoisonFree}, kNotePoison, out);
    if (l.size) check_bytes(o, cache_live, caller, {"End Poison", l.object + l.size - 1, 1, kPoisonEnd}, kNotePoison, out);
    check_bytes(o, cache_live, caller, parts[2], notes[i], out);
}

SlabReport slab_already_free(const SlabObjectInfo& o, uintptr_t caller, size_t cache_live) {
    SlabReport r;
    r.cache = o.cache;
    r.headline = "Object already free";
    r.trailer = true;
    r.obj = o;
    r.cache_live = cache_live;
    r.bytes = snapshot(o.layout);
    r.caller = caller;
    r.fix = fmt::format("Object at 0x{:016x} not freed", o.layout.object);
    r.note = fmt::format("simkernel: {} freed this object a second time (double free); the first kfree is the "
                         "'Freed in' line above. Set the pointer to NULL after kfree, or free it on one path only",
                         format_symbol(caller));
    return r;
}

SlabReport slab_invalid_pointer(const SlabObjectInfo& o, const void* p, uintptr_t caller, size_t cache_live) {
    SlabReport r;
    r.cache = o.cache;
    r.headline = fmt::format("Invalid object pointer 0x{:016x}", reinterpret_cast<uintptr_t>(p));
    r.trailer = true;
    r.obj = o;
    r.cache_live = cache_live;
    r.bytes = snapshot(o.layout);
    r.caller = caller;
    r.fix = fmt::format("Object at 0x{:016x} not freed", reinterpret_cast<uintptr_t>(p));
    r.note = fmt::format("simkernel: {} called kfree with a pointer {} bytes into the object kmalloc returned "
                         "(0x{:016x}): kfree takes exactly what kmalloc gave",
                         format_symbol(caller), reinterpret_cast<uintptr_t>(p) - o.layout.object, o.layout.object);
    return r;
}

SlabReport slab_unknown_pointer(const void* p, uintptr_t caller) {
    SlabReport r;
    r.warning = true;
    r.caller = caller;
    r.note = fmt::format("kfree: 0x{:016x} was never returned by kmalloc (a pointer to a global, to the stack, "
                         "or freed long ago), called from {}; nothing was freed\n",
                         reinterpret_cast<uintptr_t>(p), format_symbol(caller));
    return r;
}

void print_slab_report(const SlabReport& r) {
    Kernel& k = kernel();
    if (r.warning) {
        report_warning("mm/slub.c", 3575, r.caller, r.note.c_str());
        return;
    }
    say("=============================================================================");
    say(fmt::format("BUG {} ({}): {}", r.cache, print_tainted(k.tainted()), r.headline));
    say("-----------------------------------------------------------------------------");
    say("");
    if (!r.detail.empty()) say(r.detail);
    if (r.trailer) print_trailer(r);
    dump_stack_from(r.caller, KERN_ERR);
    add_taint_lockdep_unreliable(k, TAINT_BAD_PAGE);
    if (!r.fix.empty()) say(fmt::format("FIX {}: {}", r.cache, r.fix));
    if (!r.note.empty()) say(r.note);
}

// kmemleak's format (mm/kmemleak.c print_unreferenced), in the log at
// rmmod: each object, its allocating task and its call site.
void report_leaked_objects(const std::vector<LeakedObject>& leaks) {
    constexpr size_t kShown = 8;
    unsigned long now = jiffies_now();
    for (size_t i = 0; i < leaks.size() && i < kShown; ++i) {
        const LeakedObject& o = leaks[i];
        const char* comm = o.alloc.comm[0] ? o.alloc.comm : "swapper/0";
        printk(KERN_WARNING "unreferenced object 0x%016lx (size %zu):\n", static_cast<unsigned long>(o.addr), o.size);
        printk(KERN_WARNING "  comm \"%s\", pid %d, jiffies %lu (age %lu.%03lus)\n", comm, o.alloc.pid,
               o.alloc.when, (now - o.alloc.when) / HZ, (now - o.alloc.when) % HZ * 1000 / HZ);
        printk(KERN_WARNING "  backtrace:\n");
        printk(KERN_WARNING "    [<%016lx>] %s\n", static_cast<unsigned long>(o.alloc.addr),
               format_symbol(o.alloc.addr).c_str());
    }
    if (leaks.size() > kShown) printk(KERN_WARNING "  (and %zu more)\n", leaks.size() - kShown);
}

}  // namespace sk

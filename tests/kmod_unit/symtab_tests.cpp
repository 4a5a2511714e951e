// symtab_tests.cpp - the kernel's symbol table and the dependencies it
// records between loaded modules: exports come and go with their module,
// a module using another's symbol holds a reference on it (lsmod's "Used
// by", /sys/module/<m>/holders), GPL-only symbols are refused to non-GPL
// modules, and /proc/kallsyms lists the table.
#include "kmod_support.hpp"

#include <simkernel/kapi.h>
#include <simkernel/ksyms.hpp>

#include <catch2/catch.hpp>

#include <cstring>
#include <set>
#include <sstream>
#include <string>

using skt::insmod;
using skt::kernel_state;
using skt::rmmod;
using skt::TestKernel;
namespace user = sk::user;
using kmt::proc_modules_line;
using kmt::read;

namespace {

bool has_symbol(sk::Kernel& k, const char* name, const char* owner) {
    const sk::KernelSymbol* s = k.symbols.find(name);
    if (!s) return false;
    return owner ? s->owner && s->owner->name == owner : s->owner == nullptr;
}

}  // namespace

TEST_CASE("symbols: the kernel's own exports are in the table from boot", "[symtab]") {
    TestKernel tk;
    CHECK(has_symbol(tk.k(), "printk", nullptr));
    CHECK(has_symbol(tk.k(), "register_chrdev", nullptr) == (tk->symbols.find("register_chrdev") != nullptr));
    CHECK(tk->symbols.find("kt_base_fn") == nullptr);
    CHECK(tk->symbols.find("printf") == nullptr);  // the host's C library is not the kernel
}

// Each EXPORT_SYMBOL sits next to its function (export.hpp) and leaves one
// entry in the section the boot reads: one per name, each pointing at its
// symbol, GPL-only where it was marked so.
TEST_CASE("symbols: every EXPORT_SYMBOL of the kernel is one entry of its table", "[symtab]") {
    TestKernel tk;
    const auto& exports = sk::kernel_exports();
    REQUIRE(exports.size() > 300);
    std::set<std::string> names;
    for (const sk::KernelExport& e : exports) {
        CHECK(names.insert(e.name).second);  // a name exported twice would shadow one
        CHECK(e.addr != nullptr);
        const sk::KernelSymbol* s = tk->symbols.find(e.name);
        REQUIRE(s);
        CHECK(s->addr == e.addr);
        CHECK(s->gpl_only == e.gpl_only);
    }
    CHECK(tk->symbols.find("printk")->addr == reinterpret_cast<const void*>(&printk));
    CHECK_FALSE(tk->symbols.find("printk")->gpl_only);
    CHECK(tk->symbols.find("memcpy")->addr == reinterpret_cast<const void*>(&memcpy));
    CHECK(tk->symbols.find("sk_class_create")->gpl_only);
    CHECK(tk->symbols.find("strchr")->addr ==
          reinterpret_cast<const void*>(static_cast<char* (*)(char*, int)>(&strchr)));
}

TEST_CASE("symbols: a table refuses a second owner of a name and forgets an owner's names", "[symtab]") {
    sk::SymbolTable t;
    size_t kernel_only = t.size();
    sk::Module a, b;
    a.name = "a";
    b.name = "b";
    int x = 0, y = 0;
    std::string clash;
    REQUIRE(t.add_module_exports({{"a_fn", &x, false, &a}, {"a_gpl", &y, true, &a}}, &clash));
    CHECK(t.size() == kernel_only + 2);
    CHECK(t.find("a_gpl")->gpl_only);
    CHECK_FALSE(t.add_module_exports({{"b_fn", &y, false, &b}, {"a_fn", &y, false, &b}}, &clash));
    CHECK(clash == "a_fn");
    CHECK(t.find("b_fn") == nullptr);  // all or nothing
    CHECK_FALSE(t.add_module_exports({{"printk", &y, false, &b}}, &clash));
    CHECK(clash == "printk");
    t.remove_module_exports(&a);
    CHECK(t.size() == kernel_only);
    CHECK(t.find("a_fn") == nullptr);
}

TEST_CASE("symbols: loading a module adds its exports, unloading removes them", "[symtab]") {
    TestKernel tk;
    REQUIRE(insmod("kt_base") == 0);
    CHECK(has_symbol(tk.k(), "kt_base_fn", "kt_base"));
    std::string kallsyms = read("/proc/kallsyms");
    CHECK(kallsyms.find(" kt_base_fn\t[kt_base]") != std::string::npos);
    CHECK(kallsyms.find(" printk\n") != std::string::npos);
    REQUIRE(rmmod("kt_base") == 0);
    CHECK(tk->symbols.find("kt_base_fn") == nullptr);
    CHECK(read("/proc/kallsyms").find("kt_base_fn") == std::string::npos);
}

TEST_CASE("dependencies: a module needing a symbol no one exports is refused, changing nothing", "[symtab][bad]") {
    TestKernel tk;
    std::string before = kernel_state(tk.k());
    CHECK(insmod("kt_mid") == -ENOENT);
    CHECK(tk.log_contains("kt_mid: Unknown symbol kt_base_fn (err -2)"));
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("dependencies: using a provider's symbol makes the user a holder of the provider", "[symtab]") {
    TestKernel tk;
    REQUIRE(insmod("kt_base") == 0);
    REQUIRE(insmod("kt_mid") == 0);
    REQUIRE(insmod("kt_top") == 0);

    sk::Module* base = tk->modules.find("kt_base");
    sk::Module* mid = tk->modules.find("kt_mid");
    sk::Module* top = tk->modules.find("kt_top");
    CHECK(base->refcnt == 1);
    CHECK(mid->refcnt == 1);
    CHECK(top->refcnt == 0);
    REQUIRE(mid->uses.size() == 1);
    CHECK(mid->uses[0] == base);  // only what it links against: not kt_top's needs
    REQUIRE(base->used_by.size() == 1);
    CHECK(base->used_by[0] == mid);
    CHECK(top->uses == std::vector<sk::Module*>{mid});

    // What user space sees: /proc/modules (lsmod), /sys/module/<m>/.
    CHECK(proc_modules_line("kt_base").find(" 1 kt_mid, Live 0x") != std::string::npos);
    CHECK(proc_modules_line("kt_mid").find(" 1 kt_top, Live 0x") != std::string::npos);
    CHECK(proc_modules_line("kt_top").find(" 0 - Live 0x") != std::string::npos);
    CHECK(read("/sys/module/kt_base/refcnt") == "1\n");
    struct stat st;
    CHECK(user::stat("/sys/module/kt_base/holders/kt_mid", &st) == 0);
    CHECK(read("/sys/module/kt_top/initstate") == "live\n");

    // A provider cannot go while it is used: EWOULDBLOCK, as delete_module.
    CHECK(rmmod("kt_base") == -EWOULDBLOCK);
    CHECK(rmmod("kt_mid") == -EWOULDBLOCK);
    REQUIRE(rmmod("kt_top") == 0);
    CHECK(mid->refcnt == 0);
    CHECK(mid->used_by.empty());
    REQUIRE(rmmod("kt_mid") == 0);
    CHECK(base->refcnt == 0);
    REQUIRE(rmmod("kt_base") == 0);
    CHECK(tk->modules.all().empty());
}

TEST_CASE("dependencies: a forced removal of a used provider is refused too", "[symtab][bad]") {
    TestKernel tk;
    REQUIRE(insmod("kt_base") == 0);
    REQUIRE(insmod("kt_mid") == 0);
    // O_TRUNC is rmmod -f: it overrides a reference count, not a holder.
    CHECK(rmmod("kt_base", O_NONBLOCK | O_TRUNC) == -EWOULDBLOCK);
    CHECK(tk->modules.find("kt_base") != nullptr);
}

TEST_CASE("dependencies: a failing init leaves no reference on what it used", "[symtab][bad]") {
    TestKernel tk;
    REQUIRE(insmod("kt_base") == 0);
    std::string before = kernel_state(tk.k());
    CHECK(insmod("kt_mid", "fail=1") == -ENODEV);
    CHECK(tk.log_contains("kt_mid: failing on purpose"));
    CHECK(tk->modules.find("kt_base")->refcnt == 0);
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("dependencies: EXPORT_SYMBOL_GPL symbols are refused to a proprietary module", "[symtab][gpl]") {
    TestKernel tk;
    REQUIRE(insmod("gpl_provider") == 0);
    CHECK(tk->symbols.find("gpl_provider_secret")->gpl_only);
    CHECK_FALSE(tk->symbols.find("gpl_provider_answer")->gpl_only);
    std::string before = kernel_state(tk.k());
    CHECK(insmod("gpl_consumer") == -ENOENT);
    CHECK(tk.log_contains("gpl_consumer: module license 'Proprietary' taints kernel."));
    CHECK(tk.log_contains("gpl_consumer: Unknown symbol gpl_provider_secret (err -2)"));
    CHECK_FALSE(tk.log_contains("Unknown symbol gpl_provider_answer"));  // EXPORT_SYMBOL: allowed
    CHECK(kernel_state(tk.k()) == before);
    CHECK((tk->tainted() & (1UL << sk::TAINT_PROPRIETARY_MODULE)) != 0);  // the attempt taints
}

TEST_CASE("dependencies: a GPL module may use EXPORT_SYMBOL_GPL symbols", "[symtab][gpl]") {
    TestKernel tk;
    REQUIRE(insmod("kt_base") == 0);
    REQUIRE(insmod("kt_mid") == 0);  // exports kt_mid_fn with EXPORT_SYMBOL_GPL
    CHECK(tk->symbols.find("kt_mid_fn")->gpl_only);
    CHECK(insmod("kt_top") == 0);  // GPL: allowed
    CHECK((tk->tainted() & (1UL << sk::TAINT_PROPRIETARY_MODULE)) == 0);
}

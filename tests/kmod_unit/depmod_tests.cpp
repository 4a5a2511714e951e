// depmod_tests.cpp - dependency resolution from module files (shell/tools/
// depmod): which module needs which, in what order, the files written,
// cycles, /etc/depmod.d, and the pieces that make the output kmod's
// byte for byte (its hash order and binary index).
#include "kmod_support.hpp"

#include "tools/depmod.hpp"
#include "tools/kmod_hash.hpp"
#include "tools/kmod_index.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

using kmt::Capture;
using kmt::host_text;
using kmt::install;
using kmt::modules_dir;
using skt::TestKernel;

namespace {

int run_depmod(tools::DepmodOptions o = {}) {
    tools::KmodLog log("depmod");
    tools::Depmod d(o, log);
    return d.run();
}

std::string dep_file(TestKernel& tk, const char* name = "modules.dep") {
    return host_text(modules_dir(tk) / name);
}

void write_host(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

bool has_line(const std::string& text, const std::string& line) {
    return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("depmod: modules.dep lists what each module needs, nearest first", "[depmod]") {
    TestKernel tk;
    install(tk, {"kt_base", "kt_mid", "kt_top", "kt_soft"});
    write_host(modules_dir(tk) / "modules.order", "");
    Capture cap(tk);
    CHECK(run_depmod() == 0);
    std::string dep = dep_file(tk);
    CHECK(has_line(dep, "extra/kt_top.ko: extra/kt_mid.ko extra/kt_base.ko"));
    CHECK(has_line(dep, "extra/kt_mid.ko: extra/kt_base.ko"));
    CHECK(has_line(dep, "extra/kt_base.ko:"));
    CHECK(has_line(dep, "extra/kt_soft.ko:"));
    std::string syms = dep_file(tk, "modules.symbols");
    CHECK(syms.rfind("# Aliases for symbols, used by symbol_request().\n", 0) == 0);
    CHECK(has_line(syms, "alias symbol:kt_base_fn kt_base"));
    CHECK(has_line(syms, "alias symbol:kt_mid_fn kt_mid"));  // EXPORT_SYMBOL_GPL counts too
    std::string alias = dep_file(tk, "modules.alias");
    CHECK(has_line(alias, "alias kt-bottom kt_base"));
    CHECK(has_line(alias, "alias kt-stack:* kt_top"));
    CHECK(has_line(dep_file(tk, "modules.softdep"), "softdep kt_top pre: kt_soft"));
    for (const char* bin : {"modules.dep.bin", "modules.alias.bin", "modules.symbols.bin"})
        CHECK(dep_file(tk, bin).substr(0, 4) == std::string("\xb0\x07\xf4\x57", 4));
    // modules.builtin is missing: kmod's warning, and the index stays empty.
    CHECK(cap.err().find("depmod: WARNING: could not open modules.builtin at /lib/modules/") != std::string::npos);
    CHECK(dep_file(tk, "modules.builtin.bin").empty());
}

TEST_CASE("depmod: the steps, seen through the Depmod object", "[depmod]") {
    TestKernel tk;
    install(tk, {"kt_base", "kt_mid", "kt_top"});
    write_host(modules_dir(tk) / "modules.order", "extra/kt_top.ko\nextra/kt_base.ko\n");
    tools::KmodLog log("depmod", -1);
    tools::Depmod d({}, log);
    d.load_config();
    REQUIRE(d.find_modules() == 0);
    d.sort_modules();
    const auto& mods = d.modules();
    REQUIRE(mods.size() == 3);
    CHECK(mods[0].name == "kt_top");  // modules.order's order first
    CHECK(mods[1].name == "kt_base");
    CHECK(mods[2].name == "kt_mid");  // then the rest
    d.load_modules();
    CHECK(d.resolve_dependencies());
    auto names = [&](const std::vector<size_t>& v) {
        std::vector<std::string> out;
        for (size_t i : v) out.push_back(mods[i].name);
        return out;
    };
    CHECK(names(mods[0].deps) == std::vector<std::string>{"kt_mid"});  // direct only
    CHECK(names(d.all_dependencies(0)) == std::vector<std::string>{"kt_mid", "kt_base"});
    CHECK(mods[1].users == 1);
    CHECK(mods[0].dep_sort_idx < mods[2].dep_sort_idx);  // users before what they use
    CHECK(mods[2].dep_sort_idx < mods[1].dep_sort_idx);
}

TEST_CASE("depmod: a cycle is reported as kmod reports it and left out", "[depmod][cycle][bad]") {
    TestKernel tk;
    install(tk, {"kt_cyc_a", "kt_cyc_b", "kt_base", "kt_mid"});
    write_host(modules_dir(tk) / "modules.order", "");
    Capture cap(tk);
    CHECK(run_depmod() == 1);
    std::string err = cap.err();
    // As Debian's kmod 30 reports this tree.
    CHECK(err.find("depmod: ERROR: Cycle detected: kt_cyc_a -> kt_cyc_b -> kt_cyc_a\n") != std::string::npos);
    CHECK(err.find("depmod: ERROR: Found 2 modules in dependency cycles!\n") != std::string::npos);
    std::string dep = dep_file(tk);
    CHECK(dep.find("kt_cyc") == std::string::npos);
    CHECK(has_line(dep, "extra/kt_mid.ko: extra/kt_base.ko"));  // the rest is written
    CHECK(dep_file(tk, "modules.symbols").find("kt_cyc") == std::string::npos);
}

TEST_CASE("depmod: a file that is not a module is said and still listed, as kmod does", "[depmod][bad]") {
    TestKernel tk;
    install(tk, {"kt_base"});
    write_host(modules_dir(tk) / "extra/broken.ko", "not an ELF file\n");
    // ELF, but of a class kmod does not know (EI_CLASS 9).
    write_host(modules_dir(tk) / "extra/badclass.ko", std::string("\x7f" "ELF\x09\x01\x01", 7) + std::string(100, '\0'));
    write_host(modules_dir(tk) / "modules.order", "");
    Capture cap(tk);
    CHECK(run_depmod() == 0);
    std::string dir = "/lib/modules/" + std::string(sk::kernel_release());
    CHECK(cap.err().find("depmod: ERROR: failed to load symbols from " + dir + "/extra/broken.ko: Exec format error\n") !=
          std::string::npos);
    CHECK(cap.err().find("depmod: ERROR: failed to load symbols from " + dir + "/extra/badclass.ko: Invalid argument\n") !=
          std::string::npos);
    CHECK(has_line(dep_file(tk), "extra/broken.ko:"));
    CHECK(has_line(dep_file(tk), "extra/badclass.ko:"));
}

TEST_CASE("depmod: /etc/depmod.d's search order picks between two modules of one name", "[depmod][config]") {
    TestKernel tk;
    install(tk, {"kt_base"}, "extra");
    install(tk, {"kt_base"}, "updates");
    write_host(modules_dir(tk) / "modules.order", "");
    tools::KmodLog quiet("depmod", -1);
    {
        tools::Depmod d({}, quiet);  // no config: "updates" comes first, as in kmod
        REQUIRE(d.run() == 0);
        CHECK(has_line(dep_file(tk), "updates/kt_base.ko:"));
        CHECK(dep_file(tk).find("extra/kt_base.ko") == std::string::npos);
    }
    write_host(tk.root() / "etc/depmod.d/order.conf", "# extra before updates\nsearch extra updates built-in\n");
    {
        tools::Depmod d({}, quiet);
        REQUIRE(d.run() == 0);
        CHECK(has_line(dep_file(tk), "extra/kt_base.ko:"));
    }
    write_host(tk.root() / "etc/depmod.d/zz-override.conf", "override kt_base * updates\n");
    {
        tools::Depmod d({}, quiet);
        REQUIRE(d.run() == 0);
        CHECK(has_line(dep_file(tk), "updates/kt_base.ko:"));
    }
}

TEST_CASE("depmod: -A does nothing while modules.dep is newer than every module", "[depmod]") {
    TestKernel tk;
    install(tk, {"kt_base"});
    write_host(modules_dir(tk) / "modules.order", "");
    tools::DepmodOptions quick;
    quick.quick = true;
    tools::KmodLog quiet("depmod", -1);
    REQUIRE(tools::Depmod(quick, quiet).run() == 0);  // no modules.dep yet: a full run
    CHECK(has_line(dep_file(tk), "extra/kt_base.ko:"));
    write_host(modules_dir(tk) / "modules.dep", "left alone\n");
    REQUIRE(tools::Depmod(quick, quiet).run() == 0);
    CHECK(dep_file(tk) == "left alone\n");
    std::filesystem::last_write_time(modules_dir(tk) / "extra/kt_base.ko",
                                     std::filesystem::file_time_type::clock::now() + std::chrono::seconds(5));
    REQUIRE(tools::Depmod(quick, quiet).run() == 0);  // a newer module: done again
    CHECK(has_line(dep_file(tk), "extra/kt_base.ko:"));
}

TEST_CASE("depmod: -n prints the text files and writes nothing", "[depmod]") {
    TestKernel tk;
    install(tk, {"kt_base", "kt_mid"});
    write_host(modules_dir(tk) / "modules.order", "");
    tools::DepmodOptions o;
    o.dry_run = true;
    Capture cap(tk);
    CHECK(run_depmod(o) == 0);
    CHECK(has_line(cap.out(), "extra/kt_mid.ko: extra/kt_base.ko"));
    CHECK(cap.out().find("# Aliases extracted from modules themselves.\n") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(modules_dir(tk) / "modules.dep"));
}

TEST_CASE("depmod: no modules directory is kmod's FATAL error", "[depmod][bad]") {
    TestKernel tk;
    tools::DepmodOptions o;
    o.release = "9.9.9-none";
    Capture cap(tk);
    CHECK(run_depmod(o) == 1);
    CHECK(cap.err().find("depmod: ERROR: could not open directory /lib/modules/9.9.9-none: No such file or directory\n"
                         "depmod: FATAL: could not search modules: No such file or directory\n") != std::string::npos);
}

TEST_CASE("kmod hash: keys come out in kmod's order", "[depmod][kmod-format]") {
    // The order Debian's kmod 30 depmod wrote these modules in (no modules.order).
    std::vector<std::string> names = {"hello", "kbd", "null", "test_badmagic", "test_chrdev", "test_enodev",
                                      "test_leaky_init", "test_noexit", "test_noinit", "test_nomodinfo",
                                      "test_unknown_sym", "zero"};
    tools::sort_in_kmod_hash_order(names, 512, [](const std::string& s) { return std::string_view(s); });
    CHECK(names == std::vector<std::string>{"kbd", "test_chrdev", "test_nomodinfo", "test_noinit", "test_enodev",
                                            "hello", "test_badmagic", "test_unknown_sym", "null", "test_leaky_init",
                                            "zero", "test_noexit"});
}

TEST_CASE("kmod index: the bytes kmod's depmod writes", "[depmod][kmod-format]") {
    tools::KmodIndex empty;
    CHECK(empty.serialize() == std::string("\xb0\x07\xf4\x57\x00\x02\x00\x01\x00\x00\x00\x0c", 12));

    // modules.builtin.bin for "null" and "zero", as kmod 30 wrote it: the
    // leaves "ull" and "ero" (one value "" each), then the root with
    // children 'n'..'z', all big-endian.
    tools::KmodIndex idx;
    CHECK_FALSE(idx.insert("null", "", 0));
    CHECK_FALSE(idx.insert("zero", "", 0));
    using namespace std::string_literals;
    std::string want = "\xb0\x07\xf4\x57\x00\x02\x00\x01\x20\x00\x00\x26"s  // magic, version, root
                       "ull\0\0\0\0\x01\0\0\0\0\0"s                       // @12: prefix, 1 value, prio 0, ""
                       "ero\0\0\0\0\x01\0\0\0\0\0"s                       // @25
                       "nz\xc0\0\0\x0c"s + std::string(11 * 4, '\0') + "\xc0\0\0\x19"s;  // @38: the root
    CHECK(idx.serialize() == want);

    CHECK(idx.insert("null", "", 0));  // the same value again: a duplicate
}

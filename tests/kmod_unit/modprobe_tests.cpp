// modprobe_tests.cpp - loading and removing whole stacks (shell/tools/
// modprobe) against a test kernel: the probe order, aliases, options,
// softdeps, install/remove commands, and what happens when a piece fails.
#include "kmod_support.hpp"

#include "tools/depmod.hpp"
#include "tools/modprobe.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using kmt::Capture;
using kmt::install;
using kmt::modules_dir;
using skt::module_names;
using skt::TestKernel;

namespace {

using Names = std::vector<std::string>;

// A root with the kt_* stack installed and depmod run.
void setup(TestKernel& tk, const std::string& modprobe_conf = "") {
    install(tk, {"kt_base", "kt_mid", "kt_top", "kt_soft", "kt_cyc_a", "kt_cyc_b"});
    std::ofstream(modules_dir(tk) / "modules.order") << "";
    if (!modprobe_conf.empty()) {
        std::filesystem::create_directories(tk.root() / "etc/modprobe.d");
        std::ofstream(tk.root() / "etc/modprobe.d/test.conf") << modprobe_conf;
    }
    tools::KmodLog quiet("depmod", -1);
    tools::Depmod({}, quiet).run();
}

struct Run {
    int status;
    std::string out, err;
    std::vector<std::string> commands;  // install/remove lines run
};

Run modprobe(TestKernel& tk, std::vector<std::string> args, tools::ModprobeOptions o = {}) {
    Run r;
    Capture cap(tk);
    tools::KmodLog log("modprobe");
    tools::Modprobe mp(o, log, [&r](const std::string& line) {
        r.commands.push_back(line);
        return line.find("false") == 0 ? 1 : 0;
    });
    r.status = mp.run(args);
    r.out = cap.out();
    r.err = cap.err();
    return r;
}

tools::ModprobeOptions remove_opts() {
    tools::ModprobeOptions o;
    o.remove = true;
    return o;
}

}  // namespace

TEST_CASE("modprobe: the probe list is dependencies deepest first, softdeps around, the module last", "[modprobe]") {
    TestKernel tk;
    setup(tk);
    tools::KmodLog log("modprobe", -1);
    tools::Modprobe mp({}, log, nullptr);
    CHECK(mp.probe_list_names({"kt_top", ""}) == Names{"kt_base", "kt_mid", "kt_soft", "kt_top"});
    CHECK(mp.probe_list_names({"kt_mid", ""}) == Names{"kt_base", "kt_mid"});
    CHECK(mp.probe_list_names({"kt_base", ""}) == Names{"kt_base"});
}

TEST_CASE("modprobe: --show-depends prints kmod's insmod lines and loads nothing", "[modprobe]") {
    TestKernel tk;
    setup(tk, "options kt_mid fail=0\n");
    tools::ModprobeOptions o;
    o.show_depends = true;
    Run r = modprobe(tk, {"kt_top"}, o);
    CHECK(r.status == 0);
    std::string dir = std::string("/lib/modules/") + sk::kernel_release() + "/extra/";
    CHECK(r.out == "insmod " + dir + "kt_base.ko \n" + "insmod " + dir + "kt_mid.ko fail=0 \n" + "insmod " + dir +
                       "kt_soft.ko \n" + "insmod " + dir + "kt_top.ko \n");
    CHECK(module_names(tk.k()).empty());
}

TEST_CASE("modprobe: loads a stack in order and -r removes it all again", "[modprobe]") {
    TestKernel tk;
    setup(tk);
    Run r = modprobe(tk, {"kt_top"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(module_names(tk.k()) == Names{"kt_base", "kt_mid", "kt_soft", "kt_top"});
    CHECK(tk->modules.find("kt_base")->refcnt == 1);

    CHECK(modprobe(tk, {"kt_top"}).status == 0);  // loaded already: nothing to do
    CHECK(module_names(tk.k()).size() == 4);

    r = modprobe(tk, {"kt_top"}, remove_opts());
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(module_names(tk.k()).empty());  // its needs, and its softdep, went with it
}

TEST_CASE("modprobe: skips what is loaded and -r keeps what something else still uses", "[modprobe]") {
    TestKernel tk;
    setup(tk);
    REQUIRE(modprobe(tk, {"kt_base"}).status == 0);
    REQUIRE(modprobe(tk, {"kt_mid"}).status == 0);
    CHECK(module_names(tk.k()) == Names{"kt_base", "kt_mid"});
    REQUIRE(modprobe(tk, {"kt_top"}).status == 0);
    CHECK(module_names(tk.k()) == Names{"kt_base", "kt_mid", "kt_soft", "kt_top"});
}

TEST_CASE("modprobe: -r of a module something needs is refused with kmod's message", "[modprobe][bad]") {
    TestKernel tk;
    setup(tk);
    REQUIRE(modprobe(tk, {"kt_top"}).status == 0);
    Run r = modprobe(tk, {"kt_base"}, remove_opts());
    CHECK(r.status == 1);
    CHECK(r.err == "modprobe: FATAL: Module kt_base is in use.\n");
    CHECK(tk->modules.find("kt_base") != nullptr);
}

TEST_CASE("modprobe: a dependency whose init fails leaves nothing of the stack loaded", "[modprobe][bad]") {
    TestKernel tk;
    setup(tk, "options kt_mid fail=1\n");
    std::string before = skt::kernel_state(tk.k());
    Run r = modprobe(tk, {"kt_top"});
    CHECK(r.status == 1);
    CHECK(r.err == "modprobe: ERROR: could not insert 'kt_top': No such device\n");
    CHECK(tk.log_contains("kt_mid: failing on purpose"));
    CHECK(tk.log_contains("kt_base: down"));  // loaded for the stack, removed again
    CHECK(module_names(tk.k()).empty());
    CHECK(skt::kernel_state(tk.k()) == before);
}

TEST_CASE("modprobe: parameters on the command line come after (and win over) options", "[modprobe]") {
    TestKernel tk;
    setup(tk, "options kt_mid fail=1\n");
    CHECK(modprobe(tk, {"kt_mid"}).status == 1);
    CHECK(module_names(tk.k()).empty());
    Run r = modprobe(tk, {"kt_mid", "fail=0"});
    CHECK(r.status == 0);
    CHECK(module_names(tk.k()) == Names{"kt_base", "kt_mid"});
}

TEST_CASE("modprobe: finds modules by MODULE_ALIAS, modprobe.d alias and symbol", "[modprobe]") {
    TestKernel tk;
    setup(tk, "alias my-base kt_base\n");
    CHECK(modprobe(tk, {"kt-bottom"}).status == 0);  // MODULE_ALIAS("kt-bottom")
    CHECK(module_names(tk.k()) == Names{"kt_base"});
    CHECK(modprobe(tk, {"kt-stack:anything"}).status == 0);  // MODULE_ALIAS("kt-stack:*")
    CHECK(tk->modules.find("kt_top") != nullptr);
    CHECK(modprobe(tk, {"kt_top", "kt_soft", "kt_mid", "kt_base"}, [] {
              tools::ModprobeOptions o = remove_opts();
              o.all = true;
              return o;
          }()).status == 0);
    CHECK(module_names(tk.k()).empty());
    CHECK(modprobe(tk, {"my-base"}).status == 0);
    CHECK(modprobe(tk, {"symbol:kt_mid_fn"}).status == 0);
    CHECK(module_names(tk.k()) == Names{"kt_base", "kt_mid"});
    CHECK(modprobe(tk, {"kt-mid"}).status == 0);  // '-' is '_' in a module name
}

TEST_CASE("modprobe: blacklist stops an alias, not the module's own name", "[modprobe][config]") {
    TestKernel tk;
    setup(tk, "blacklist kt_base\n");
    Run r = modprobe(tk, {"kt-bottom"});
    CHECK(r.status == 0);  // as kmod: silently nothing
    CHECK(module_names(tk.k()).empty());
    CHECK(modprobe(tk, {"kt_base"}).status == 0);
    CHECK(module_names(tk.k()) == Names{"kt_base"});
}

TEST_CASE("modprobe: install and remove lines run commands instead", "[modprobe][config]") {
    TestKernel tk;
    setup(tk, "install kt_soft echo soft $CMDLINE_OPTS\nremove kt_soft echo bye\ninstall nomodule false\n");
    Run r = modprobe(tk, {"kt_soft", "a=1"});
    CHECK(r.status == 0);
    CHECK(r.commands == std::vector<std::string>{"echo soft a=1"});
    CHECK(module_names(tk.k()).empty());
    r = modprobe(tk, {"kt_soft"}, remove_opts());
    CHECK(r.commands == std::vector<std::string>{"echo bye"});
    // A name only an install line knows; its command fails.
    r = modprobe(tk, {"nomodule"});
    CHECK(r.status == 1);
    CHECK(r.err == "modprobe: ERROR: Error running install command 'false' for module nomodule: retcode 1\n"
                   "modprobe: ERROR: could not insert 'nomodule': Invalid argument\n");
}

TEST_CASE("modprobe: bad input gets kmod's messages", "[modprobe][bad]") {
    TestKernel tk;
    setup(tk, "frobnicate kt_base\noptions kt_mid\noptions kt_mid fail=0\n");
    std::string dir = std::string("/lib/modules/") + sk::kernel_release();

    Run r = modprobe(tk, {"nothere"});
    CHECK(r.status == 1);
    // The two malformed lines, then the answer; the good line was still read.
    CHECK(r.err == "modprobe: ERROR: /etc/modprobe.d/test.conf line 1: ignoring bad line starting with 'frobnicate'\n"
                   "modprobe: ERROR: /etc/modprobe.d/test.conf line 2: ignoring bad line starting with 'options'\n"
                   "modprobe: FATAL: Module nothere not found in directory " + dir + "\n");

    tools::ModprobeOptions quiet;
    quiet.config_paths = {"/nonexistent"};
    CHECK(modprobe(tk, {}, quiet).err == "modprobe: ERROR: missing parameters. See -h.\n");
    CHECK(modprobe(tk, {"kt_cyc_a"}, quiet).err ==
          "modprobe: FATAL: Module kt_cyc_a not found in directory " + dir + "\n");  // left out by depmod
    CHECK(modprobe(tk, {"nothere"}, remove_opts()).err.find("modprobe: FATAL: Module nothere not found.\n") !=
          std::string::npos);

    REQUIRE(modprobe(tk, {"kt_base"}, quiet).status == 0);
    tools::ModprobeOptions first = quiet;
    first.first_time = true;
    r = modprobe(tk, {"kt_base"}, first);
    CHECK(r.status == 1);
    CHECK(r.err == "modprobe: ERROR: could not insert 'kt_base': Module already in kernel\n");

    // modules.dep names a file that is not there.
    std::ofstream(modules_dir(tk) / "modules.dep", std::ios::app) << "extra/gone.ko:\n";
    r = modprobe(tk, {"gone"}, quiet);
    CHECK(r.status == 1);
    CHECK(r.err == "modprobe: ERROR: could not insert 'gone': No such file or directory\n");
}

TEST_CASE("modprobe: -q says nothing, -n -v says what it would do", "[modprobe]") {
    TestKernel tk;
    setup(tk);
    tools::ModprobeOptions o;
    Capture cap(tk);
    tools::KmodLog quiet("modprobe", LOG_EMERG);
    CHECK(tools::Modprobe(o, quiet, nullptr).run({"nothere"}) == 1);
    CHECK(cap.err().empty());
    o.dry_run = true;
    tools::KmodLog verbose("modprobe", LOG_WARNING + 1);
    CHECK(tools::Modprobe(o, verbose, nullptr).run({"kt_mid"}) == 0);
    std::string dir = std::string("/lib/modules/") + sk::kernel_release() + "/extra/";
    CHECK(cap.out() == "insmod " + dir + "kt_base.ko \ninsmod " + dir + "kt_mid.ko \n");
    CHECK(module_names(tk.k()).empty());
}

TEST_CASE("modprobe: a module modules.builtin lists is built in: nothing to load, and -r says so", "[modprobe][builtin]") {
    TestKernel tk;
    install(tk, {"null"}, "kernel/drivers/char");
    std::ofstream(modules_dir(tk) / "modules.order") << "";
    // null is built into the test kernel, and shipped as null.ko too, as a
    // new simulated root has it.
    std::ofstream(modules_dir(tk) / "modules.builtin") << "kernel/drivers/char/null.ko\n";
    tools::KmodLog quiet("depmod", -1);
    tools::Depmod({}, quiet).run();

    Run r = modprobe(tk, {"null"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(module_names(tk.k()).empty());  // kmod: "in kernel" already, not inserted

    r = modprobe(tk, {"null"}, remove_opts());
    CHECK(r.status == 1);
    CHECK(r.err == "modprobe: FATAL: Module null is builtin.\n");

    // --show-depends still names the file (kmod prints "builtin X" only
    // for a module with no file).
    tools::ModprobeOptions show;
    show.show_depends = true;
    r = modprobe(tk, {"null"}, show);
    CHECK(r.out == "insmod /lib/modules/" + std::string(sk::kernel_release()) + "/kernel/drivers/char/null.ko \n");
}

// loader_tests.cpp - init_module / delete_module with real .ko files built
// by the project (modules/hello, tests/modules/*), good and bad. Every bad
// input must be refused with Linux's errno and a kernel-log line saying
// why, and leave the kernel exactly as it was (skt::kernel_state).
#include "support.hpp"

#include <catch2/catch.hpp>

#include <elf.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

using skt::insmod;
using skt::kernel_state;
using skt::module_names;
using skt::rmmod;
using skt::TestKernel;
namespace user = sk::user;

namespace {

using Names = std::vector<std::string>;

bool loaded(sk::Kernel& k, const std::string& name) { return k.modules.find(name) != nullptr; }

std::string proc_modules() {
    std::string s;
    REQUIRE(user::read_file("/proc/modules", &s) >= 0);
    return s;
}

// The fields of name's line in /proc/modules: name size refcount holders state address [taints].
std::vector<std::string> proc_modules_fields(const std::string& name) {
    std::istringstream in(proc_modules());
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::vector<std::string> f{std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
        if (!f.empty() && f[0] == name) return f;
    }
    return {};
}

// Writes bytes to a host file under the test's root and returns its path.
std::string write_file(const TestKernel& tk, const std::string& name, const std::vector<char>& bytes) {
    std::filesystem::path p = tk.root() / name;
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
}

}  // namespace

// ---- good modules ----------------------------------------------------------

TEST_CASE("loader: hello.ko loads, says Hello World, unloads with Goodbye", "[loader]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());

    REQUIRE(insmod("hello") == 0);
    CHECK(module_names(tk.k()) == Names{"hello"});
    CHECK(tk.log_contains("Hello World"));
    CHECK(tk.console().find("] Hello World\n") != std::string::npos);  // KERN_ALERT reaches the console
    CHECK(tk.log_contains("hello: loading out-of-tree module taints kernel."));
    auto f = proc_modules_fields("hello");
    REQUIRE(f.size() == 7);
    CHECK(std::stoul(f[1]) % 4096 == 0);  // pages
    CHECK(f[2] == "0");
    CHECK(f[3] == "-");
    CHECK(f[4] == "Live");
    CHECK(f[5].rfind("0x", 0) == 0);
    CHECK(f[6] == "(OE)");

    REQUIRE(rmmod("hello") == 0);
    CHECK(tk.console().find("] Goodbye\n") != std::string::npos);
    CHECK(module_names(tk.k()).empty());
    CHECK(kernel_state(tk.k()) == before);
    CHECK(proc_modules().empty());
}

TEST_CASE("loader: a module's char device works while loaded and is gone after rmmod", "[loader]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());

    REQUIRE(insmod("test_chrdev") == 0);
    CHECK(tk.log_contains("test_chrdev: loaded, major "));
    sk::Module* m = tk->modules.find("test_chrdev");
    REQUIRE(m != nullptr);
    CHECK(m->state.load() == sk::ModuleState::Live);
    // Registered under the module's name, and charged to it.
    auto node = tk->devfs.lookup("test_chrdev");
    REQUIRE(node.has_value());
    sk::ChrdevRegion r = tk->chrdevs.lookup(node->rdev);
    CHECK(r.name == "test_chrdev");
    CHECK(r.owner == m);
    CHECK(tk->slab.stats(m).count == 1);
    // In-tree (the CMake build marks it so): no out-of-tree taint.
    CHECK_FALSE(tk.log_contains("test_chrdev: loading out-of-tree module"));

    // A user reads it; while the file is open the module is in use.
    tk.as_user();
    long fd = user::open("/dev/test_chrdev", O_RDONLY);
    REQUIRE(fd >= 0);
    char buf[64] = {};
    CHECK(user::read(static_cast<int>(fd), buf, sizeof buf) == 23);
    CHECK(std::string(buf) == "hello from test_chrdev\n");
    CHECK(user::read(static_cast<int>(fd), buf, sizeof buf) == 0);
    CHECK(rmmod("test_chrdev") == -EPERM);  // not root
    tk.as_root();
    CHECK(m->refcnt.load() == 1);
    auto f = proc_modules_fields("test_chrdev");
    REQUIRE(f.size() >= 6);
    CHECK(f[2] == "1");  // the open file's reference
    CHECK(f[3] == "-");
    CHECK(f[4] == "Live");
    CHECK(rmmod("test_chrdev") == -EWOULDBLOCK);
    CHECK(loaded(tk.k(), "test_chrdev"));
    tk.as_user();
    CHECK(user::close(static_cast<int>(fd)) == 0);
    tk.as_root();

    REQUIRE(rmmod("test_chrdev") == 0);
    CHECK(tk.log_contains("test_chrdev: unloaded"));
    CHECK_FALSE(tk.log_contains("the kernel removed it"));  // it cleaned up after itself
    CHECK_FALSE(tk.log_contains("leaked"));
    CHECK(user::open("/dev/test_chrdev", O_RDONLY) == -ENOENT);
    CHECK(kernel_state(tk.k()) == before);

    // A second load is a fresh mapping: it works again from scratch.
    REQUIRE(insmod("test_chrdev") == 0);
    fd = user::open("/dev/test_chrdev", O_RDONLY);
    REQUIRE(fd >= 0);
    CHECK(user::read(static_cast<int>(fd), buf, sizeof buf) == 23);
    CHECK(user::close(static_cast<int>(fd)) == 0);
    REQUIRE(rmmod("test_chrdev") == 0);
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("loader: finit_module loads from a file descriptor", "[loader]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    long fd = user::open(skt::module_path("hello").c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    CHECK(user::finit_module(static_cast<int>(fd), "", 0) == 0);
    CHECK(user::close(static_cast<int>(fd)) == 0);
    CHECK(loaded(tk.k(), "hello"));
    CHECK(rmmod("hello") == 0);
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("loader: a built-in driver also loads as a module once its built-in twin is absent", "[loader]") {
    TestKernel tk({.builtin_drivers = false});
    const std::string before = kernel_state(tk.k());
    REQUIRE(insmod("null") == 0);
    long fd = user::open("/dev/null", O_RDWR);
    REQUIRE(fd >= 0);
    CHECK(user::write(static_cast<int>(fd), "abc", 3) == 3);
    CHECK(user::close(static_cast<int>(fd)) == 0);
    REQUIRE(rmmod("null") == 0);
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("loader: null.ko beside the built-in null driver fails with EBUSY and changes nothing", "[loader][bad]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    CHECK(insmod("null") == -EBUSY);
    CHECK(kernel_state(tk.k()) == before);
}

// ---- bad input: refused, logged, nothing changed --------------------------

TEST_CASE("loader: not an ELF file is ENOEXEC", "[loader][bad]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    std::string text = "#!/bin/sh\necho this is not a kernel module\n";
    text.resize(4096, '\n');
    std::vector<char> image(text.begin(), text.end());
    CHECK(insmod(image) == -ENOEXEC);
    CHECK(tk.log_contains("not an ELF file"));
    CHECK(kernel_state(tk.k()) == before);

    std::vector<char> zeros(8192, 0);
    CHECK(insmod(zeros) == -ENOEXEC);
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("loader: a truncated .ko is ENOEXEC", "[loader][bad]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    const std::vector<char> whole = skt::module_image("hello");
    for (size_t n : {size_t{0}, size_t{4}, size_t{16}, size_t{63}, size_t{64}, size_t{200}, size_t{1000},
                     whole.size() / 2, whole.size() - 64, whole.size() - 1}) {
        INFO("first " << n << " of " << whole.size() << " bytes");
        std::vector<char> part(whole.begin(), whole.begin() + static_cast<long>(n));
        CHECK(insmod(part) == -ENOEXEC);
        CHECK(kernel_state(tk.k()) == before);
    }
    CHECK(tk.log_contains("truncated file"));
    // The whole file is fine.
    CHECK(insmod(whole) == 0);
    CHECK(rmmod("hello") == 0);
}

TEST_CASE("loader: an ELF file for another machine is ENOEXEC", "[loader][bad]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    std::vector<char> image = skt::module_image("hello");
    REQUIRE(image.size() > sizeof(Elf64_Ehdr));
    static_assert(offsetof(Elf64_Ehdr, e_machine) == 18);
    uint16_t machine = EM_AARCH64;
    memcpy(image.data() + 18, &machine, sizeof machine);
    CHECK(insmod(image) == -ENOEXEC);
    CHECK(tk.log_contains("ELF machine 183 is not x86-64 (62)"));
    CHECK(kernel_state(tk.k()) == before);

    // A 32-bit ELF class is refused too.
    image = skt::module_image("hello");
    image[EI_CLASS] = ELFCLASS32;
    CHECK(insmod(image) == -ENOEXEC);
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("loader: a .ko with no .modinfo is ENOEXEC", "[loader][bad]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    CHECK(insmod("test_nomodinfo") == -ENOEXEC);
    CHECK(tk.log_contains("no .modinfo section"));
    CHECK_FALSE(tk.log_contains("test_chrdev: loaded"));  // its init never ran
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("loader: a .ko built for another kernel is ENOEXEC, with both version magics logged", "[loader][bad]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    CHECK(insmod("test_badmagic") == -ENOEXEC);
    CHECK(tk.log_contains(std::string("test_badmagic: version magic '") + SK_TEST_FOREIGN_VERMAGIC +
                          "' should be '" + sk::kernel_vermagic() + "'"));
    CHECK_FALSE(tk.log_contains("test_badmagic: this must never run"));
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("loader: a module without init_module is ENOEXEC", "[loader][bad]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    CHECK(insmod("test_noinit") == -ENOEXEC);
    CHECK(tk.log_contains("test_noinit: no init_module: nothing to run"));
    CHECK_FALSE(tk.log_contains("test_noinit: cleanup"));
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("loader: init_module returning -ENODEV fails the insmod with ENODEV", "[loader][bad]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    CHECK(insmod("test_enodev") == -ENODEV);
    CHECK(tk.log_contains("test_enodev: no device found"));
    CHECK_FALSE(tk.log_contains("cleanup must not run"));
    CHECK(kernel_state(tk.k()) == before);
    CHECK(rmmod("test_enodev") == -ENOENT);  // it never was loaded
    // It can be tried again, with the same result.
    CHECK(insmod("test_enodev") == -ENODEV);
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("loader: a module calling printf is refused with Unknown symbol", "[loader][bad]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    CHECK(insmod("test_unknown_sym") == -ENOENT);
    CHECK(tk.log_contains("test_unknown_sym: Unknown symbol printf (err -2)"));
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("loader: a failing init's leftovers are released and reported", "[loader][bad]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    CHECK(insmod("test_leaky_init") == -EIO);
    CHECK(tk.log_contains("test_leaky_init: failing with everything still held"));
    CHECK(tk.log_contains("test_leaky_init: left char device region "));
    CHECK(tk.log_contains("\"test_leaky\" registered; the kernel removed it"));
    CHECK(tk.log_contains("test_leaky_init: left device test_leaky ("));
    CHECK(tk.log_contains("test_leaky_init: left class test_leaky behind"));
    CHECK(tk.log_contains("test_leaky_init: left IRQ 5 handler \"test_leaky\" registered; the kernel freed it"));
    CHECK(tk.log_contains("test_leaky_init: leaked 128 bytes in 2 allocations; the kernel freed them"));
    CHECK(user::open("/dev/test_leaky", O_RDONLY) == -ENOENT);
    CHECK(kernel_state(tk.k()) == before);

    // Everything really was released: a second try gets just as far
    // (the IRQ line, the class name and the node name are free again).
    CHECK(insmod("test_leaky_init") == -EIO);
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("loader: loading the same module twice is EEXIST", "[loader][bad]") {
    TestKernel tk;
    REQUIRE(insmod("test_chrdev") == 0);
    const std::string once = kernel_state(tk.k());
    CHECK(insmod("test_chrdev") == -EEXIST);
    CHECK(kernel_state(tk.k()) == once);
    // Through finit_module as well.
    long fd = user::open(skt::module_path("test_chrdev").c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    CHECK(user::finit_module(static_cast<int>(fd), "", 0) == -EEXIST);
    CHECK(user::close(static_cast<int>(fd)) == 0);
    CHECK(kernel_state(tk.k()) == once);
    CHECK(rmmod("test_chrdev") == 0);
}

TEST_CASE("loader: removing a module that is not loaded is ENOENT", "[loader][bad]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    CHECK(rmmod("hello") == -ENOENT);
    CHECK(rmmod("") == -ENOENT);
    CHECK(rmmod(std::string(100, 'x').c_str()) == -ENOENT);
    // Built-in drivers are not modules.
    CHECK(rmmod("kbd") == -ENOENT);
    CHECK(kernel_state(tk.k()) == before);

    REQUIRE(insmod("hello") == 0);
    REQUIRE(rmmod("hello") == 0);
    CHECK(rmmod("hello") == -ENOENT);
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("loader: insmod of a missing file fails at open, ENOENT", "[loader][bad]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    std::string missing = (tk.root() / "no-such-module.ko").string();
    CHECK(user::open(missing.c_str(), O_RDONLY) == -ENOENT);
    CHECK(user::finit_module(-1, "", 0) == -EBADF);
    CHECK(user::finit_module(42, "", 0) == -EBADF);
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("loader: finit_module refuses bad images just as init_module does", "[loader][bad]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    std::vector<char> whole = skt::module_image("hello");
    std::string truncated = write_file(tk, "truncated.ko", {whole.begin(), whole.begin() + 500});
    std::string text = write_file(tk, "text.ko", std::vector<char>(1000, 'x'));
    for (const std::string& path : {truncated, text, skt::module_path("test_badmagic")}) {
        INFO(path);
        long fd = user::open(path.c_str(), O_RDONLY);
        REQUIRE(fd >= 0);
        CHECK(user::finit_module(static_cast<int>(fd), "", 0) == -ENOEXEC);
        CHECK(user::close(static_cast<int>(fd)) == 0);
        CHECK(kernel_state(tk.k()) == before);
    }
    // A file larger than any module (sparse: 65 MiB of nothing) is EFBIG.
    std::string huge = write_file(tk, "huge.ko", {});
    std::filesystem::resize_file(huge, 65ull << 20);
    long hfd = user::open(huge.c_str(), O_RDONLY);
    REQUIRE(hfd >= 0);
    CHECK(user::finit_module(static_cast<int>(hfd), "", 0) == -EFBIG);
    CHECK(user::close(static_cast<int>(hfd)) == 0);
    CHECK(kernel_state(tk.k()) == before);
    // A descriptor open for writing only cannot be read from.
    long fd = user::open("/dev/null", O_WRONLY);
    REQUIRE(fd >= 0);
    CHECK(user::finit_module(static_cast<int>(fd), "", 0) == -EBADF);
    CHECK(user::close(static_cast<int>(fd)) == 0);
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("loader: only root may load and remove modules", "[loader][bad]") {
    TestKernel tk;
    REQUIRE(insmod("test_chrdev") == 0);
    const std::string before = kernel_state(tk.k());

    tk.as_user();
    CHECK(insmod("hello") == -EPERM);
    long fd = user::open(skt::module_path("hello").c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    CHECK(user::finit_module(static_cast<int>(fd), "", 0) == -EPERM);
    CHECK(user::close(static_cast<int>(fd)) == 0);
    CHECK(rmmod("test_chrdev") == -EPERM);
    CHECK(rmmod("no_such_module") == -EPERM);
    tk.as_root();
    CHECK_FALSE(tk.log_contains("Hello World"));
    CHECK(kernel_state(tk.k()) == before);
    CHECK(rmmod("test_chrdev") == 0);
}

TEST_CASE("loader: a module without cleanup_module cannot be removed", "[loader]") {
    TestKernel tk;
    REQUIRE(insmod("test_noexit") == 0);
    CHECK(tk.log_contains("test_noexit: loaded for good"));
    const std::string loaded_state = kernel_state(tk.k());
    auto f = proc_modules_fields("test_noexit");
    REQUIRE(f.size() >= 6);
    CHECK(f[2] == "0");
    CHECK(f[3] == "[permanent],");
    CHECK(f[4] == "Live");
    CHECK(rmmod("test_noexit") == -EBUSY);
    CHECK(loaded(tk.k(), "test_noexit"));
    CHECK(kernel_state(tk.k()) == loaded_state);
}

TEST_CASE("loader: a good module loads after every kind of failure", "[loader][bad]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    for (const char* bad : {"test_nomodinfo", "test_badmagic", "test_noinit", "test_enodev", "test_unknown_sym",
                            "test_leaky_init"})
        CHECK(insmod(bad) < 0);
    CHECK(kernel_state(tk.k()) == before);
    REQUIRE(insmod("test_chrdev") == 0);
    REQUIRE(insmod("hello") == 0);
    CHECK(module_names(tk.k()) == Names{"test_chrdev", "hello"});
    CHECK(rmmod("hello") == 0);
    CHECK(rmmod("test_chrdev") == 0);
    CHECK(kernel_state(tk.k()) == before);
}

// ---- shutdown --------------------------------------------------------------

TEST_CASE("loader: shutdown unloads modules newest first, calling each cleanup_module", "[loader][shutdown]") {
    TestKernel tk;
    REQUIRE(insmod("hello") == 0);
    REQUIRE(insmod("test_chrdev") == 0);
    REQUIRE(insmod("test_noexit") == 0);
    // An open file on a module's device does not stop the shutdown.
    long fd = user::open("/dev/test_chrdev", O_RDONLY);
    REQUIRE(fd >= 0);
    const std::filesystem::path logfile = tk.root() / "var/log/system.log";
    tk.shutdown();

    const std::string& console = tk.console();
    size_t chrdev_bye = console.find("test_chrdev: unloaded");
    size_t hello_bye = console.find("] Goodbye");
    REQUIRE(chrdev_bye != std::string::npos);
    REQUIRE(hello_bye != std::string::npos);
    CHECK(chrdev_bye < hello_bye);

    // The on-disk log has the whole sequence, and no complaint of leftovers.
    std::vector<char> bytes = skt::read_host_file(logfile);
    std::string log(bytes.begin(), bytes.end());
    size_t down = log.find("reboot: shutting down");
    size_t c = log.find("test_chrdev: unloaded");
    size_t h = log.find("] Goodbye");
    size_t off = log.find("reboot: Power down");
    REQUIRE(down != std::string::npos);
    REQUIRE(off != std::string::npos);
    CHECK(down < c);
    CHECK(c < h);
    CHECK(h < off);
    CHECK(log.find("the kernel removed it") == std::string::npos);
    CHECK(log.find("leaked") == std::string::npos);
}

TEST_CASE("loader: shutdown order follows load order, not names", "[loader][shutdown]") {
    TestKernel tk;
    REQUIRE(insmod("test_chrdev") == 0);
    REQUIRE(insmod("hello") == 0);
    tk.shutdown();
    size_t chrdev_bye = tk.console().find("test_chrdev: unloaded");
    size_t hello_bye = tk.console().find("] Goodbye");
    REQUIRE(chrdev_bye != std::string::npos);
    REQUIRE(hello_bye != std::string::npos);
    CHECK(hello_bye < chrdev_bye);
}

// simkernel_bench.cpp - what the simulated system-call path and the module
// loader cost, each next to the floor it cannot go below (issue 2, part 8).
//
//   syscall/read_zero_sim        1-byte read of /dev/zero through sk::user::read:
//                                stub -> do_syscall -> sys_call_table -> ksys_read
//                                -> fd table -> f_op->read -> clear_user
//   syscall/read_zero_host       1-byte read(2) of the host's /dev/zero (a real trap)
//   syscall/indirect_call        one call through a function-pointer table: the
//                                least any table-dispatched call can cost
//   module/insmod_rmmod_hello    sk::user::init_module + sk::user::delete_module of
//                                hello.ko as root: ELF checks, symbol resolution,
//                                memfd + dlopen, init (printk), cleanup, dlclose
//   module/finsmod_rmmod_hello   the same through open + finit_module + close,
//                                what the insmod command does (as kmod's)
//   module/readinsmod_rmmod_hello  read the file through open/read, then
//                                init_module: the insmod command before
//   module/dlopen_dlclose_floor  the same bytes through a bare memfd_create + write
//                                + dlopen + dlclose: what any loader must pay
//
//   syscall/read_zero_sim_debug, module/insmod_rmmod_hello_debug   the same with
//                                issue 11's checks on (slab red zones and poison,
//                                lockdep, might_sleep: the default); the plain ones
//                                turn them off. Target: within 1.5x.
//
// Extra figures that explain the ones above (not targets):
//   syscall/getpid_sim                  the dispatch alone (no fd, no driver)
//   module/insmod_rmmod_hello_logfile   as insmod_rmmod_hello, with the kernel
//                                       log mirrored to <root>/var/log/system.log
//   module/dlopen_dlclose_via_symlink   the floor plus the loader's per-load
//                                       symlink + unlink (a unique dlopen path)
//
// docs/performance.md has the figures; bench/run.sh refreshes them.
#include "bench_kernel.hpp"

#include <simkernel/lockdep.hpp>
#include <simkernel/dlopen_probe.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/user.hpp>

#include <benchmark/benchmark.h>

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;

using bench::BenchKernel;

const std::vector<char>& hello_ko() {
    static const std::vector<char> image = [] {
        const fs::path path = fs::path(SK_MODULE_DIR) / "hello.ko";
        std::ifstream in(path, std::ios::binary);
        std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        if (!in.good() && !in.eof()) bytes.clear();
        return bytes;
    }();
    return image;
}

bool have_hello(benchmark::State& state) {
    if (hello_ko().empty()) {
        state.SkipWithError("cannot read " SK_MODULE_DIR "/hello.ko (build the hello_ko target)");
        return false;
    }
    return true;
}

// Issue 11's checks (slab red zones and poison, lockdep, might_sleep) are on
// by default; the plain benchmarks turn them off, the *_debug ones leave
// them on, so one run compares both.
void set_debug_checks(bool on) {
    sk::prove_locking.store(on ? 1 : 0);
    sk::kernel().slab.debug.store(on);
}

// ---- syscall/ ----

void read_zero_sim(benchmark::State& state, bool debug) {
    BenchKernel k(1000, false);
    set_debug_checks(debug);
    long fd = sk::user::open("/dev/zero", O_RDONLY);
    if (fd < 0) {
        state.SkipWithError("sk::user::open(\"/dev/zero\") failed");
        return;
    }
    char c = 1;
    for (auto _ : state) {
        long n = sk::user::read(static_cast<int>(fd), &c, 1);
        benchmark::DoNotOptimize(n);
        benchmark::ClobberMemory();
    }
    if (c != 0) state.SkipWithError("read of /dev/zero did not return a zero byte");
    sk::user::close(static_cast<int>(fd));
    set_debug_checks(true);
}

void BM_read_zero_sim(benchmark::State& state) { read_zero_sim(state, false); }
void BM_read_zero_sim_debug(benchmark::State& state) { read_zero_sim(state, true); }

void BM_read_zero_host(benchmark::State& state) {
    int fd = ::open("/dev/zero", O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        state.SkipWithError("open(\"/dev/zero\") failed");
        return;
    }
    char c = 1;
    for (auto _ : state) {
        ssize_t n = ::read(fd, &c, 1);
        benchmark::DoNotOptimize(n);
        benchmark::ClobberMemory();
    }
    ::close(fd);
}

// The dispatch alone: stub, do_syscall, table, `current`, no fd lookup.
void BM_getpid_sim(benchmark::State& state) {
    BenchKernel k(1000, false);
    for (auto _ : state) {
        long pid = sk::user::getpid();
        benchmark::DoNotOptimize(pid);
    }
}

// The floor: a call through a table of function pointers that the compiler
// cannot see through. The table is volatile (every iteration loads the
// pointer afresh), the index is laundered through DoNotOptimize, and the
// targets are noinline, so neither devirtualisation nor inlining can remove
// the indirect call.
using op_t = long (*)(long);
__attribute__((noinline)) long op_a(long x) { return x + 1; }
__attribute__((noinline)) long op_b(long x) { return x - 1; }
op_t volatile op_table[2] = {op_a, op_b};

void BM_indirect_call(benchmark::State& state) {
    long x = 0;
    size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(i);
        op_t fn = op_table[i];
        x = fn(x);
        benchmark::DoNotOptimize(x);
    }
}

// ---- module/ ----

void insmod_rmmod(benchmark::State& state, bool log_to_file, bool debug = false) {
    if (!have_hello(state)) return;
    const std::vector<char>& image = hello_ko();
    BenchKernel k(0, log_to_file);
    set_debug_checks(debug);
    for (auto _ : state) {
        long err = sk::user::init_module(image.data(), image.size(), "");
        if (err) {
            state.SkipWithError(("init_module(hello.ko) = " + std::to_string(err)).c_str());
            break;
        }
        err = sk::user::delete_module("hello", 0);
        if (err) {
            state.SkipWithError(("delete_module(hello) = " + std::to_string(err)).c_str());
            break;
        }
    }
    set_debug_checks(true);
}

// insmod + rmmod of an image the process has never mapped: every load pays
// the first-dlopen probe in a fork()ed child (dlopen_probe.cpp). Explanatory:
// what a student pays once per rebuilt .ko.
void BM_insmod_rmmod_hello_first(benchmark::State& state) {
    if (!have_hello(state)) return;
    const std::vector<char>& image = hello_ko();
    BenchKernel k(0, false);
    for (auto _ : state) {
        sk::forget_proven_images();
        if (sk::user::init_module(image.data(), image.size(), "") || sk::user::delete_module("hello", 0)) {
            state.SkipWithError("insmod/rmmod of hello.ko failed");
            break;
        }
    }
}

// What the insmod command does since issue 15 (tools::KmodModule::insert,
// as kmod): open the file, finit_module on it, close; then delete_module.
// Next to insmod_rmmod_hello (init_module with the bytes, the command's
// path before): the same load, the kernel reading the file itself.
void BM_finsmod_rmmod_hello(benchmark::State& state) {
    if (!have_hello(state)) return;
    const std::string path = std::string(SK_MODULE_DIR) + "/hello.ko";
    BenchKernel k(0, false);
    set_debug_checks(false);
    for (auto _ : state) {
        long fd = sk::user::open(path.c_str(), O_RDONLY);
        long err = fd < 0 ? fd : sk::user::finit_module(static_cast<int>(fd), "", 0);
        if (fd >= 0) sk::user::close(static_cast<int>(fd));
        if (err || sk::user::delete_module("hello", 0)) {
            state.SkipWithError(("finit_module(hello.ko) = " + std::to_string(err)).c_str());
            break;
        }
    }
    set_debug_checks(true);
}

// The insmod command's path before issue 15: the whole file read through
// open/read into user memory, then init_module with the bytes.
void BM_readinsmod_rmmod_hello(benchmark::State& state) {
    if (!have_hello(state)) return;
    const std::string path = std::string(SK_MODULE_DIR) + "/hello.ko";
    BenchKernel k(0, false);
    set_debug_checks(false);
    for (auto _ : state) {
        std::string image;
        long err = sk::user::read_file(path.c_str(), &image);
        if (err >= 0) err = sk::user::init_module(image.data(), image.size(), "");
        if (err || sk::user::delete_module("hello", 0)) {
            state.SkipWithError(("init_module(hello.ko) = " + std::to_string(err)).c_str());
            break;
        }
    }
    set_debug_checks(true);
}

void BM_insmod_rmmod_hello(benchmark::State& state) { insmod_rmmod(state, false); }
void BM_insmod_rmmod_hello_debug(benchmark::State& state) { insmod_rmmod(state, false, true); }
void BM_insmod_rmmod_hello_logfile(benchmark::State& state) { insmod_rmmod(state, true); }

// What the loader's mapping step cannot avoid: a fresh in-memory file
// holding the image, dlopen'ed through /proc/self/fd (RTLD_NOW resolves
// printk against libsimkernel.so, which this binary links), and dlclose'd.
// No ELF checks, no symbol lookups, init is not run.
void BM_dlopen_dlclose_floor(benchmark::State& state) {
    if (!have_hello(state)) return;
    const std::vector<char>& image = hello_ko();
    char path[64];
    for (auto _ : state) {
        int fd = memfd_create("hello", MFD_CLOEXEC);
        if (fd < 0) {
            state.SkipWithError("memfd_create failed");
            break;
        }
        size_t done = 0;
        while (done < image.size()) {
            ssize_t n = ::write(fd, image.data() + done, image.size() - done);
            if (n <= 0) break;
            done += static_cast<size_t>(n);
        }
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        void* h = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
        ::close(fd);
        if (done != image.size() || !h) {
            state.SkipWithError(h ? "write to memfd failed" : dlerror());
            if (h) dlclose(h);
            break;
        }
        benchmark::DoNotOptimize(h);
        dlclose(h);
    }
}

// The floor plus what the loader pays today to give each load a path of its
// own (module_loader.cpp, LoadNames): a symlink to /proc/self/fd/N in a
// private directory under $TMPDIR, unlinked after dlopen. Not a target: it
// shows how much of insmod_rmmod_hello's distance from the floor is naming.
void BM_dlopen_dlclose_via_symlink(benchmark::State& state) {
    if (!have_hello(state)) return;
    const std::vector<char>& image = hello_ko();
    std::string dir = (fs::temp_directory_path() / "simkernel-bench.XXXXXX").string();
    if (!mkdtemp(dir.data())) {
        state.SkipWithError("mkdtemp failed");
        return;
    }
    char target[64];
    unsigned long seq = 0;
    for (auto _ : state) {
        int fd = memfd_create("hello", MFD_CLOEXEC);
        if (fd < 0 || ::write(fd, image.data(), image.size()) != static_cast<ssize_t>(image.size())) {
            state.SkipWithError("memfd_create or write failed");
            if (fd >= 0) ::close(fd);
            break;
        }
        snprintf(target, sizeof target, "/proc/self/fd/%d", fd);
        std::string path = dir + "/" + std::to_string(++seq) + "-hello.ko";
        if (::symlink(target, path.c_str()) != 0) {
            state.SkipWithError("symlink failed");
            ::close(fd);
            break;
        }
        void* h = dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL);
        ::unlink(path.c_str());
        ::close(fd);
        if (!h) {
            state.SkipWithError(dlerror());
            break;
        }
        benchmark::DoNotOptimize(h);
        dlclose(h);
    }
    ::rmdir(dir.c_str());
}

}  // namespace

BENCHMARK(BM_read_zero_sim)->Name("syscall/read_zero_sim");
BENCHMARK(BM_read_zero_sim_debug)->Name("syscall/read_zero_sim_debug");
BENCHMARK(BM_read_zero_host)->Name("syscall/read_zero_host");
BENCHMARK(BM_indirect_call)->Name("syscall/indirect_call");
BENCHMARK(BM_getpid_sim)->Name("syscall/getpid_sim");
BENCHMARK(BM_insmod_rmmod_hello)->Name("module/insmod_rmmod_hello");
BENCHMARK(BM_insmod_rmmod_hello_debug)->Name("module/insmod_rmmod_hello_debug");
BENCHMARK(BM_finsmod_rmmod_hello)->Name("module/finsmod_rmmod_hello");
BENCHMARK(BM_readinsmod_rmmod_hello)->Name("module/readinsmod_rmmod_hello");
BENCHMARK(BM_dlopen_dlclose_floor)->Name("module/dlopen_dlclose_floor");
BENCHMARK(BM_insmod_rmmod_hello_logfile)->Name("module/insmod_rmmod_hello_logfile");
BENCHMARK(BM_dlopen_dlclose_via_symlink)->Name("module/dlopen_dlclose_via_symlink");
BENCHMARK(BM_insmod_rmmod_hello_first)->Name("module/insmod_rmmod_hello_first");

BENCHMARK_MAIN();

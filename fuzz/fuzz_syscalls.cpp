// fuzz_syscalls.cpp - libFuzzer target: sequences of system calls with
// arbitrary arguments, made as the student (uid 1000) against the built-in
// devices (/dev/null, /dev/zero, /dev/kbd) and /proc of one kernel
// booted once. Each input is a program: one byte picks the call, the next
// bytes its arguments. Every call must return, a number or -errno.
#include <simkernel/kernel.hpp>
#include <simkernel/user.hpp>

#include <fcntl.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>

namespace {

constexpr size_t kBuf = 4096;
const char* const kPaths[] = {"/dev/null", "/dev/zero", "/dev/kbd", "/dev", "/proc/devices",
                              "/proc/modules", "/dev/nonexistent", ""};

struct Input {
    const uint8_t* p;
    size_t n;
    uint8_t byte() { return n ? (--n, *p++) : 0; }
    uint64_t word() {
        uint64_t v = 0;
        for (int i = 0; i < 8; ++i) v = v << 8 | byte();
        return v;
    }
};

sk::Kernel& kernel() {
    static std::unique_ptr<sk::Kernel> k = [] {
        std::string tmpl = (std::filesystem::temp_directory_path() / "simkernel-fuzz.XXXXXX").string();
        if (!mkdtemp(tmpl.data())) std::abort();
        sk::BootOptions o;
        o.root = tmpl;
        o.console = [](std::string_view) {};
        o.log_to_file = false;
        return std::make_unique<sk::Kernel>(std::move(o));
    }();
    return *k;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    sk::Kernel& k = kernel();
    sk::Task* t = k.tasks.spawn(k.init_task(), "fuzz", 1000, 1000);
    sk::user::bind_thread(t);
    Input in{data, size};
    char buf[kBuf] = {};
    int fds[4] = {-1, -1, -1, -1};
    // The alphabet: one entry per system call, each taking its arguments
    // from the input. Files open O_NONBLOCK: a read of /dev/kbd must not wait.
    using Call = void (*)(Input&, int*, int, char*);
    static const Call calls[] = {
        [](Input& in, int* fds, int slot, char*) {
            long r = sk::user::open(kPaths[in.byte() % std::size(kPaths)],
                                    static_cast<int>(in.word() & (O_ACCMODE | O_APPEND)) | O_NONBLOCK);
            if (r >= 0) fds[slot] = static_cast<int>(r);
        },
        [](Input& in, int* fds, int slot, char* buf) { sk::user::read(fds[slot], buf, in.word() % kBuf); },
        [](Input& in, int* fds, int slot, char* buf) { sk::user::write(fds[slot], buf, in.word() % kBuf); },
        [](Input& in, int* fds, int slot, char*) {
            long off = static_cast<long>(in.word());
            sk::user::lseek(fds[slot], off, in.byte() % 5);
        },
        [](Input& in, int* fds, int slot, char* buf) {
            sk::user::ioctl(fds[slot], in.word(), reinterpret_cast<unsigned long>(buf));
        },
        [](Input&, int* fds, int slot, char*) { sk::user::close(fds[slot]); },
        [](Input&, int* fds, int slot, char*) { sk::user::dup(fds[slot]); },
    };
    for (int step = 0; step < 64 && in.n; ++step) {
        const Call call = calls[in.byte() % std::size(calls)];
        call(in, fds, in.byte() % 4, buf);
    }
    k.tasks.exit(t);
    sk::user::bind_thread(nullptr);
    return 0;
}

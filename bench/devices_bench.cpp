// devices_bench.cpp - what reading a device costs next to copying the same
// bytes (issue 5, "Speed": ram0 sequential read of 64 KiB blocks within 2x
// of memcpy).
//
//   device/ram0_read_64k   sk::user::read(fd, buf, 64 KiB) on /dev/ram0 (4 MiB,
//                          ram0.ko loaded with size=4194304), sequentially, from
//                          a task of uid 1000: stub -> do_syscall -> ksys_read
//                          -> ram0_read (mutex, copy_to_user: a bounds check
//                          and a memcpy). At the end of the device, one lseek
//                          back to 0 (once per 64 reads).
//   device/memcpy_64k      memcpy of 64 KiB blocks from a 4 MiB buffer,
//                          sequentially, into one 64 KiB buffer: the same
//                          bytes, the same access pattern, no kernel.
//
//   device/scull_read_4k/real_time/threads:N
//                          N tasks, each on its own host thread, each reading
//                          4 KiB blocks from its own device (/dev/scull0,
//                          /dev/scull1: one driver, one lock per device),
//                          sequentially over 64 KiB with an lseek back at
//                          the end. Bytes per second over wall time, summed
//                          over the threads: with no big kernel lock on the
//                          read path, 2 threads should reach 2x one thread
//                          (issue 5 asks at least 1.8x).
//
// All report bytes per second; the ratio of their times is the cost of the
// system call and the driver on top of the copy itself. docs/performance.md
// has the figures.
#include "bench_kernel.hpp"

#include <simkernel/kernel.hpp>
#include <simkernel/loader.hpp>
#include <simkernel/user.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <string>
#include <vector>


namespace {


constexpr size_t kBlock = 64 * 1024;
constexpr size_t kDevice = 4 * 1024 * 1024;  // ram0's largest size: 64 blocks

// A booted kernel with ram0.ko loaded and /dev/ram0 open in a user task.
class Ram0Kernel {
public:
    Ram0Kernel() : k_(1000, false) {
        k_.insmod("ram0", "size=4194304");
        fd_ = static_cast<int>(sk::user::open("/dev/ram0", O_RDWR));
        if (fd_ < 0) {
            fprintf(stderr, "devices_bench: open /dev/ram0: %s\n", strerror(-fd_));
            std::exit(1);
        }
        // Something other than zeros, written through the driver.
        std::vector<char> fill(kDevice);
        for (size_t i = 0; i < fill.size(); ++i) fill[i] = static_cast<char>(i * 7);
        if (sk::user::write(fd_, fill.data(), fill.size()) != static_cast<long>(kDevice) ||
            sk::user::lseek(fd_, 0, SEEK_SET) != 0) {
            fprintf(stderr, "devices_bench: cannot fill /dev/ram0\n");
            std::exit(1);
        }
    }
    ~Ram0Kernel() { sk::user::close(fd_); }
    Ram0Kernel(const Ram0Kernel&) = delete;
    Ram0Kernel& operator=(const Ram0Kernel&) = delete;

    int fd() const { return fd_; }

private:
    bench::BenchKernel k_;
    int fd_ = -1;
};

void BM_ram0_read_64k(benchmark::State& state) {
    Ram0Kernel k;
    std::vector<char> buf(kBlock);
    for (auto _ : state) {
        long n = sk::user::read(k.fd(), buf.data(), kBlock);
        if (n == 0) {  // the end of the device: start again
            sk::user::lseek(k.fd(), 0, SEEK_SET);
            n = sk::user::read(k.fd(), buf.data(), kBlock);
        }
        if (n != static_cast<long>(kBlock)) {
            state.SkipWithError("short read from /dev/ram0");
            break;
        }
        benchmark::DoNotOptimize(buf.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(kBlock));
}

void BM_memcpy_64k(benchmark::State& state) {
    std::vector<char> src(kDevice);
    for (size_t i = 0; i < src.size(); ++i) src[i] = static_cast<char>(i * 7);
    std::vector<char> buf(kBlock);
    size_t pos = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(src.data());
        memcpy(buf.data(), src.data() + pos, kBlock);
        benchmark::DoNotOptimize(buf.data());
        benchmark::ClobberMemory();
        pos = (pos + kBlock) % kDevice;
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(kBlock));
}

// One kernel with scull.ko loaded, shared by the benchmark's threads: the
// first thread in boots it, the last one out shuts it down.
class SharedScullKernel {
public:
    static sk::Kernel& acquire() {
        std::lock_guard lock(mutex_);
        if (users_++ == 0) {
            instance_ = std::make_unique<bench::BenchKernel>(0, false);
            instance_->insmod("scull", "");
        }
        return instance_->kernel();
    }
    static void release() {
        std::lock_guard lock(mutex_);
        if (--users_ == 0) instance_.reset();
    }

private:
    static inline std::mutex mutex_;
    static inline int users_ = 0;
    static inline std::unique_ptr<bench::BenchKernel> instance_;
};

// The same copies with no kernel at all, on the same threads: how far the
// machine itself lets two threads scale (a baseline from the same run).
void BM_memcpy_4k_threads(benchmark::State& state) {
    constexpr size_t kSmall = 4096, kSpan = 64 * 1024;
    std::vector<char> src(kSpan, 'x'), buf(kSmall);
    size_t pos = 0;
    int64_t bytes = 0;
    for (auto _ : state) {
        size_t n = std::min(kSmall, kSpan - pos);
        memcpy(buf.data(), src.data() + pos, n);
        pos = pos + n == kSpan ? 0 : pos + n;
        bytes += static_cast<int64_t>(n);
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(bytes);
    state.SetItemsProcessed(state.iterations());
}

// No memory at all: a chain of multiplies per iteration. Two threads of it
// show how far this machine lets any two threads scale (a VM's two vCPUs
// may share more than they seem to).
void BM_alu_threads(benchmark::State& state) {
    uint64_t x = 1;
    for (auto _ : state) {
        for (int i = 0; i < 16; ++i) x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        benchmark::DoNotOptimize(x);
    }
    state.SetItemsProcessed(state.iterations());
}

void scull_read(benchmark::State& state, size_t kSmall) {
    constexpr size_t kSpan = 64 * 1024;
    sk::Kernel& k = SharedScullKernel::acquire();
    sk::user::bind_thread(k.tasks.spawn(k.init_task(), "bench", 0, 0));
    std::string path = "/dev/scull" + std::to_string(state.thread_index());
    int fd = static_cast<int>(sk::user::open(path.c_str(), O_RDWR));
    std::vector<char> buf(kSpan, 'x');
    // scull writes (and reads) at most one 4000-byte quantum per call, as
    // LDD's does: fill it in a loop, and count the bytes each read returns.
    size_t filled = 0;
    while (fd >= 0 && filled < kSpan) {
        long n = sk::user::write(fd, buf.data() + filled, kSpan - filled);
        if (n <= 0) break;
        filled += static_cast<size_t>(n);
    }
    if (fd < 0 || filled != kSpan) {
        state.SkipWithError("cannot open and fill a scull device");
    } else {
        sk::user::lseek(fd, 0, SEEK_SET);
        int64_t bytes = 0;
        for (auto _ : state) {
            long n = sk::user::read(fd, buf.data(), kSmall);
            if (n == 0) {
                sk::user::lseek(fd, 0, SEEK_SET);
                n = sk::user::read(fd, buf.data(), kSmall);
            }
            bytes += n;
            benchmark::ClobberMemory();
        }
        state.SetBytesProcessed(bytes);
        state.SetItemsProcessed(state.iterations());
    }
    if (fd >= 0) sk::user::close(fd);
    sk::user::bind_thread(nullptr);
    SharedScullKernel::release();
}

void BM_scull_read_4k(benchmark::State& state) { scull_read(state, 4096); }
void BM_scull_read_64(benchmark::State& state) { scull_read(state, 64); }

}  // namespace

BENCHMARK(BM_ram0_read_64k)->Name("device/ram0_read_64k");
BENCHMARK(BM_memcpy_64k)->Name("device/memcpy_64k");
BENCHMARK(BM_scull_read_4k)->Name("device/scull_read_4k")->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(BM_scull_read_64)->Name("device/scull_read_64")->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(BM_memcpy_4k_threads)->Name("device/memcpy_4k")->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(BM_alu_threads)->Name("device/alu")->Threads(1)->Threads(2)->UseRealTime();

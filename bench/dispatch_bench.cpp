// dispatch_bench.cpp - dispatch/: what finding the device costs on each
// call, the switch kernel's way against the loadable kernel's, with the same
// driver code behind both (docs/switch-vs-lkm.md; issue 6).
//
//   dispatch/table_read   f->f_op->read(f, buf, 1, &f->f_pos), f_op being
//                         zero.c's own table: an indirect call, as ksys_read
//   dispatch/switch_read  dev_func_read(kind, f, buf, 1, &f->f_pos): a direct
//                         call, then the switch's jump to zero.c's case
//
// Both end in zero.c's read_zero (dispatch_devices.c compiles the switch
// kernel's dev_switch.c, drivers included, into this binary). No kernel is
// booted: a 1-byte clear_user needs none. These isolate the two ways of
// choosing the device; simkernel-switch itself reaches dev_func_read through
// a door f_op (switch_dispatch.cpp), one indirect call more. The fd lookup,
// checks and entry both kernels share are in syscall/read_zero_sim.
#include "dev_switch.h"

#include <benchmark/benchmark.h>

extern "C" const struct file_operations* dispatch_bench_zero_fops(void);

namespace {

// What the system call has in hand when it dispatches: the open file, and
// (switch kernel) the device kind open recorded beside it.
struct OpenDevice {
    struct file f {};
    int dev_kind = 0;
};

void BM_table_read(benchmark::State& state) {
    OpenDevice dev;
    dev.f.f_op = dispatch_bench_zero_fops();
    char c = 1;
    for (auto _ : state) {
        OpenDevice* d = &dev;
        benchmark::DoNotOptimize(d);  // f_op is read from memory each time, as in ksys_read
        ssize_t n = d->f.f_op->read(&d->f, &c, 1, &d->f.f_pos);
        benchmark::DoNotOptimize(n);
    }
    if (c != 0) state.SkipWithError("zero.c's read did not run");
}

void BM_switch_read(benchmark::State& state) {
    OpenDevice dev;
    dev.dev_kind = dev_kind_of(MKDEV(1, 5));  // /dev/zero
    if (dev.dev_kind == 0) {
        state.SkipWithError("dev_switch.c has no /dev/zero");
        return;
    }
    char c = 1;
    for (auto _ : state) {
        OpenDevice* d = &dev;
        benchmark::DoNotOptimize(d);
        ssize_t n = dev_func_read(d->dev_kind, &d->f, &c, 1, &d->f.f_pos);
        benchmark::DoNotOptimize(n);
    }
    if (c != 0) state.SkipWithError("zero.c's read did not run");
}

}  // namespace

BENCHMARK(BM_table_read)->Name("dispatch/table_read");
BENCHMARK(BM_switch_read)->Name("dispatch/switch_read");

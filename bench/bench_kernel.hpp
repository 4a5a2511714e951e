// bench_kernel.hpp - what every benchmark starts from: a kernel booted on a
// scratch root, with one task bound to this thread; and insmod of a .ko
// from the build's module directory.
#pragma once

#include <simkernel/kernel.hpp>
#include <simkernel/user.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#ifndef SK_MODULE_DIR
#error "SK_MODULE_DIR (the directory holding the .ko files) must be defined by the build"
#endif

namespace bench {

class BenchKernel {
public:
    BenchKernel(uid_t uid, bool log_to_file) : root_(make_root()) {
        sk::BootOptions o;
        o.root = root_;
        o.console = [](std::string_view) {};  // printk to the console costs nothing here
        o.log_to_file = log_to_file;
        kernel_ = std::make_unique<sk::Kernel>(std::move(o));
        task_ = kernel_->tasks.spawn(kernel_->init_task(), "bench", uid, uid);
        sk::user::bind_thread(task_);
    }
    ~BenchKernel() {
        sk::user::bind_thread(nullptr);
        kernel_.reset();  // unloads what insmod loaded
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
    BenchKernel(const BenchKernel&) = delete;
    BenchKernel& operator=(const BenchKernel&) = delete;

    sk::Kernel& kernel() { return *kernel_; }

    // Loads SK_MODULE_DIR/<name>.ko as root, as `sudo insmod` does, and
    // binds this thread to the benchmark's task again. A benchmark without
    // its module measures nothing: failing exits.
    void insmod(const char* name, const char* params) {
        std::string path = std::string(SK_MODULE_DIR) + "/" + name + ".ko";
        std::ifstream in(path, std::ios::binary);
        std::vector<char> image{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        sk::user::bind_thread(kernel_->tasks.spawn(kernel_->init_task(), "insmod", 0, 0));
        long err = sk::user::init_module(image.data(), image.size(), params);
        sk::user::bind_thread(task_);
        if (err) {
            fprintf(stderr, "simkernel-bench: insmod %s: %s\n", path.c_str(), strerror(static_cast<int>(-err)));
            std::exit(1);
        }
    }

private:
    static std::filesystem::path make_root() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "simkernel-bench.XXXXXX").string();
        if (!mkdtemp(tmpl.data())) {
            perror("mkdtemp");
            std::exit(1);
        }
        return tmpl;
    }

    std::filesystem::path root_;
    std::unique_ptr<sk::Kernel> kernel_;
    sk::Task* task_ = nullptr;
};

}  // namespace bench

// support.hpp - what every unit test needs: a freshly booted kernel in a
// scratch root, tasks to make system calls as, the kernel's state in a
// comparable form, and the .ko files the build made.
#pragma once

#include <simkernel/kernel.hpp>
#include <simkernel/user.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skt {

// A scratch directory, removed with its contents.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

struct BootConfig {
    size_t log_buf_len = 128 * 1024;
    bool builtin_drivers = true;
    bool log_to_file = true;
};

// One kernel for one test case, booted on a scratch root with its console
// captured. The thread runs as root_task (uid 0) until as_user() is called.
class TestKernel {
public:
    explicit TestKernel(BootConfig cfg = {});
    ~TestKernel();
    TestKernel(const TestKernel&) = delete;
    TestKernel& operator=(const TestKernel&) = delete;

    sk::Kernel& k() { return *kernel_; }
    sk::Kernel* operator->() { return &*kernel_; }
    const std::filesystem::path& root() const { return dir_.path(); }

    void as_root() { sk::user::bind_thread(root_task); }
    void as_user() { sk::user::bind_thread(user_task); }

    // Stops the kernel now (modules unloaded, log closed); console() and the
    // files under root() stay readable.
    void shutdown();

    // Everything the console sink received so far.
    const std::string& console() const { return console_; }
    // The text of every record in the ring buffer, one per line.
    std::string log_text() const;
    bool log_contains(std::string_view s) const;

    sk::Task* root_task = nullptr;  // uid 0
    sk::Task* user_task = nullptr;  // uid 1000, gid 1000

private:
    TempDir dir_;
    std::string console_;  // declared before the kernel: it outlives it
    std::optional<sk::Kernel> kernel_;
};

// The kernel's state that a failed insmod (or a clean insmod + rmmod) must
// leave as it found it, as text so that a difference shows in the failure:
// the module list, char device regions, /dev nodes, the symbol table,
// IRQ handlers, kmalloc'ed memory and every task's open files.
std::string kernel_state(sk::Kernel& k);

// build/modules/<name>.ko
std::string module_path(const std::string& name);
std::vector<char> read_host_file(const std::filesystem::path& p);
std::vector<char> module_image(const std::string& name);

// init_module(2) with the image's bytes, as insmod does.
long insmod(const std::vector<char>& image, const char* params = "");
long insmod(const std::string& name, const char* params = "");
long rmmod(const char* name, unsigned flags = 0);

// The names of the loaded modules, in load order.
std::vector<std::string> module_names(sk::Kernel& k);

}  // namespace skt

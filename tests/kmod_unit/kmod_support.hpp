// kmod_support.hpp - what the module-management tests share on top of
// tests/unit/support.hpp: a module tree under the test kernel's
// /lib/modules/<release>, and a task's stdout/stderr caught in files.
#pragma once

#include "support.hpp"

#include <string>
#include <vector>

namespace kmt {

// /lib/modules/<release> inside the test kernel's root, on the host.
std::filesystem::path modules_dir(skt::TestKernel& tk);

// Copies build/modules/<name>.ko to /lib/modules/<release>/<subdir>/.
void install(skt::TestKernel& tk, const std::vector<std::string>& names, const std::string& subdir = "extra");

// A host file's whole text.
std::string host_text(const std::filesystem::path& p);

// A file of the simulated system, read by the bound task (fails the test
// if it cannot be read).
std::string read(const std::string& path);

// name's line of /proc/modules: "name size refcount holders, state address".
std::string proc_modules_line(const std::string& name);

// Points the bound task's fd 1 and 2 at files while alive; out() and err()
// return what was written so far.
class Capture {
public:
    explicit Capture(skt::TestKernel& tk);
    ~Capture();
    std::string out() const;
    std::string err() const;

private:
    std::filesystem::path out_, err_;
    long saved_out_, saved_err_;
};

}  // namespace kmt

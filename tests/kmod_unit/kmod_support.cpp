// kmod_support.cpp - see kmod_support.hpp.
#include "kmod_support.hpp"

#include <catch2/catch.hpp>

#include <simkernel/kernel.hpp>
#include <simkernel/user.hpp>

#include <fcntl.h>

#include <fstream>
#include <sstream>

namespace kmt {

std::filesystem::path modules_dir(skt::TestKernel& tk) {
    return tk.root() / "lib/modules" / sk::kernel_release();
}

void install(skt::TestKernel& tk, const std::vector<std::string>& names, const std::string& subdir) {
    std::filesystem::path dir = modules_dir(tk) / subdir;
    std::filesystem::create_directories(dir);
    for (const std::string& n : names)
        std::filesystem::copy_file(skt::module_path(n), dir / (n + ".ko"),
                                   std::filesystem::copy_options::overwrite_existing);
}

std::string host_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

Capture::Capture(skt::TestKernel& tk) : out_(tk.root() / "captured.out"), err_(tk.root() / "captured.err") {
    saved_out_ = sk::user::dup(1);
    saved_err_ = sk::user::dup(2);
    auto redirect = [](const std::filesystem::path& p, int fd) {
        long f = sk::user::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (f != fd) {
            sk::user::dup2(static_cast<int>(f), fd);
            sk::user::close(static_cast<int>(f));
        }
    };
    redirect(out_, 1);
    redirect(err_, 2);
}

Capture::~Capture() {
    for (auto [saved, fd] : {std::pair{saved_out_, 1}, std::pair{saved_err_, 2}}) {
        if (saved >= 0) {
            sk::user::dup2(static_cast<int>(saved), fd);
            sk::user::close(static_cast<int>(saved));
        } else {
            sk::user::close(fd);
        }
    }
}

std::string read(const std::string& path) {
    std::string s;
    REQUIRE(sk::user::read_file(path.c_str(), &s) >= 0);
    return s;
}

std::string proc_modules_line(const std::string& name) {
    std::istringstream in(read("/proc/modules"));
    for (std::string line; std::getline(in, line);)
        if (line.rfind(name + " ", 0) == 0) return line;
    return {};
}

std::string Capture::out() const { return host_text(out_); }
std::string Capture::err() const { return host_text(err_); }

}  // namespace kmt

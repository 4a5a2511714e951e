// sdk_probe.cpp - boots a kernel on a scratch root and runs the commands it
// is given against it, printing one result line each, so that the SDK test
// (sdk_test.sh) can check what a module built with `make -C build/sdk M=...`
// does once loaded. Every action goes through system calls, as a tool would.
//
//   sdk_probe 'insmod /path/params.ko myint=5' 'cat /sys/module/params/parameters/myint'
//
// Commands:
//   insmod FILE [PARAMS...]   finit_module; prints "insmod FILE = <ret> <errno name>"
//   rmmod NAME                delete_module; prints "rmmod NAME = <ret> ..."
//   cat PATH                  prints "cat PATH = <ret>" then the content
//   write PATH TEXT           one write(2) of TEXT; prints "write PATH = <ret> ..."
//   ls PATH                   prints "ls PATH = <ret>" then one name per line
//   stat PATH                 prints "stat PATH = <ret> mode=<octal>"
//   user | root               run the next commands as uid 1000 or as root
//   log                       prints the kernel log, one record per line
// Exit status: 0 (the checks are the caller's).
#include <simkernel/kernel.hpp>
#include <simkernel/user.hpp>

#include <fmt/format.h>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace {

std::string result(long ret) {
    if (ret >= 0) return std::to_string(ret);
    return fmt::format("{} {}", ret, strerrorname_np(static_cast<int>(-ret)) ? strerrorname_np(static_cast<int>(-ret)) : "?");
}

std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = s.find(' ', i);
        if (j == std::string::npos) j = s.size();
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    char tmpl[] = "/tmp/sdk-probe-XXXXXX";
    if (!mkdtemp(tmpl)) {
        perror("mkdtemp");
        return 1;
    }
    std::string console;
    int status = 0;
    {
        sk::BootOptions o;
        o.root = tmpl;
        o.console = [&](std::string_view s) { console.append(s); };
        sk::Kernel k(std::move(o));
        sk::Task* root = k.tasks.spawn(k.init_task(), "sdk-probe", 0, 0);
        sk::Task* user = k.tasks.spawn(k.init_task(), "sdk-probe-user", 1000, 1000);
        sk::user::bind_thread(root);

        for (int a = 1; a < argc; ++a) {
            std::string cmd = argv[a];
            std::vector<std::string> w = words(cmd);
            if (w.empty()) continue;
            const std::string& verb = w[0];
            std::string arg = w.size() > 1 ? w[1] : "";
            std::string rest = cmd.size() > verb.size() + arg.size() + 2 ? cmd.substr(verb.size() + arg.size() + 2) : "";
            if (verb == "root") {
                sk::user::bind_thread(root);
            } else if (verb == "user") {
                sk::user::bind_thread(user);
            } else if (verb == "insmod") {
                long fd = sk::user::open(arg.c_str(), O_RDONLY);
                long ret = fd < 0 ? fd : sk::user::finit_module(static_cast<int>(fd), rest.c_str(), 0);
                if (fd >= 0) sk::user::close(static_cast<int>(fd));
                std::printf("insmod %s = %s\n", arg.c_str(), result(ret).c_str());
            } else if (verb == "rmmod") {
                std::printf("rmmod %s = %s\n", arg.c_str(), result(sk::user::delete_module(arg.c_str(), O_NONBLOCK)).c_str());
            } else if (verb == "cat") {
                std::string out;
                long ret = sk::user::read_file(arg.c_str(), &out);
                std::printf("cat %s = %s\n%s", arg.c_str(), result(ret).c_str(), ret >= 0 ? out.c_str() : "");
            } else if (verb == "write") {
                long fd = sk::user::open(arg.c_str(), O_WRONLY);
                long ret = fd < 0 ? fd : sk::user::write(static_cast<int>(fd), rest.data(), rest.size());
                if (fd >= 0) sk::user::close(static_cast<int>(fd));
                std::printf("write %s = %s\n", arg.c_str(), result(ret).c_str());
            } else if (verb == "ls") {
                long fd = sk::user::open(arg.c_str(), O_RDONLY | O_DIRECTORY);
                std::printf("ls %s = %s\n", arg.c_str(), result(fd < 0 ? fd : 0).c_str());
                if (fd >= 0) {
                    char buf[8192];
                    long n;
                    while ((n = sk::user::getdents64(static_cast<int>(fd), buf, sizeof buf)) > 0) {
                        for (long off = 0; off < n;) {
                            auto* d = reinterpret_cast<struct dirent64*>(buf + off);
                            std::printf("%s\n", d->d_name);
                            off += d->d_reclen;
                        }
                    }
                    sk::user::close(static_cast<int>(fd));
                }
            } else if (verb == "stat") {
                struct ::stat st {};
                long ret = sk::user::stat(arg.c_str(), &st);
                std::printf("stat %s = %s mode=%o\n", arg.c_str(), result(ret).c_str(), ret == 0 ? st.st_mode : 0);
            } else if (verb == "log") {
                for (const sk::LogRecord& r : k.log.snapshot()) std::printf("%s\n", r.text.c_str());
            } else {
                std::fprintf(stderr, "sdk_probe: unknown command '%s'\n", cmd.c_str());
                status = 2;
            }
            std::fflush(stdout);
        }
        sk::user::bind_thread(nullptr);
    }
    std::error_code ec;
    std::filesystem::remove_all(tmpl, ec);
    return status;
}

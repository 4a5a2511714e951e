// support.cpp - see support.hpp.
#include "support.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace skt {

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "simkernel-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

TestKernel::TestKernel(BootConfig cfg) {
    sk::BootOptions o;
    o.root = dir_.path();
    o.console = [this](std::string_view s) { console_.append(s); };
    o.log_buf_len = cfg.log_buf_len;
    o.builtin_drivers = cfg.builtin_drivers;
    o.log_to_file = cfg.log_to_file;
    kernel_.emplace(std::move(o));
    root_task = kernel_->tasks.spawn(kernel_->init_task(), "test-root", 0, 0);
    user_task = kernel_->tasks.spawn(kernel_->init_task(), "test-user", 1000, 1000);
    as_root();
}

TestKernel::~TestKernel() { shutdown(); }

void TestKernel::shutdown() {
    kernel_.reset();
    root_task = user_task = nullptr;
    sk::user::bind_thread(nullptr);
}

std::string TestKernel::log_text() const {
    std::string out;
    for (const sk::LogRecord& r : kernel_->log.snapshot()) out += r.text + "\n";
    return out;
}

bool TestKernel::log_contains(std::string_view s) const {
    return log_text().find(s) != std::string::npos;
}

std::string kernel_state(sk::Kernel& k) {
    std::string s;
    for (sk::Module* m : k.modules.all())
        s += fmt::format("module {} {} refcnt={} holders={}\n", m->name, sk::state_name(m->state.load()),
                         m->refcnt.load(), m->used_by.size());
    for (const sk::ChrdevRegion& r : k.chrdevs.all())
        s += fmt::format("chrdev {}:{}+{} \"{}\" fops={} owner={}\n", r.major, r.baseminor, r.count, r.name,
                         static_cast<const void*>(r.fops), r.owner ? r.owner->name : "-");
    for (const sk::DevNode& n : k.devfs.list())
        s += fmt::format("node /dev/{} mode={:o} uid={} gid={} {}:{}\n", n.name, n.mode, n.uid, n.gid,
                         MAJOR(n.rdev), MINOR(n.rdev));
    s += fmt::format("symbols {}\n", k.symbols.size());
    for (const sk::KernelSymbol& sym : k.symbols.all())
        if (sym.owner) s += fmt::format("symbol {} [{}]\n", sym.name, sym.owner->name);
    for (const auto& [irq, a] : k.irqs.all())
        s += fmt::format("irq {} \"{}\" dev_id={} owner={}\n", irq, a.name, a.dev_id,
                         a.owner ? a.owner->name : "-");
    sk::AllocStats mem = k.slab.total();
    s += fmt::format("kmalloc {} allocations, {} bytes\n", mem.count, mem.bytes);
    for (sk::Task* t : k.tasks.all())
        s += fmt::format("task {} {} fds={}\n", t->pid, t->comm, fmt::join(t->files.open_fds(), ","));
    return s;
}

std::string module_path(const std::string& name) { return std::string(SK_MODULE_DIR) + "/" + name + ".ko"; }

std::vector<char> read_host_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<char> module_image(const std::string& name) { return read_host_file(module_path(name)); }

long insmod(const std::vector<char>& image, const char* params) {
    return sk::user::init_module(image.data(), image.size(), params);
}

long insmod(const std::string& name, const char* params) { return insmod(module_image(name), params); }

long rmmod(const char* name, unsigned flags) { return sk::user::delete_module(name, flags); }

std::vector<std::string> module_names(sk::Kernel& k) {
    std::vector<std::string> out;
    for (sk::Module* m : k.modules.all()) out.push_back(m->name);
    return out;
}

}  // namespace skt

// kmod_module_tests.cpp - the tools' one module object (shell/tools/
// kmod_module.hpp, libkmod's struct kmod_module): insert, remove, info and
// the loaded list, through the system calls, against a booted test kernel.
#include "kmod_support.hpp"

#include "tools/kmod_module.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using skt::kernel_state;
using skt::TestKernel;
using tools::KmodModule;

namespace {

const KmodModule* loaded(const std::vector<KmodModule>& mods, const std::string& name) {
    auto it = std::find_if(mods.begin(), mods.end(), [&](const KmodModule& m) { return m.name() == name; });
    return it == mods.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("kmod_module: insert, list, remove: the kernel as it was before", "[kmod_module]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    KmodModule hello = KmodModule::from_path(skt::module_path("hello"));
    CHECK(hello.name() == "hello");

    KmodModule::Failure where = KmodModule::Failure::File;
    REQUIRE(hello.insert("", 0, &where) == 0);
    CHECK(where == KmodModule::Failure::None);
    std::vector<KmodModule> mods;
    REQUIRE(KmodModule::from_loaded(&mods) == 0);
    const KmodModule* m = loaded(mods, "hello");
    REQUIRE(m);
    CHECK(m->loaded().state == "Live");
    CHECK(m->loaded().refcnt == 0);

    // A second insert is the kernel's refusal, not the file's.
    CHECK(hello.insert("", 0, &where) == -EEXIST);
    CHECK(where == KmodModule::Failure::Kernel);

    CHECK(KmodModule::from_name("hello").remove() == 0);
    REQUIRE(KmodModule::from_loaded(&mods) == 0);
    CHECK(loaded(mods, "hello") == nullptr);
    CHECK(KmodModule::from_name("hello").remove() == -ENOENT);
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("kmod_module: a file that cannot be opened fails before the kernel is asked", "[kmod_module]") {
    TestKernel tk;
    const std::string before = kernel_state(tk.k());
    KmodModule::Failure where = KmodModule::Failure::None;
    CHECK(KmodModule::from_path("/nonexistent/nothere.ko").insert("", 0, &where) == -ENOENT);
    CHECK(where == KmodModule::Failure::File);
    tk.as_user();  // not root: the file is read, the kernel refuses
    CHECK(KmodModule::from_path(skt::module_path("hello")).insert("", 0, &where) == -EPERM);
    CHECK(where == KmodModule::Failure::Kernel);
    tk.as_root();
    CHECK(kernel_state(tk.k()) == before);
}

TEST_CASE("kmod_module: info is what the file's .modinfo says, in section order", "[kmod_module]") {
    TestKernel tk;
    tools::ModuleFile mf;
    REQUIRE(KmodModule::from_path(skt::module_path("hello")).info(&mf) == 0);
    auto has = [&](const std::string& key) {
        return std::any_of(mf.info.begin(), mf.info.end(), [&](const tools::ModinfoField& f) { return f.key == key; });
    };
    CHECK(has("license"));
    CHECK(has("vermagic"));
    CHECK(KmodModule::from_path("/nonexistent/nothere.ko").info(&mf) == -ENOENT);
}

// fuzz_elf.cpp - libFuzzer target: the loader's checks of a .ko image
// (elf_validate.cpp, elf_image.cpp) and the user-space reader modinfo and
// depmod use (shell/tools/modfile.cpp). Any input must be refused or
// accepted, never crash, hang or read out of bounds.
#include <simkernel/elf_image.hpp>

#include "../shell/tools/modfile.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    sk::ElfImage img;
    std::string why;
    sk::parse_elf_image(data, size, &img, &why);
    std::vector<sk::ModinfoEntry> info;
    sk::read_modinfo(data, size, &info, &why);
    tools::ModuleFile mf;
    tools::parse_module_file(std::string_view(reinterpret_cast<const char*>(data), size), &mf);
    return 0;
}

// fuzz_kmod_index.cpp - libFuzzer target: the kmod index files. The input
// is read as modules.builtin.modinfo (parse_builtin_modinfo, the reader
// depmod and modprobe share) and its lines as keys and values of a kmod
// index trie (kmod_index.cpp), which is then serialized as modules.*.bin.
#include "../shell/tools/kmod_index.hpp"
#include "../shell/tools/modfile.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)tools::parse_builtin_modinfo(text);
    tools::KmodIndex index;
    uint32_t priority = 0;
    for (size_t at = 0; at < text.size();) {
        size_t nl = text.find('\n', at);
        std::string_view line = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
        at = nl == std::string_view::npos ? text.size() : nl + 1;
        size_t sp = line.find(' ');
        index.insert(line.substr(0, sp), sp == std::string_view::npos ? "" : line.substr(sp + 1), priority++);
    }
    (void)index.serialize();
    return 0;
}

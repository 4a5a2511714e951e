// elf_image.hpp - what the loader reads from a .ko before it maps it:
// the ELF header, the .modinfo strings, the symbols it needs and exports.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sk {

struct ModinfoEntry {
    std::string key;
    std::string value;
};

struct ElfExport {
    std::string name;
    bool gpl_only;
};

struct ElfSection {
    std::string name;
    uint64_t addr;  // address relative to the load base
    uint64_t size;
};

struct ElfFunction {
    uint64_t addr;  // relative to the load base
    uint64_t size;
    std::string name;
};

struct ElfImage {
    std::vector<ModinfoEntry> modinfo;
    std::vector<std::string> undefined;  // symbols the module needs (DT_SYMTAB's undefined ones)
    std::vector<std::string> weak_undefined;  // those of them marked weak
    std::vector<ElfExport> exports;      // from EXPORT_SYMBOL / _GPL
    std::vector<ElfSection> sections;
    std::vector<ElfFunction> functions;  // from .symtab, by address: for the log
    size_t load_size = 0;                // PT_LOAD memory, page-rounded

    // First value of key in .modinfo, or "" if absent.
    std::string info(const std::string& key) const;
    bool has_info(const std::string& key) const;
    const ElfSection* section(const std::string& name) const;
    const ElfFunction* function_at(uint64_t addr) const;  // nullptr if none holds it
};

// Parses an image with libelf. On failure returns false and says why in
// *why (a sentence for the kernel log).
bool parse_elf_image(const void* data, size_t len, ElfImage* out, std::string* why);

// Only the .modinfo strings (modinfo uses this on files it will not load).
bool read_modinfo(const void* data, size_t len, std::vector<ModinfoEntry>* out, std::string* why);

}  // namespace sk

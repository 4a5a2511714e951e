// modfile.hpp - what the module tools read from a .ko file, the way kmod's
// ELF reader (libkmod-elf.c) reads it, with libelf:
//
//   .modinfo            "key=value" strings: license, author, parm, alias...
//   __ksymtab_strings   the names of the symbols the module exports
//                       (EXPORT_SYMBOL and EXPORT_SYMBOL_GPL alike)
//   .symtab             its undefined symbols: what it needs from others
//
// modinfo prints the first; depmod matches the last two to find which
// module needs which. User space never asks the kernel for any of this.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tools {

struct ModinfoField {
    std::string key;
    std::string value;
};

struct NeededSymbol {
    std::string name;
    bool weak;  // STB_WEAK: may stay unresolved
};

struct ModuleFile {
    std::vector<ModinfoField> info;   // in section order
    long info_err = 0;                // -ENOENT: no .modinfo; -ENOEXEC: not ELF; -EINVAL: an ELF file kmod cannot read
    std::vector<std::string> exports;
    long exports_err = 0;             // -ENOENT: exports nothing
    std::vector<NeededSymbol> needs;
    long needs_err = 0;               // -EINVAL: no .symtab to read
};

// Parses a module image; returns 0, or as kmod's ELF reader -ENOEXEC when it
// is not ELF and -EINVAL when it is ELF kmod could not read (then every
// *_err is that error too).
long parse_module_file(std::string_view image, ModuleFile* out);

// Reads path through open/read, then parses it. Returns -errno of the read,
// or what parse_module_file returns.
long read_module_file(const std::string& path, ModuleFile* out);

// "hello" from "/lib/modules/x/extra/hello.ko": up to the first '.', with
// '-' read as '_' (kmod's path_to_modname).
std::string modname_from_path(std::string_view path);

// Whether the name ends in an extension kmod takes for a module.
bool has_module_extension(std::string_view name);

// modules.builtin.modinfo: the .modinfo of every built-in module, as
// "module.key=value\0" records (what the kernel build writes). Records
// without a module prefix are skipped.
struct BuiltinModinfo {
    std::string module;
    ModinfoField field;
};
std::vector<BuiltinModinfo> parse_builtin_modinfo(std::string_view text);

}  // namespace tools

// elf_validate.cpp - a .ko's image checked before the dynamic linker sees it
// (Linux: elf_validity_cache_copy() in kernel/module/main.c).
//
// glibc's dynamic linker assumes a well-formed library: it follows every
// offset in the dynamic section, walks the hash chains, writes where each
// relocation says and calls every init function, checking almost nothing.
// A damaged .ko would crash (or hijack) the whole simulator inside dlopen.
// So every table the dynamic linker reads is checked here first, from the
// file's bytes through libelf, as Linux checks a module before it trusts
// it. What simkernel reads itself (.modinfo, __param, __this_module, the
// entry points) is checked too. The rules are in tables below.
#include <simkernel/elf_validate.hpp>

#include <simkernel/kapi.h>

#include <elf.h>
#include <gelf.h>
#include <libelf.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace sk {

bool valid_module_name(const std::string& name) {
    if (name.empty() || name.size() >= MODULE_NAME_LEN) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

namespace {

constexpr uint64_t kPage = 4096;
constexpr uint64_t kMaxSpan = 64 << 20;     // a module's memory: far above any real one
constexpr size_t kMaxPhnum = 32;
constexpr size_t kMaxShnum = 4096;
constexpr uint64_t kMaxTableEntries = 1 << 20;  // symbols, hash buckets, relocations

// Program header types a module may have, and what each must satisfy.
struct SegmentRule {
    uint32_t type;
    const char* name;
    bool allowed;
    const char* why_refused;
};
constexpr SegmentRule kSegmentRules[] = {
    {PT_NULL, "NULL", true, nullptr},
    {PT_LOAD, "LOAD", true, nullptr},
    {PT_DYNAMIC, "DYNAMIC", true, nullptr},
    {PT_NOTE, "NOTE", true, nullptr},
    {PT_GNU_EH_FRAME, "GNU_EH_FRAME", true, nullptr},
    {PT_GNU_STACK, "GNU_STACK", true, nullptr},
    {PT_GNU_RELRO, "GNU_RELRO", true, nullptr},
    {PT_GNU_PROPERTY, "GNU_PROPERTY", true, nullptr},
    {PT_INTERP, "INTERP", false, "a program interpreter (it is a program, not a module)"},
    {PT_TLS, "TLS", false, "thread-local storage (a module has none)"},
    {PT_PHDR, "PHDR", false, "a PHDR segment (a program's, not a module's)"},
    {PT_SHLIB, "SHLIB", false, "a PT_SHLIB segment"},
};

// Dynamic tags: which a module may carry, and the reason for the others.
enum class Tag { End, Address, Value, Refused };
struct TagRule {
    int64_t tag;
    const char* name;
    Tag kind;
    const char* why_refused;
};
constexpr TagRule kTagRules[] = {
    {DT_NULL, "DT_NULL", Tag::End, nullptr},
    {DT_SYMBOLIC, "DT_SYMBOLIC", Tag::Value, nullptr},
    {DT_GNU_HASH, "DT_GNU_HASH", Tag::Address, nullptr},
    {DT_HASH, "DT_HASH", Tag::Address, nullptr},
    {DT_STRTAB, "DT_STRTAB", Tag::Address, nullptr},
    {DT_STRSZ, "DT_STRSZ", Tag::Value, nullptr},
    {DT_SYMTAB, "DT_SYMTAB", Tag::Address, nullptr},
    {DT_SYMENT, "DT_SYMENT", Tag::Value, nullptr},
    {DT_PLTGOT, "DT_PLTGOT", Tag::Address, nullptr},
    {DT_PLTRELSZ, "DT_PLTRELSZ", Tag::Value, nullptr},
    {DT_PLTREL, "DT_PLTREL", Tag::Value, nullptr},
    {DT_JMPREL, "DT_JMPREL", Tag::Address, nullptr},
    {DT_RELA, "DT_RELA", Tag::Address, nullptr},
    {DT_RELASZ, "DT_RELASZ", Tag::Value, nullptr},
    {DT_RELAENT, "DT_RELAENT", Tag::Value, nullptr},
    {DT_RELACOUNT, "DT_RELACOUNT", Tag::Value, nullptr},
    {DT_FLAGS, "DT_FLAGS", Tag::Value, nullptr},
    {DT_FLAGS_1, "DT_FLAGS_1", Tag::Value, nullptr},
    {DT_BIND_NOW, "DT_BIND_NOW", Tag::Value, nullptr},
    {DT_INIT, "DT_INIT", Tag::Address, nullptr},
    {DT_FINI, "DT_FINI", Tag::Address, nullptr},
    {DT_INIT_ARRAY, "DT_INIT_ARRAY", Tag::Address, nullptr},
    {DT_INIT_ARRAYSZ, "DT_INIT_ARRAYSZ", Tag::Value, nullptr},
    {DT_FINI_ARRAY, "DT_FINI_ARRAY", Tag::Address, nullptr},
    {DT_FINI_ARRAYSZ, "DT_FINI_ARRAYSZ", Tag::Value, nullptr},
    {DT_SONAME, "DT_SONAME", Tag::Value, nullptr},
    {DT_DEBUG, "DT_DEBUG", Tag::Value, nullptr},
    {DT_NEEDED, "DT_NEEDED", Tag::Refused, "a needed shared library (a module links against the kernel only)"},
    {DT_RPATH, "DT_RPATH", Tag::Refused, "a library search path (a module links against the kernel only)"},
    {DT_RUNPATH, "DT_RUNPATH", Tag::Refused, "a library search path (a module links against the kernel only)"},
    {DT_AUXILIARY, "DT_AUXILIARY", Tag::Refused, "a filter library (a module links against the kernel only)"},
    {DT_FILTER, "DT_FILTER", Tag::Refused, "a filter library (a module links against the kernel only)"},
    {DT_AUDIT, "DT_AUDIT", Tag::Refused, "an audit library"},
    {DT_DEPAUDIT, "DT_DEPAUDIT", Tag::Refused, "an audit library"},
    {DT_TEXTREL, "DT_TEXTREL", Tag::Refused, "text relocations (code patched at load: build with -fPIC, as the SDK does)"},
    {DT_REL, "DT_REL", Tag::Refused, "REL relocations (x86-64 uses RELA)"},
    {DT_RELSZ, "DT_RELSZ", Tag::Refused, "REL relocations (x86-64 uses RELA)"},
    {DT_RELENT, "DT_RELENT", Tag::Refused, "REL relocations (x86-64 uses RELA)"},
    {DT_RELR, "DT_RELR", Tag::Refused, "RELR relocations (the SDK does not produce them)"},
    {DT_RELRSZ, "DT_RELRSZ", Tag::Refused, "RELR relocations (the SDK does not produce them)"},
    {DT_RELRENT, "DT_RELRENT", Tag::Refused, "RELR relocations (the SDK does not produce them)"},
    {DT_PREINIT_ARRAY, "DT_PREINIT_ARRAY", Tag::Refused, "a pre-init array (programs only)"},
    {DT_PREINIT_ARRAYSZ, "DT_PREINIT_ARRAYSZ", Tag::Refused, "a pre-init array (programs only)"},
    {DT_VERSYM, "DT_VERSYM", Tag::Refused, "symbol versions (the SDK does not produce them)"},
    {DT_VERNEED, "DT_VERNEED", Tag::Refused, "symbol versions (the SDK does not produce them)"},
    {DT_VERNEEDNUM, "DT_VERNEEDNUM", Tag::Refused, "symbol versions (the SDK does not produce them)"},
    {DT_VERDEF, "DT_VERDEF", Tag::Refused, "symbol versions (the SDK does not produce them)"},
    {DT_VERDEFNUM, "DT_VERDEFNUM", Tag::Refused, "symbol versions (the SDK does not produce them)"},
};

// Relocation types the SDK's linker produces for a module; RELATIVE may
// not name a symbol, the others must. (Not even R_X86_64_NONE: a PLT
// relocation turned into NONE leaves its slot unrelocated, a wild jump.)
struct RelocRule {
    uint32_t type;
    const char* name;
    bool has_symbol;
};
constexpr RelocRule kRelocRules[] = {
    {R_X86_64_RELATIVE, "R_X86_64_RELATIVE", false},
    {R_X86_64_64, "R_X86_64_64", true},
    {R_X86_64_GLOB_DAT, "R_X86_64_GLOB_DAT", true},
    {R_X86_64_JUMP_SLOT, "R_X86_64_JUMP_SLOT", true},
};

// Symbol types the dynamic linker may meet in a module. An IFUNC would make
// it call the module's resolver while binding; TLS needs a TLS segment.
constexpr unsigned kSymbolTypes[] = {STT_NOTYPE, STT_OBJECT, STT_FUNC, STT_SECTION, STT_FILE};
constexpr unsigned kSymbolBinds[] = {STB_LOCAL, STB_GLOBAL, STB_WEAK};

constexpr uint64_t kAllowedFlags = DF_SYMBOLIC | DF_BIND_NOW;
constexpr uint64_t kAllowedFlags1 = DF_1_NOW;

struct ElfCloser {
    void operator()(Elf* e) const { elf_end(e); }
};

bool add_overflows(uint64_t a, uint64_t b, uint64_t* sum) { return __builtin_add_overflow(a, b, sum); }

struct Segment {
    uint64_t vaddr, memsz, offset, filesz;
    uint32_t flags;
    uint64_t end() const { return vaddr + memsz; }
};

class Checker {
public:
    Checker(const void* data, size_t len, DynamicImage* out) : data_(data), len_(len), out_(out) {}

    bool run();
    std::string why;

private:
    bool fail(std::string s) {
        why = std::move(s);
        return false;
    }
    bool check_header();
    bool check_segments();
    bool check_segment_in_load(const GElf_Phdr& ph, const char* name);
    bool check_notes(const GElf_Phdr& ph, bool properties);
    bool read_dynamic();
    bool check_string_table();
    bool count_symbols_gnu_hash();
    bool count_symbols_sysv_hash();
    bool check_symbols();
    bool check_relocations(uint64_t addr, uint64_t size, const char* what);
    bool check_init_fini();
    bool check_sections();
    bool check_module_symbols();
    bool check_symtab_agrees();
    bool covered_by_relocations(uint64_t addr, uint64_t size) const;

    // The LOAD segment holding [vaddr, vaddr+size) in memory, and (if
    // in_file) backed by the file there.
    const Segment* segment_for(uint64_t vaddr, uint64_t size, bool in_file) const;
    std::optional<uint64_t> file_offset(uint64_t vaddr, uint64_t size) const;
    bool in_executable(uint64_t vaddr) const;
    bool in_writable(uint64_t vaddr, uint64_t size) const;
    bool in_span(uint64_t vaddr) const { return vaddr >= out_->span_lo && vaddr <= out_->span_hi; }
    // Bytes [vaddr, vaddr+size) of the file, through libelf; nullptr if not in a LOAD's file part.
    const unsigned char* bytes_at(uint64_t vaddr, uint64_t size);
    bool has(int64_t tag) const { return dyn_.count(tag) != 0; }
    uint64_t dyn(int64_t tag) const { return dyn_.at(tag); }

    const void* data_;
    size_t len_;
    DynamicImage* out_;
    std::unique_ptr<Elf, ElfCloser> elf_;
    GElf_Ehdr eh_{};
    std::vector<Segment> loads_;
    std::optional<GElf_Phdr> dynamic_, relro_;
    std::map<int64_t, uint64_t> dyn_;
    uint64_t nsyms_ = 0;
    const char* strtab_ = nullptr;
    uint64_t strsz_ = 0;
    std::map<uint64_t, uint64_t> relative_targets_;
    std::set<uint64_t> written_;  // every slot a relocation writes
    std::set<uint64_t> plt_symbols_;  // symbols named by a JUMP_SLOT
    std::vector<bool> defined_;       // by symbol index  // where a RELATIVE reloc writes -> the value
};

const Segment* Checker::segment_for(uint64_t vaddr, uint64_t size, bool in_file) const {
    uint64_t end;
    if (add_overflows(vaddr, size, &end)) return nullptr;
    for (const Segment& s : loads_)
        if (vaddr >= s.vaddr && end <= s.vaddr + (in_file ? s.filesz : s.memsz)) return &s;
    return nullptr;
}

std::optional<uint64_t> Checker::file_offset(uint64_t vaddr, uint64_t size) const {
    const Segment* s = segment_for(vaddr, size, true);
    if (!s) return std::nullopt;
    return s->offset + (vaddr - s->vaddr);
}

bool Checker::in_executable(uint64_t vaddr) const {
    const Segment* s = segment_for(vaddr, 1, false);
    return s && (s->flags & PF_X);
}

bool Checker::in_writable(uint64_t vaddr, uint64_t size) const {
    const Segment* s = segment_for(vaddr, size, false);
    return s && (s->flags & PF_W);
}

const unsigned char* Checker::bytes_at(uint64_t vaddr, uint64_t size) {
    auto off = file_offset(vaddr, size);
    if (!off) return nullptr;
    if (size == 0) return static_cast<const unsigned char*>(data_) + *off;
    Elf_Data* d = elf_getdata_rawchunk(elf_.get(), static_cast<int64_t>(*off), size, ELF_T_BYTE);
    return d ? static_cast<const unsigned char*>(d->d_buf) : nullptr;
}

bool Checker::check_header() {
    if (len_ < sizeof(Elf64_Ehdr) || memcmp(data_, ELFMAG, SELFMAG) != 0)
        return fail("not an ELF file (bad magic)");
    auto* ident = static_cast<const unsigned char*>(data_);
    if (ident[EI_CLASS] != ELFCLASS64 || ident[EI_DATA] != ELFDATA2LSB)
        return fail("not a 64-bit little-endian ELF file");
    static const bool init = elf_version(EV_CURRENT) != EV_NONE;
    (void)init;
    elf_.reset(elf_memory(static_cast<char*>(const_cast<void*>(data_)), len_));
    if (!elf_ || elf_kind(elf_.get()) != ELF_K_ELF || !gelf_getehdr(elf_.get(), &eh_))
        return fail(fmt::format("unreadable ELF header: {}", elf_errmsg(-1)));
    if (ident[EI_VERSION] != EV_CURRENT || eh_.e_version != EV_CURRENT)
        return fail("ELF version is not EV_CURRENT (1)");
    if (ident[EI_OSABI] != ELFOSABI_SYSV && ident[EI_OSABI] != ELFOSABI_GNU)
        return fail(fmt::format("ELF OS ABI {} is not System V or GNU", ident[EI_OSABI]));
    if (ident[EI_ABIVERSION] != 0) return fail("ELF ABI version is not 0");
    if (eh_.e_machine != EM_X86_64)
        return fail(fmt::format("ELF machine {} is not x86-64 ({})", eh_.e_machine, EM_X86_64));
    if (eh_.e_type != ET_DYN)
        return fail("not a simkernel module (ELF type is not a shared object; was it built with the SDK?)");
    if (eh_.e_ehsize != sizeof(Elf64_Ehdr))
        return fail(fmt::format("e_ehsize is {}, not {}", eh_.e_ehsize, sizeof(Elf64_Ehdr)));
    if (eh_.e_phentsize != sizeof(Elf64_Phdr))
        return fail(fmt::format("e_phentsize is {}, not {}", eh_.e_phentsize, sizeof(Elf64_Phdr)));
    if (eh_.e_shentsize != sizeof(Elf64_Shdr))
        return fail(fmt::format("e_shentsize is {}, not {}", eh_.e_shentsize, sizeof(Elf64_Shdr)));
    if (eh_.e_phnum == 0 || eh_.e_phnum > kMaxPhnum)
        return fail(fmt::format("{} program headers (a module has 1 to {})", eh_.e_phnum, kMaxPhnum));
    if (eh_.e_shnum == 0 || eh_.e_shnum > kMaxShnum)
        return fail(fmt::format("{} section headers (a module has 1 to {})", eh_.e_shnum, kMaxShnum));
    if (eh_.e_shstrndx == SHN_UNDEF || eh_.e_shstrndx >= eh_.e_shnum)
        return fail(fmt::format("e_shstrndx {} names no section", eh_.e_shstrndx));
    if (eh_.e_phoff % 8 || eh_.e_shoff % 8) return fail("misaligned program or section header table");
    if (eh_.e_phoff < sizeof(Elf64_Ehdr) || eh_.e_phoff > len_ ||
        eh_.e_phnum * uint64_t{sizeof(Elf64_Phdr)} > len_ - eh_.e_phoff)
        return fail("truncated file: the program headers lie past its end");
    if (eh_.e_shoff < sizeof(Elf64_Ehdr) || eh_.e_shoff > len_ ||
        eh_.e_shnum * uint64_t{sizeof(Elf64_Shdr)} > len_ - eh_.e_shoff)
        return fail("truncated file: the section headers lie past its end");
    uint64_t ph_end = eh_.e_phoff + eh_.e_phnum * sizeof(Elf64_Phdr);
    uint64_t sh_end = eh_.e_shoff + eh_.e_shnum * sizeof(Elf64_Shdr);
    if (eh_.e_phoff < sh_end && eh_.e_shoff < ph_end) return fail("the program and section headers overlap");
    return true;
}

bool Checker::check_segment_in_load(const GElf_Phdr& ph, const char* name) {
    if (ph.p_memsz == 0) return true;
    const Segment* s = segment_for(ph.p_vaddr, ph.p_memsz, ph.p_filesz != 0);
    if (!s) return fail(fmt::format("the {} segment is not inside a LOAD segment", name));
    if (ph.p_filesz != 0 && (ph.p_filesz > ph.p_memsz || ph.p_offset - s->offset != ph.p_vaddr - s->vaddr))
        return fail(fmt::format("the {} segment's file offset does not match its address", name));
    return true;
}

// Notes: each header and its padded name and description inside the segment.
bool Checker::check_notes(const GElf_Phdr& ph, bool properties) {
    if (ph.p_filesz == 0) return true;
    if (properties && ph.p_align != 8) return fail("the GNU_PROPERTY segment is not 8-aligned");
    uint64_t align = properties ? 8 : 4;
    const unsigned char* p = bytes_at(ph.p_vaddr, ph.p_filesz);
    if (!p) return fail("a NOTE segment lies outside the file");
    uint64_t at = 0;
    auto up = [&](uint64_t v) { return (v + align - 1) & ~(align - 1); };
    while (at + sizeof(Elf64_Nhdr) <= ph.p_filesz) {
        Elf64_Nhdr n;
        memcpy(&n, p + at, sizeof n);
        uint64_t need = sizeof n + up(n.n_namesz) + up(n.n_descsz);
        if (need > ph.p_filesz - at) return fail("a note runs past the end of its segment");
        if (properties && n.n_descsz % 8) return fail("a GNU property note has a misaligned size");
        at += need;
    }
    return true;
}

bool Checker::check_segments() {
    size_t n_dynamic = 0;
    for (size_t i = 0; i < eh_.e_phnum; ++i) {
        GElf_Phdr ph;
        if (!gelf_getphdr(elf_.get(), static_cast<int>(i), &ph)) return fail("unreadable program header");
        const SegmentRule* rule = nullptr;
        for (const SegmentRule& r : kSegmentRules)
            if (r.type == ph.p_type) rule = &r;
        if (!rule) return fail(fmt::format("program header {} has unknown type {:#x}", i, ph.p_type));
        if (!rule->allowed) return fail(fmt::format("a module cannot have {}", rule->why_refused));
        uint64_t end;
        if (ph.p_filesz && (ph.p_offset > len_ || ph.p_filesz > len_ - ph.p_offset))
            return fail(fmt::format("truncated file: the {} segment lies past its end", rule->name));
        if (add_overflows(ph.p_vaddr, ph.p_memsz, &end) || end > kMaxSpan)
            return fail(fmt::format("the {} segment's addresses are out of range ({:#x}+{:#x})", rule->name,
                                    ph.p_vaddr, ph.p_memsz));
        if (ph.p_type == PT_LOAD) {
            if (ph.p_memsz < ph.p_filesz)
                return fail(fmt::format("a LOAD segment's memory size {:#x} is below its file size {:#x}",
                                        ph.p_memsz, ph.p_filesz));
            if (ph.p_align < kPage || (ph.p_align & (ph.p_align - 1)))
                return fail(fmt::format("a LOAD segment's alignment {:#x} is not a power of two >= the page size",
                                        ph.p_align));
            if ((ph.p_vaddr - ph.p_offset) % ph.p_align)
                return fail("a LOAD segment's address and file offset disagree modulo its alignment");
            if (ph.p_flags & ~uint32_t{PF_R | PF_W | PF_X}) return fail("a LOAD segment has unknown flags");
            if (!(ph.p_flags & PF_R)) return fail("a LOAD segment is not readable");
            if (ph.p_memsz == 0) return fail("an empty LOAD segment");
            if (!loads_.empty()) {
                const Segment& prev = loads_.back();
                uint64_t prev_end_page = (prev.end() + kPage - 1) & ~(kPage - 1);
                if ((ph.p_vaddr & ~(kPage - 1)) < prev_end_page)
                    return fail("LOAD segments overlap or are not in address order");
                if (ph.p_filesz && prev.filesz && ph.p_offset < prev.offset + prev.filesz)
                    return fail("LOAD segments overlap in the file");
            }
            loads_.push_back({ph.p_vaddr, ph.p_memsz, ph.p_offset, ph.p_filesz, ph.p_flags});
        } else if (ph.p_type == PT_DYNAMIC) {
            ++n_dynamic;
            dynamic_ = ph;
        } else if (ph.p_type == PT_GNU_RELRO) {
            if (relro_) return fail("more than one GNU_RELRO segment");
            relro_ = ph;
        } else if (ph.p_type == PT_GNU_STACK && (ph.p_flags & PF_X)) {
            return fail("it asks for an executable stack");
        }
    }
    if (loads_.empty()) return fail("no loadable segments");
    if (n_dynamic != 1) return fail(fmt::format("{} DYNAMIC segments (a module has exactly one)", n_dynamic));
    out_->span_lo = loads_.front().vaddr;
    out_->span_hi = loads_.back().end();
    // Now that the LOADs are known: every other segment lies inside one.
    for (size_t i = 0; i < eh_.e_phnum; ++i) {
        GElf_Phdr ph;
        gelf_getphdr(elf_.get(), static_cast<int>(i), &ph);
        if (ph.p_type == PT_LOAD || ph.p_type == PT_GNU_STACK || ph.p_type == PT_NULL) continue;
        const char* name = "";
        for (const SegmentRule& r : kSegmentRules)
            if (r.type == ph.p_type) name = r.name;
        if (!check_segment_in_load(ph, name)) return false;
        if (ph.p_type == PT_NOTE && !check_notes(ph, false)) return false;
        if (ph.p_type == PT_GNU_PROPERTY && !check_notes(ph, true)) return false;
    }
    if (relro_ && !in_writable(relro_->p_vaddr, relro_->p_memsz))
        return fail("the GNU_RELRO segment is not inside a writable LOAD segment");
    return true;
}

bool Checker::read_dynamic() {
    const GElf_Phdr& ph = *dynamic_;
    if (ph.p_filesz == 0 || ph.p_filesz != ph.p_memsz || ph.p_filesz % sizeof(Elf64_Dyn))
        return fail("the DYNAMIC segment's size is not a whole number of entries");
    Elf_Data* d = elf_getdata_rawchunk(elf_.get(), static_cast<int64_t>(ph.p_offset), ph.p_filesz, ELF_T_DYN);
    if (!d) return fail("the dynamic section lies outside the file");
    size_t n = ph.p_filesz / sizeof(Elf64_Dyn);
    bool ended = false;
    for (size_t i = 0; i < n && !ended; ++i) {
        GElf_Dyn e;
        if (!gelf_getdyn(d, static_cast<int>(i), &e)) return fail("unreadable dynamic section");
        const TagRule* rule = nullptr;
        for (const TagRule& r : kTagRules)
            if (r.tag == e.d_tag) rule = &r;
        if (!rule) return fail(fmt::format("unknown dynamic tag {:#x}", static_cast<uint64_t>(e.d_tag)));
        if (rule->kind == Tag::End) {
            ended = true;
            continue;
        }
        if (rule->kind == Tag::Refused)
            return fail(fmt::format("a module cannot have {} ({})", rule->why_refused, rule->name));
        if (rule->kind == Tag::Address && !segment_for(e.d_un.d_ptr, 1, false))
            return fail(fmt::format("{} {:#x} is outside every LOAD segment", rule->name, e.d_un.d_ptr));
        if (!dyn_.emplace(e.d_tag, e.d_un.d_val).second)
            return fail(fmt::format("{} appears twice in the dynamic section", rule->name));
    }
    if (!ended) return fail("the dynamic section has no DT_NULL end");
    // The linker pads after DT_NULL with more DT_NULLs; anything else means
    // the section was cut short, and the dynamic linker would ignore the rest.
    for (size_t i = 0; i < n; ++i) {
        GElf_Dyn e;
        gelf_getdyn(d, static_cast<int>(i), &e);
        if (e.d_tag == DT_NULL) {
            for (size_t j = i + 1; j < n; ++j) {
                gelf_getdyn(d, static_cast<int>(j), &e);
                if (e.d_tag != DT_NULL || e.d_un.d_val != 0)
                    return fail("the dynamic section has entries after its DT_NULL end (it was cut short)");
            }
            break;
        }
    }
    for (int64_t tag : {DT_STRTAB, DT_STRSZ, DT_SYMTAB})
        if (!has(tag)) {
            for (const TagRule& r : kTagRules)
                if (r.tag == tag) return fail(fmt::format("the dynamic section has no {}", r.name));
        }
    if (!has(DT_GNU_HASH) && !has(DT_HASH)) return fail("the dynamic section has no hash table");
    if (has(DT_SYMENT) && dyn(DT_SYMENT) != sizeof(Elf64_Sym)) return fail("DT_SYMENT is not 24");
    if (has(DT_RELAENT) && dyn(DT_RELAENT) != sizeof(Elf64_Rela)) return fail("DT_RELAENT is not 24");
    if (has(DT_PLTREL) && dyn(DT_PLTREL) != DT_RELA) return fail("DT_PLTREL is not DT_RELA");
    if (has(DT_FLAGS) && (dyn(DT_FLAGS) & ~kAllowedFlags))
        return fail(fmt::format("DT_FLAGS {:#x} has flags a module cannot use", dyn(DT_FLAGS)));
    if (has(DT_FLAGS_1) && (dyn(DT_FLAGS_1) & ~kAllowedFlags1))
        return fail(fmt::format("DT_FLAGS_1 {:#x} has flags a module cannot use", dyn(DT_FLAGS_1)));
    if (has(DT_RELA) != has(DT_RELASZ)) return fail("DT_RELA and DT_RELASZ do not come together");
    if (has(DT_JMPREL) != has(DT_PLTRELSZ) || has(DT_JMPREL) != has(DT_PLTREL))
        return fail("DT_JMPREL, DT_PLTRELSZ and DT_PLTREL do not come together");
    if (has(DT_INIT_ARRAY) != has(DT_INIT_ARRAYSZ)) return fail("DT_INIT_ARRAY without its size");
    if (has(DT_FINI_ARRAY) != has(DT_FINI_ARRAYSZ)) return fail("DT_FINI_ARRAY without its size");
    return true;
}

bool Checker::check_string_table() {
    strsz_ = dyn(DT_STRSZ);
    if (strsz_ == 0 || strsz_ > kMaxSpan) return fail("DT_STRSZ is out of range");
    strtab_ = reinterpret_cast<const char*>(bytes_at(dyn(DT_STRTAB), strsz_));
    if (!strtab_) return fail("the dynamic string table (DT_STRTAB + DT_STRSZ) lies outside the file's segments");
    if (strtab_[strsz_ - 1] != '\0') return fail("the dynamic string table's last string is not terminated");
    if (has(DT_SONAME) && dyn(DT_SONAME) >= strsz_) return fail("DT_SONAME is outside the string table");
    return true;
}

// GNU hash: header, Bloom filter, buckets, then one chain per bucket whose
// last entry has bit 0 set. The highest symbol any chain reaches + 1 is the
// number of symbols (the dynamic linker has no other count).
bool Checker::count_symbols_gnu_hash() {
    uint64_t at = dyn(DT_GNU_HASH);
    if (at % 8) return fail("DT_GNU_HASH is misaligned");
    const unsigned char* h = bytes_at(at, 16);
    if (!h) return fail("the GNU hash table lies outside the file's segments");
    uint32_t head[4];
    memcpy(head, h, sizeof head);
    auto [nbuckets, symoffset, bloom_size, bloom_shift] = std::tuple{head[0], head[1], head[2], head[3]};
    if (nbuckets == 0 || nbuckets > kMaxTableEntries) return fail("the GNU hash table has no buckets or too many");
    if (bloom_size == 0 || bloom_size > kMaxTableEntries || (bloom_size & (bloom_size - 1)))
        return fail("the GNU hash table's Bloom filter size is not a power of two");
    if (bloom_shift >= 64) return fail("the GNU hash table's Bloom shift is out of range");
    if (symoffset == 0 || symoffset > kMaxTableEntries) return fail("the GNU hash table's symbol offset is out of range");
    uint64_t buckets_at = at + 16 + 8 * uint64_t{bloom_size};
    const unsigned char* b = bytes_at(buckets_at, 4 * uint64_t{nbuckets});
    if (!b) return fail("the GNU hash table's buckets lie outside the file's segments");
    uint64_t chain_at = buckets_at + 4 * uint64_t{nbuckets};
    nsyms_ = symoffset;
    for (uint32_t i = 0; i < nbuckets; ++i) {
        uint32_t first;
        memcpy(&first, b + 4 * uint64_t{i}, 4);
        if (first == 0) continue;
        if (first < symoffset) return fail("a GNU hash bucket points below the hashed symbols");
        for (uint64_t sym = first;; ++sym) {
            if (sym >= kMaxTableEntries) return fail("a GNU hash chain has no end");
            const unsigned char* c = bytes_at(chain_at + 4 * (sym - symoffset), 4);
            if (!c) return fail("a GNU hash chain runs outside the file's segments");
            nsyms_ = std::max(nsyms_, sym + 1);
            uint32_t v;
            memcpy(&v, c, 4);
            if (v & 1) break;
        }
    }
    return true;
}

// SysV hash: nbucket, nchain, buckets, chains; nchain symbols. Every chain
// must end: a loop would hang every later symbol lookup.
bool Checker::count_symbols_sysv_hash() {
    uint64_t at = dyn(DT_HASH);
    if (at % 4) return fail("DT_HASH is misaligned");
    const unsigned char* h = bytes_at(at, 8);
    if (!h) return fail("the hash table lies outside the file's segments");
    uint32_t nbucket, nchain;
    memcpy(&nbucket, h, 4);
    memcpy(&nchain, h + 4, 4);
    if (nbucket == 0 || nbucket > kMaxTableEntries || nchain > kMaxTableEntries)
        return fail("the hash table's sizes are out of range");
    const unsigned char* t = bytes_at(at + 8, 4 * (uint64_t{nbucket} + nchain));
    if (!t) return fail("the hash table lies outside the file's segments");
    auto word = [t](uint64_t i) {
        uint32_t v;
        memcpy(&v, t + 4 * i, 4);
        return v;
    };
    std::vector<bool> seen(nchain);
    for (uint32_t i = 0; i < nbucket; ++i) {
        for (uint32_t sym = word(i); sym != STN_UNDEF; sym = word(nbucket + uint64_t{sym})) {
            if (sym >= nchain) return fail("a hash chain names a symbol past the table");
            if (seen[sym]) return fail("a hash chain loops or two chains share a symbol");
            seen[sym] = true;
        }
    }
    nsyms_ = std::max<uint64_t>(nsyms_, nchain);
    return true;
}

bool Checker::check_symbols() {
    if (has(DT_GNU_HASH) && !count_symbols_gnu_hash()) return false;
    if (has(DT_HASH) && !count_symbols_sysv_hash()) return false;
    uint64_t symtab = dyn(DT_SYMTAB);
    if (symtab % 8) return fail("DT_SYMTAB is misaligned");
    Elf_Data* d = nullptr;
    if (auto off = file_offset(symtab, nsyms_ * sizeof(Elf64_Sym)))
        d = elf_getdata_rawchunk(elf_.get(), static_cast<int64_t>(*off), nsyms_ * sizeof(Elf64_Sym), ELF_T_SYM);
    if (!d) return fail(fmt::format("the dynamic symbol table ({} symbols) lies outside the file's segments", nsyms_));
    defined_.assign(nsyms_, false);
    for (uint64_t i = 1; i < nsyms_; ++i) {
        GElf_Sym s;
        if (!gelf_getsym(d, static_cast<int>(i), &s)) return fail("unreadable dynamic symbol");
        if (s.st_name >= strsz_) return fail(fmt::format("dynamic symbol {} has its name outside the string table", i));
        std::string name = strtab_ + s.st_name;
        unsigned type = GELF_ST_TYPE(s.st_info), bind = GELF_ST_BIND(s.st_info);
        if (std::find(std::begin(kSymbolTypes), std::end(kSymbolTypes), type) == std::end(kSymbolTypes))
            return fail(fmt::format("symbol {} has type {} (an IFUNC, TLS or common symbol; the SDK makes none)",
                                    name, type));
        if (std::find(std::begin(kSymbolBinds), std::end(kSymbolBinds), bind) == std::end(kSymbolBinds))
            return fail(fmt::format("symbol {} has binding {} (the SDK makes only local, global and weak)", name,
                                    bind));
        if (bind != STB_LOCAL && (type == STT_SECTION || type == STT_FILE))
            return fail(fmt::format("symbol {} is global but of a local-only type ({})", name, type));
        bool defined = s.st_shndx != SHN_UNDEF;
        defined_[i] = defined;
        if (!defined && bind == STB_LOCAL && !name.empty())
            return fail(fmt::format("symbol {} is local and undefined", name));
        if (defined && s.st_shndx != SHN_ABS) {
            uint64_t end;
            if (add_overflows(s.st_value, s.st_size, &end) || !in_span(s.st_value) || !in_span(end))
                return fail(fmt::format("symbol {} ({:#x}+{:#x}) is outside the module's segments", name,
                                        s.st_value, s.st_size));
            const Segment* code = type == STT_FUNC ? segment_for(s.st_value, std::max<uint64_t>(s.st_size, 1), true) : nullptr;
            if (type == STT_FUNC && !(code && (code->flags & PF_X)))
                return fail(fmt::format("function {} is not inside the code the file holds", name));
        }
        if (bind != STB_LOCAL && !name.empty())
            out_->symbols.push_back({name, defined, bind == STB_WEAK, s.st_value, s.st_size});
    }
    return true;
}

bool Checker::check_relocations(uint64_t addr, uint64_t size, const char* what) {
    if (size == 0) return true;
    if (size % sizeof(Elf64_Rela) || addr % 8) return fail(fmt::format("{} has a partial or misaligned entry", what));
    if (size / sizeof(Elf64_Rela) > kMaxTableEntries) return fail(fmt::format("{} is too large", what));
    auto off = file_offset(addr, size);
    Elf_Data* d = off ? elf_getdata_rawchunk(elf_.get(), static_cast<int64_t>(*off), size, ELF_T_RELA) : nullptr;
    if (!d) return fail(fmt::format("{} lies outside the file's segments", what));
    uint64_t n = size / sizeof(Elf64_Rela);
    uint64_t relative_count = (what == std::string("DT_RELA") && has(DT_RELACOUNT)) ? dyn(DT_RELACOUNT) : 0;
    if (relative_count > n) return fail("DT_RELACOUNT is larger than DT_RELASZ");
    for (uint64_t i = 0; i < n; ++i) {
        GElf_Rela r;
        if (!gelf_getrela(d, static_cast<int>(i), &r)) return fail("unreadable relocation");
        uint32_t type = GELF_R_TYPE(r.r_info);
        uint64_t sym = GELF_R_SYM(r.r_info);
        const RelocRule* rule = nullptr;
        for (const RelocRule& rr : kRelocRules)
            if (rr.type == type) rule = &rr;
        if (!rule) return fail(fmt::format("relocation type {} in {} is not one the SDK produces", type, what));
        if (i < relative_count && type != R_X86_64_RELATIVE)
            return fail("DT_RELACOUNT counts a relocation that is not R_X86_64_RELATIVE");
        if (r.r_offset % 8)
            return fail(fmt::format("{} at {:#x} writes a misaligned slot", rule->name, r.r_offset));
        if (!written_.insert(r.r_offset).second)
            return fail(fmt::format("two relocations write the slot at {:#x}", r.r_offset));
        if (!in_writable(r.r_offset, 8))
            return fail(fmt::format("{} at {:#x} writes outside the module's writable segments", rule->name,
                                    r.r_offset));
        if (rule->has_symbol ? (sym == 0 || sym >= nsyms_) : sym != 0)
            return fail(fmt::format("{} at {:#x} names symbol {} of {}", rule->name, r.r_offset, sym, nsyms_));
        if (type == R_X86_64_JUMP_SLOT) {
            // The linker makes one PLT slot per function the module calls
            // and does not define: a slot bound to a symbol the module
            // defines, or a second slot for one, means a damaged index.
            if (defined_.at(sym)) return fail(fmt::format("R_X86_64_JUMP_SLOT at {:#x} names a symbol the module defines", r.r_offset));
            if (!plt_symbols_.insert(sym).second)
                return fail(fmt::format("two PLT relocations name symbol {}", sym));
        }
        auto target = static_cast<uint64_t>(r.r_addend);
        if (type == R_X86_64_RELATIVE) {
            if (!in_span(target))
                return fail(fmt::format("R_X86_64_RELATIVE at {:#x} points outside the module ({:#x})", r.r_offset,
                                        target));
            relative_targets_[r.r_offset] = target;
        }
    }
    return true;
}

// Constructors and destructors run inside dlopen and dlclose: each must be
// code of the module.
bool Checker::check_init_fini() {
    for (auto [tag, name] : {std::pair{DT_INIT, "DT_INIT"}, std::pair{DT_FINI, "DT_FINI"}})
        if (has(tag) && !in_executable(dyn(tag))) return fail(fmt::format("{} is not in executable code", name));
    for (auto [tag, size_tag, name] : {std::tuple{DT_INIT_ARRAY, DT_INIT_ARRAYSZ, "DT_INIT_ARRAY"},
                                       std::tuple{DT_FINI_ARRAY, DT_FINI_ARRAYSZ, "DT_FINI_ARRAY"}}) {
        if (!has(tag)) continue;
        uint64_t at = dyn(tag), size = dyn(size_tag);
        if (at % 8 || size % 8 || !in_writable(at, size))
            return fail(fmt::format("{} is misaligned or outside the module's writable segments", name));
        for (uint64_t slot = at; slot < at + size; slot += 8) {
            auto it = relative_targets_.find(slot);
            if (it == relative_targets_.end() || !in_executable(it->second))
                return fail(fmt::format("an entry of {} does not point to the module's code", name));
        }
    }
    if (has(DT_PLTGOT) && !in_writable(dyn(DT_PLTGOT), 24)) return fail("DT_PLTGOT is not writable");
    return true;
}

bool Checker::covered_by_relocations(uint64_t addr, uint64_t size) const {
    for (auto [at_tag, size_tag] : {std::pair{DT_RELA, DT_RELASZ}, std::pair{DT_JMPREL, DT_PLTRELSZ}}) {
        if (!has(at_tag)) continue;
        uint64_t lo = dyn(at_tag), hi = lo + dyn(size_tag);
        if (addr >= lo && addr + size <= hi) return true;
    }
    return false;
}

// The defined symbols of .dynsym must agree with .symtab's, when the
// module has one: an entry point moved by a damaged byte would be jumped to.
bool Checker::check_symtab_agrees() {
    for (Elf_Scn* scn = nullptr; (scn = elf_nextscn(elf_.get(), scn));) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB) continue;
        Elf_Data* d = elf_getdata(scn, nullptr);
        if (!d || sh.sh_entsize != sizeof(Elf64_Sym)) return fail(".symtab is not a table of symbols");
        std::map<std::string, std::pair<uint64_t, uint64_t>> full;
        for (size_t i = 1; i < sh.sh_size / sizeof(Elf64_Sym); ++i) {
            GElf_Sym sym;
            if (!gelf_getsym(d, static_cast<int>(i), &sym) || sym.st_shndx == SHN_UNDEF) continue;
            if (GELF_ST_BIND(sym.st_info) == STB_LOCAL) continue;
            const char* n = elf_strptr(elf_.get(), sh.sh_link, sym.st_name);
            if (n) full[n] = {sym.st_value, sym.st_size};
        }
        for (const DynamicSymbol& ds : out_->symbols) {
            auto it = full.find(ds.name);
            if (ds.defined && it != full.end() && it->second != std::pair{ds.value, ds.size})
                return fail(fmt::format("symbol {} is {:#x}+{:#x} in .dynsym but {:#x}+{:#x} in .symtab", ds.name,
                                        ds.value, ds.size, it->second.first, it->second.second));
        }
    }
    return true;
}

// The section headers: every one inside the file; the ones simkernel reads
// of the right type and shape.
bool Checker::check_sections() {
    GElf_Shdr shstr;
    Elf_Scn* shstr_scn = elf_getscn(elf_.get(), eh_.e_shstrndx);
    if (!shstr_scn || !gelf_getshdr(shstr_scn, &shstr) || shstr.sh_type != SHT_STRTAB)
        return fail("the section name table is not a string table");
    for (Elf_Scn* scn = nullptr; (scn = elf_nextscn(elf_.get(), scn));) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh)) return fail("unreadable section header");
        if (sh.sh_type != SHT_NOBITS && (sh.sh_offset > len_ || sh.sh_size > len_ - sh.sh_offset))
            return fail("truncated file: a section lies past its end");
        if (sh.sh_type == SHT_NULL) continue;
        const char* raw = elf_strptr(elf_.get(), eh_.e_shstrndx, sh.sh_name);
        if (!raw) return fail(fmt::format("section {} has its name outside the name table", elf_ndxscn(scn)));
        std::string name = raw;
        if ((sh.sh_flags & SHF_ALLOC) && sh.sh_type != SHT_NOBITS && sh.sh_size) {
            // What the linker put in memory lies where the segments map it.
            const Segment* seg = segment_for(sh.sh_addr, sh.sh_size, true);
            if (!seg || sh.sh_offset - seg->offset != sh.sh_addr - seg->vaddr)
                return fail(fmt::format("section {} is not where the LOAD segments map it", name));
            if (((sh.sh_flags & SHF_EXECINSTR) && !(seg->flags & PF_X)) || ((sh.sh_flags & SHF_WRITE) && !(seg->flags & PF_W)))
                return fail(fmt::format("section {} is in a segment without its permissions", name));
            if (sh.sh_type == SHT_RELA && !covered_by_relocations(sh.sh_addr, sh.sh_size))
                return fail(fmt::format("relocation section {} is not in the dynamic section's tables: the "
                                        "dynamic linker would skip it", name));
        }
        if (name == ".modinfo") {
            if (sh.sh_type != SHT_PROGBITS || sh.sh_size == 0)
                return fail(".modinfo is not a section of strings in the file");
            if (static_cast<const char*>(data_)[sh.sh_offset + sh.sh_size - 1] != '\0')
                return fail(".modinfo's last string is not terminated");
        } else if (name == "__param") {
            if (sh.sh_size % sizeof(struct kernel_param) || sh.sh_addr % 8 || !in_writable(sh.sh_addr, sh.sh_size))
                return fail("__param is not an array of kernel_param in a writable segment");
        } else if (name == ".gnu.linkonce.this_module") {
            if (sh.sh_size < sizeof(struct module) || !in_writable(sh.sh_addr, sh.sh_size))
                return fail(".gnu.linkonce.this_module is not a struct module in a writable segment");
        } else if (name == "__ksymtab" || name == "__ksymtab_gpl" || name == ".symtab" || name == ".strtab") {
            if (sh.sh_type == SHT_NOBITS) return fail(fmt::format("{} has no contents", name));
        }
    }
    return true;
}

// The symbols the loader uses itself: __this_module (it writes into it),
// init_module and cleanup_module (it calls them).
bool Checker::check_module_symbols() {
    for (const DynamicSymbol& s : out_->symbols) {
        if (!s.defined) continue;
        if (s.name == "__this_module") {
            if (s.size < sizeof(struct module) || !in_writable(s.value, sizeof(struct module)))
                return fail("__this_module is not a struct module in a writable segment");
            if (relro_) {
                uint64_t lo = relro_->p_vaddr & ~(kPage - 1), hi = (relro_->p_vaddr + relro_->p_memsz) & ~(kPage - 1);
                if (s.value < hi && s.value + sizeof(struct module) > lo)
                    return fail("__this_module lies in the read-only-after-relocation part");
            }
        } else if (s.name == "init_module" || s.name == "cleanup_module") {
            if (!in_executable(s.value)) return fail(fmt::format("{} is not in executable code", s.name));
        }
    }
    return true;
}

bool Checker::run() {
    return check_header() && check_segments() && read_dynamic() && check_string_table() && check_symbols() &&
           check_relocations(has(DT_RELA) ? dyn(DT_RELA) : 0, has(DT_RELASZ) ? dyn(DT_RELASZ) : 0, "DT_RELA") &&
           check_relocations(has(DT_JMPREL) ? dyn(DT_JMPREL) : 0, has(DT_PLTRELSZ) ? dyn(DT_PLTRELSZ) : 0,
                             "DT_JMPREL") &&
           check_init_fini() && check_sections() && check_symtab_agrees() && check_module_symbols();
}

}  // namespace

bool validate_module_elf(const void* data, size_t len, DynamicImage* out, std::string* why) {
    *out = {};
    Checker c(data, len, out);
    if (c.run()) return true;
    *why = c.why;
    return false;
}

}  // namespace sk

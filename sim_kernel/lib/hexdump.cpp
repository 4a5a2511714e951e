// hexdump.cpp - hex_dump_to_buffer and print_hex_dump (lib/hexdump.c), with
// Linux's layout: "prefix 00000010: 48 65 6c 6c 6f  Hello".
#include <simkernel/kapi.h>

#include <cctype>
#include <cstdint>
#include <cstring>
#include <simkernel/export.hpp>

namespace {
bool is_power_of_2(int n) { return n > 0 && (n & (n - 1)) == 0; }
}  // namespace

extern "C" int hex_dump_to_buffer(const void* buf, size_t len, int rowsize, int groupsize, char* linebuf,
                                  size_t linebuflen, bool ascii) {
    const auto* ptr = static_cast<const uint8_t*>(buf);
    if (rowsize != 16 && rowsize != 32) rowsize = 16;
    if (len > static_cast<size_t>(rowsize)) len = static_cast<size_t>(rowsize);
    if (!is_power_of_2(groupsize) || groupsize > 8) groupsize = 1;
    if (len % static_cast<size_t>(groupsize)) groupsize = 1;
    if (!linebuflen) return 0;
    linebuf[0] = '\0';
    size_t ngroups = len / static_cast<size_t>(groupsize);
    size_t ascii_column = static_cast<size_t>(rowsize * 2 + rowsize / groupsize + 1);
    size_t lx = 0;
    for (size_t j = 0; j < ngroups && lx < linebuflen; ++j) {
        unsigned long long v = 0;
        memcpy(&v, ptr + j * static_cast<size_t>(groupsize), static_cast<size_t>(groupsize));  // little-endian
        lx += static_cast<size_t>(scnprintf(linebuf + lx, linebuflen - lx, "%s%0*llx", j ? " " : "",
                                            groupsize * 2, v));
    }
    if (!ascii) return static_cast<int>(lx);
    while (lx < ascii_column && lx + 1 < linebuflen) linebuf[lx++] = ' ';
    for (size_t j = 0; j < len && lx + 1 < linebuflen; ++j)
        linebuf[lx++] = (ptr[j] < 0x80 && isprint(ptr[j])) ? static_cast<char>(ptr[j]) : '.';
    linebuf[lx] = '\0';
    return static_cast<int>(lx);
}
EXPORT_SYMBOL(hex_dump_to_buffer);

extern "C" void print_hex_dump(const char* level, const char* prefix_str, int prefix_type, int rowsize,
                               int groupsize, const void* buf, size_t len, bool ascii) {
    if (rowsize != 16 && rowsize != 32) rowsize = 16;
    const auto* ptr = static_cast<const uint8_t*>(buf);
    char linebuf[32 * 3 + 2 + 32 + 1];
    for (size_t i = 0; i < len; i += static_cast<size_t>(rowsize)) {
        size_t linelen = len - i < static_cast<size_t>(rowsize) ? len - i : static_cast<size_t>(rowsize);
        hex_dump_to_buffer(ptr + i, linelen, rowsize, groupsize, linebuf, sizeof(linebuf), ascii);
        if (prefix_type == DUMP_PREFIX_ADDRESS)
            printk("%s%s%p: %s\n", level, prefix_str, static_cast<const void*>(ptr + i), linebuf);
        else if (prefix_type == DUMP_PREFIX_OFFSET)
            printk("%s%s%.8zx: %s\n", level, prefix_str, i, linebuf);
        else
            printk("%s%s%s\n", level, prefix_str, linebuf);
    }
}
EXPORT_SYMBOL(print_hex_dump);

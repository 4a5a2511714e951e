// ksyms_exports.cpp - the exports of lib/string.c: functions the kernel
// offers modules whose bodies are the C library's (memcpy, strlen, ...).
//
// Every other export sits next to its function, as in Linux
// (`EXPORT_SYMBOL(printk);` after printk's body in printk.cpp): see
// <simkernel/export.hpp> for how the entries are gathered into the kernel's
// symbol table. These have no body in the kernel to sit next to, so they are
// listed here. A module whose undefined symbols are not all exported (by the
// kernel or a loaded module) is refused with "Unknown symbol": it cannot
// reach the host's C library behind our back.
#include <simkernel/export.hpp>

#include <cstring>
#include <strings.h>

EXPORT_SYMBOL(memcpy);
EXPORT_SYMBOL(memmove);
EXPORT_SYMBOL(memset);
EXPORT_SYMBOL(memcmp);
EXPORT_SYMBOL_OVERLOADED(memchr, void* (*)(void*, int, size_t));
EXPORT_SYMBOL(strlen);
EXPORT_SYMBOL(strnlen);
EXPORT_SYMBOL(strcmp);
EXPORT_SYMBOL(strncmp);
EXPORT_SYMBOL(strcpy);
EXPORT_SYMBOL(strncpy);
EXPORT_SYMBOL(strcat);
EXPORT_SYMBOL(strncat);
EXPORT_SYMBOL_OVERLOADED(strchr, char* (*)(char*, int));
EXPORT_SYMBOL_OVERLOADED(strrchr, char* (*)(char*, int));
EXPORT_SYMBOL_OVERLOADED(strstr, char* (*)(char*, const char*));
EXPORT_SYMBOL(strsep);
EXPORT_SYMBOL(strspn);
EXPORT_SYMBOL(strcspn);
EXPORT_SYMBOL_OVERLOADED(strpbrk, char* (*)(char*, const char*));
EXPORT_SYMBOL(strcasecmp);
EXPORT_SYMBOL(strncasecmp);

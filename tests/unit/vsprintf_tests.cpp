// vsprintf_tests.cpp - the kernel's printf (sim_kernel/lib/vsprintf.cpp), called
// as a module calls it (a module's snprintf is bound to sk_snprintf): C's
// conversions as the C library formats them, and Linux's own: hashed %p,
// %px, %pS, %pe, %ph, %pM, %pI4, %pa, %pV, "(null)", and %n refused.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <simkernel/kapi.h>

#include <cstdarg>
#include <regex>
#include <string>

using skt::TestKernel;

namespace {

template <typename... Args>
std::string ksprintf(const char* fmt, Args... args) {
    char buf[256];
    int n = sk_snprintf(buf, sizeof buf, fmt, args...);
    REQUIRE(n >= 0);
    return buf;
}

std::string via_va_format(const char* outer, const char* inner, ...) {
    va_list ap;
    va_start(ap, inner);
    struct va_format vaf = {inner, &ap};
    std::string s = ksprintf(outer, &vaf);
    va_end(ap);
    return s;
}

}  // namespace

TEST_CASE("vsprintf: C's conversions format as the C library formats them", "[vsprintf]") {
    TestKernel tk;
    char expect[256];
    snprintf(expect, sizeof expect, "%d|%5i|%-4u|%lx|%#llo|%zu|%hhd|%08x|%c|%.2s|%%|%+ld", -7, 42, 3u, 0xbeefUL,
             8ULL, size_t{9}, 300, 0x1f, 'k', "abc", 5L);
    CHECK(ksprintf("%d|%5i|%-4u|%lx|%#llo|%zu|%hhd|%08x|%c|%.2s|%%|%+ld", -7, 42, 3u, 0xbeefUL, 8ULL, size_t{9},
                   300, 0x1f, 'k', "abc", 5L) == expect);
    CHECK(ksprintf("[%*d] [%-*s] [%.*s]", 4, 7, 3, "a", 2, "xyz") == "[   7] [a  ] [xy]");
    char wide[256];
    CHECK(sk_snprintf(wide, sizeof wide, "%200d|", 5) == 201);  // a field wider than any scratch buffer
    CHECK(std::string(wide) == std::string(199, ' ') + "5|");
}

TEST_CASE("vsprintf: the return value and truncation are vsnprintf's", "[vsprintf]") {
    TestKernel tk;
    char buf[5];
    CHECK(sk_snprintf(buf, sizeof buf, "%s", "abcdefgh") == 8);
    CHECK(std::string(buf) == "abcd");
    CHECK(scnprintf(buf, sizeof buf, "%s", "abcdefgh") == 4);
    CHECK(sk_snprintf(nullptr, 0, "%d", 12345) == 5);
}

TEST_CASE("vsprintf: %s of NULL or a pointer into page 0", "[vsprintf]") {
    TestKernel tk;
    CHECK(ksprintf("%s|%s", static_cast<const char*>(nullptr), reinterpret_cast<const char*>(16)) ==
          "(null)|(efault)");
}

TEST_CASE("vsprintf: %p is hashed, NULL and error pointers are not, %px is raw", "[vsprintf]") {
    TestKernel tk;
    int x = 0;
    std::string hashed = ksprintf("%p", &x);
    CHECK(std::regex_match(hashed, std::regex("00000000[0-9a-f]{8}")));
    char raw[32];
    snprintf(raw, sizeof raw, "%016lx", reinterpret_cast<unsigned long>(&x));
    CHECK(hashed != raw);
    CHECK(ksprintf("%p", &x) == hashed);  // the same pointer, the same id
    CHECK(ksprintf("%pK", &x) == hashed);
    CHECK(ksprintf("%px", &x) == raw);
    CHECK(ksprintf("%p", static_cast<void*>(nullptr)) == "0000000000000000");
    CHECK(ksprintf("%p", ERR_PTR(-ENOMEM)) == "fffffffffffffff4");
}

TEST_CASE("vsprintf: %pe names an error, %pS and %ps a symbol", "[vsprintf]") {
    TestKernel tk;
    CHECK(ksprintf("%pe", ERR_PTR(-ENOMEM)) == "-ENOMEM");
    CHECK(ksprintf("%pe", ERR_PTR(-ERESTARTSYS)) == "-ERESTARTSYS");
    CHECK(ksprintf("%pe|", ERR_PTR(-4000)) == "-4000|");
    std::string with_offset = ksprintf("%pS", reinterpret_cast<void*>(&printk));
    CHECK(std::regex_match(with_offset, std::regex(R"(printk\+0x0/0x[0-9a-f]+)")));
    CHECK(ksprintf("%ps", reinterpret_cast<void*>(&printk)) == "printk");
}

TEST_CASE("vsprintf: %ph %pM %pI4 %pa %pV", "[vsprintf]") {
    TestKernel tk;
    const unsigned char bytes[6] = {0x00, 0x1b, 0x21, 0xa0, 0xff, 0x07};
    CHECK(ksprintf("%*ph", 4, bytes) == "00 1b 21 a0");
    CHECK(ksprintf("%*phC|%*phN", 3, bytes, 2, bytes) == "00:1b:21|001b");
    CHECK(ksprintf("%ph", bytes) == "00");
    CHECK(ksprintf("%pM", bytes) == "00:1b:21:a0:ff:07");
    CHECK(ksprintf("%pMR", bytes) == "07:ff:a0:21:1b:00");
    const unsigned char ip[4] = {192, 168, 1, 7};
    CHECK(ksprintf("%pI4 %pi4", ip, ip) == "192.168.1.7 192.168.001.007");
    phys_addr_t pa = 0x1000;
    CHECK(ksprintf("%pa", &pa) == "0x0000000000001000");
    CHECK(via_va_format("<%pV>", "%s=%d", "n", 3) == "<n=3>");
}

TEST_CASE("vsprintf: %n is refused with Linux's warning, and the output stops there", "[vsprintf]") {
    TestKernel tk;
    int written = -1;
    CHECK(ksprintf("before %n after %d", &written, 5) == "before ");
    CHECK(written == -1);
    CHECK(tk.log_contains("Please remove unsupported %n in format string"));
    CHECK(tk.log_contains("WARNING: CPU: 0 PID:"));
}

TEST_CASE("vsprintf: printk formats with it", "[vsprintf]") {
    TestKernel tk;
    printk(KERN_INFO "err=%pe null=%p\n", ERR_PTR(-EBUSY), static_cast<void*>(nullptr));
    CHECK(tk.log_contains("err=-EBUSY null=0000000000000000"));
}

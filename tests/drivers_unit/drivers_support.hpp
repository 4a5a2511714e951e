// drivers_support.hpp - small helpers the driver tests share, on top of
// tests/unit/support.hpp (TestKernel, insmod, kernel_state).
#pragma once

#include "support.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <string>

namespace dt {

namespace user = sk::user;

inline int open_ok(const char* path, int flags) {
    long fd = user::open(path, flags);
    INFO("open(" << path << ") = " << fd);
    REQUIRE(fd >= 0);
    return static_cast<int>(fd);
}

// Writes all of data, however short the driver's writes are.
inline long write_all(int fd, const std::string& data) {
    size_t done = 0;
    while (done < data.size()) {
        long n = user::write(fd, data.data() + done, data.size() - done);
        if (n <= 0) return n;
        done += static_cast<size_t>(n);
    }
    return static_cast<long>(done);
}

// Reads until end of file (or an error, returned), chunk bytes at a time.
inline long read_to_end(int fd, std::string* out, size_t chunk = 4096) {
    out->clear();
    std::string buf(chunk, '\0');
    for (;;) {
        long n = user::read(fd, buf.data(), buf.size());
        if (n < 0) return n;
        if (n == 0) return static_cast<long>(out->size());
        out->append(buf.data(), static_cast<size_t>(n));
    }
}

// The whole content of a file through open/read/close.
inline std::string slurp(const char* path) {
    std::string s;
    long n = user::read_file(path, &s);
    INFO("read_file(" << path << ") = " << n);
    REQUIRE(n >= 0);
    return s;
}

inline unsigned major_of(const char* path) {
    struct ::stat st {};
    REQUIRE(user::stat(path, &st) == 0);
    return major(st.st_rdev);
}

// A recognisable byte pattern: byte i is (i * 7 + seed) & 0xff.
inline std::string pattern(size_t n, unsigned seed = 0) {
    std::string s(n, '\0');
    for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 7 + seed) & 0xff);
    return s;
}

}  // namespace dt

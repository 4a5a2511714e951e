// support.hpp - what every unit test needs: the test kit
// (<simkernel/testing.hpp>: a kernel per test, tasks to make system calls
// as, the kernel's state in a comparable form) and the .ko files the build
// made.
#pragma once

#include <simkernel/testing.hpp>

#include <string>
#include <vector>

namespace skt {

// build/modules/<name>.ko
std::string module_path(const std::string& name);
std::vector<char> module_image(const std::string& name);

long insmod(const std::string& name, const char* params = "");

}  // namespace skt

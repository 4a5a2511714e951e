// support.cpp - see support.hpp.
#include "support.hpp"

namespace skt {

std::string module_path(const std::string& name) { return std::string(SK_MODULE_DIR) + "/" + name + ".ko"; }

std::vector<char> module_image(const std::string& name) { return read_host_file(module_path(name)); }

long insmod(const std::string& name, const char* params) { return insmod(module_image(name), params); }

}  // namespace skt

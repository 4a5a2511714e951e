#include <simkernel/kernel.hpp>
int main() { sk::Kernel k({.root = "/tmp/skroot"}); return 0; }

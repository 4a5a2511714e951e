// product_paths.cpp - see product_paths.hpp.
#include "product_paths.hpp"

#include "config.hpp"

#include <cstdlib>
#include <system_error>

namespace fs = std::filesystem;

namespace shell {

namespace {

ProductPaths locate() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    fs::path prefix = ec ? fs::path() : exe.parent_path().parent_path();
    ProductPaths p;
    if (!prefix.empty() && fs::exists(prefix / SK_INSTALL_SDK_DIR / "Makefile", ec)) {
        p.sdk = prefix / SK_INSTALL_SDK_DIR;
        p.modules = prefix / SK_INSTALL_MODULE_DIR;
        p.shipped_list = p.modules / "shipped.list";
        p.labs = prefix / SK_INSTALL_LABS_DIR;
    } else {
        p.sdk = SK_SDK_DIR;
        p.modules = SK_MODULE_BUILD_DIR;
        p.shipped_list = SK_SHIPPED_LIST;
        p.labs = SK_LABS_DIR;
    }
    // A course may keep its labs elsewhere (an export, its own).
    if (const char* labs = std::getenv("SIMKERNEL_LABS"); labs && *labs) p.labs = labs;
    return p;
}

}  // namespace

const ProductPaths& product_paths() {
    static const ProductPaths paths = locate();
    return paths;
}

}  // namespace shell

// fuzz_config.cpp - libFuzzer target: /etc/modprobe.d and /etc/depmod.d
// configuration. Both go through one line reader (conf_files.cpp: comments,
// continuation lines, words); modprobe.d's commands are then parsed by
// ModprobeConfig::parse and looked up as modprobe would.
#include "../shell/tools/conf_files.hpp"
#include "../shell/tools/kmod_log.hpp"
#include "../shell/tools/modprobe_config.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    for (const tools::ConfLine& line : tools::conf_lines(text)) (void)tools::split_words(line.text);
    static const tools::KmodLog quiet("modprobe", -1);  // says nothing: there is no terminal here
    tools::ModprobeConfig config;
    config.parse("/etc/modprobe.d/fuzz.conf", text, quiet);
    for (const char* name : {"hello", "scull", "a", "", "*"}) {
        (void)config.options_for(name, name);
        (void)config.install_command(name);
        (void)config.remove_command(name);
        (void)config.softdep(name);
        (void)config.blacklisted(name);
    }
    return 0;
}

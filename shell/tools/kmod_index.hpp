// kmod_index.hpp - kmod's binary index, the format of modules.dep.bin,
// modules.alias.bin and modules.symbols.bin, which kmod's modprobe reads
// instead of the text files (it cannot work without them).
//
// The index maps keys to values: a trie with path compression (one
// "prefix" string per node), children indexed by 7-bit character, values
// kept per key in priority order. On disk, big-endian:
//
//   u32 magic 0xB007F457, u32 version 0x00020001, u32 root node offset
//   node: [prefix NUL] [first last u32 child[last-first+1]] [u32 n {u32 prio, value NUL}*n]
//
// with the node offset's top bits saying which parts are present. Nodes are
// written children first. Inserting and writing follow depmod's code step
// by step, so the bytes are the bytes kmod's depmod writes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tools {

class KmodIndex {
public:
    KmodIndex();
    // Adds value under key; returns true if key already had this value.
    bool insert(std::string_view key, std::string_view value, uint32_t priority);
    std::string serialize() const;

private:
    struct Value {
        uint32_t priority;
        std::string text;
    };
    struct Node {
        std::string prefix;
        std::vector<Value> values;
        unsigned char first = 128, last = 0;  // range of children (first > last: none)
        std::vector<std::pair<unsigned char, uint32_t>> children;  // sorted by char
    };
    uint32_t child(const Node& n, unsigned char c) const;  // 0: none
    void set_child(uint32_t node, unsigned char c, uint32_t child);
    uint32_t write_node(uint32_t node, std::string& out) const;

    std::vector<Node> nodes_;  // nodes_[0] is the root; index 0 never a child
};

}  // namespace tools

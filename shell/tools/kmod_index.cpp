// kmod_index.cpp - see kmod_index.hpp.
#include "kmod_index.hpp"

#include <algorithm>

namespace tools {

namespace {
constexpr uint32_t kMagic = 0xB007F457;
constexpr uint32_t kVersion = 0x00020001;
constexpr uint32_t kNodePrefix = 0x80000000;
constexpr uint32_t kNodeValues = 0x40000000;
constexpr uint32_t kNodeChilds = 0x20000000;

void put32(std::string& out, uint32_t v) {
    char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                 static_cast<char>(v)};
    out.append(b, 4);
}
}  // namespace

KmodIndex::KmodIndex() { nodes_.emplace_back(); }

uint32_t KmodIndex::child(const Node& n, unsigned char c) const {
    auto it = std::lower_bound(n.children.begin(), n.children.end(), c,
                               [](const auto& e, unsigned char k) { return e.first < k; });
    return it != n.children.end() && it->first == c ? it->second : 0;
}

void KmodIndex::set_child(uint32_t node, unsigned char c, uint32_t ch) {
    Node& n = nodes_[node];
    auto it = std::lower_bound(n.children.begin(), n.children.end(), c,
                               [](const auto& e, unsigned char k) { return e.first < k; });
    if (it != n.children.end() && it->first == c) it->second = ch;
    else n.children.insert(it, {c, ch});
    n.first = std::min(n.first, c);
    n.last = std::max(n.last, c);
}

bool KmodIndex::insert(std::string_view key, std::string_view value, uint32_t priority) {
    auto add_value = [](std::vector<Value>& values, std::string_view v, uint32_t prio) {
        bool duplicate = std::any_of(values.begin(), values.end(), [&](const Value& x) { return x.text == v; });
        auto pos = std::find_if(values.begin(), values.end(), [&](const Value& x) { return x.priority >= prio; });
        values.insert(pos, Value{prio, std::string(v)});
        return duplicate;
    };
    uint32_t node = 0;
    size_t i = 0;
    for (;;) {
        // Make the node's prefix a prefix of key[i..], splitting it if not.
        size_t j = 0;
        for (; j < nodes_[node].prefix.size(); ++j) {
            unsigned char ch = static_cast<unsigned char>(nodes_[node].prefix[j]);
            if (i + j < key.size() && static_cast<unsigned char>(key[i + j]) == ch) continue;
            // The new child takes over the node's tail, values and children.
            Node tail;
            tail.prefix = nodes_[node].prefix.substr(j + 1);
            tail.values = std::move(nodes_[node].values);
            tail.children = std::move(nodes_[node].children);
            tail.first = nodes_[node].first;
            tail.last = nodes_[node].last;
            nodes_.push_back(std::move(tail));
            uint32_t t = static_cast<uint32_t>(nodes_.size() - 1);
            Node& n = nodes_[node];
            n.prefix.resize(j);
            n.values.clear();
            n.children.clear();
            n.first = 128;
            n.last = 0;
            set_child(node, ch, t);
            break;
        }
        i += j;
        if (i == key.size()) return add_value(nodes_[node].values, value, priority);
        unsigned char ch = static_cast<unsigned char>(key[i]);
        uint32_t next = child(nodes_[node], ch);
        if (!next) {
            Node leaf;
            leaf.prefix = std::string(key.substr(i + 1));
            add_value(leaf.values, value, priority);
            nodes_.push_back(std::move(leaf));
            set_child(node, ch, static_cast<uint32_t>(nodes_.size() - 1));
            return false;
        }
        node = next;
        ++i;
    }
}

uint32_t KmodIndex::write_node(uint32_t node, std::string& out) const {
    const Node& n = nodes_[node];
    std::vector<uint32_t> offsets;
    bool has_children = n.first <= n.last;
    if (has_children) {
        for (unsigned c = n.first; c <= n.last; ++c) {
            uint32_t ch = child(n, static_cast<unsigned char>(c));
            offsets.push_back(ch ? write_node(ch, out) : 0);
        }
    }
    uint32_t offset = static_cast<uint32_t>(out.size());
    if (!n.prefix.empty()) {
        out += n.prefix;
        out += '\0';
        offset |= kNodePrefix;
    }
    if (has_children) {
        out += static_cast<char>(n.first);
        out += static_cast<char>(n.last);
        for (uint32_t o : offsets) put32(out, o);
        offset |= kNodeChilds;
    }
    if (!n.values.empty()) {
        put32(out, static_cast<uint32_t>(n.values.size()));
        for (const Value& v : n.values) {
            put32(out, v.priority);
            out += v.text;
            out += '\0';
        }
        offset |= kNodeValues;
    }
    return offset;
}

std::string KmodIndex::serialize() const {
    std::string out;
    put32(out, kMagic);
    put32(out, kVersion);
    put32(out, 0);  // the root's offset, known once it is written
    uint32_t root = write_node(0, out);
    out[8] = static_cast<char>(root >> 24);
    out[9] = static_cast<char>(root >> 16);
    out[10] = static_cast<char>(root >> 8);
    out[11] = static_cast<char>(root);
    return out;
}

}  // namespace tools

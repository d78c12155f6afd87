#pragma once
// A static, packed R-tree (Sort-Tile-Recursive) over item envelopes. Built once, then queried
// from any number of threads (queries are const and allocate nothing but the output).
#include <cstdint>
#include <vector>

#include "geo/core/envelope.h"

namespace geo {

class RTree {
public:
    RTree() = default;
    // Items with an empty envelope are kept out of the tree and never match.
    explicit RTree(const std::vector<Envelope>& items, uint32_t node_size = 16);

    // Appends to `out` the ids of items whose envelope intersects `box` (or contains the
    // point), in no particular order.
    void query(const Envelope& box, std::vector<uint32_t>& out) const;
    void query(double x, double y, std::vector<uint32_t>& out) const { query({x, y, x, y}, out); }
    size_t size() const { return m_leaf_items.size(); }

private:
    struct Node {
        Envelope box;
        uint32_t first = 0;  // first child node, or first slot in m_leaf_items at a leaf
        uint32_t count = 0;
        bool leaf = true;
    };
    std::vector<Node> m_nodes;
    std::vector<uint32_t> m_leaf_items;  // item ids in packed order
    std::vector<Envelope> m_item_boxes;  // indexed by slot, parallel to m_leaf_items
    int64_t m_root = -1;
};

}  // namespace geo

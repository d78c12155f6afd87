#include "geo/core/rtree.h"

#include <algorithm>
#include <cmath>

namespace geo {

namespace {

// Orders boxes so that consecutive runs of `node_size` are spatially compact (STR packing):
// sort by x centre, cut into sqrt(#nodes) vertical slices, sort each slice by y centre.
std::vector<uint32_t> str_order(const std::vector<Envelope>& boxes, std::vector<uint32_t> ids,
                                size_t node_size)
{
    auto cx = [&](uint32_t i) { return boxes[i].min_x + boxes[i].max_x; };
    auto cy = [&](uint32_t i) { return boxes[i].min_y + boxes[i].max_y; };
    std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) { return cx(a) < cx(b); });
    const size_t nodes = (ids.size() + node_size - 1) / node_size;
    const size_t slices = static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
    const size_t per_slice = std::max<size_t>(1, slices) * node_size;
    for (size_t s = 0; s < ids.size(); s += per_slice) {
        const auto first = ids.begin() + static_cast<std::ptrdiff_t>(s);
        const auto last = ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), s + per_slice));
        std::sort(first, last, [&](uint32_t a, uint32_t b) { return cy(a) < cy(b); });
    }
    return ids;
}

}  // namespace

RTree::RTree(const std::vector<Envelope>& items, uint32_t node_size)
{
    std::vector<uint32_t> ids;
    for (uint32_t i = 0; i < items.size(); ++i)
        if (!items[i].empty()) ids.push_back(i);
    if (ids.empty()) return;
    m_leaf_items = str_order(items, std::move(ids), node_size);
    for (uint32_t id : m_leaf_items) m_item_boxes.push_back(items[id]);

    // Leaves over consecutive slots.
    std::vector<Node> level;
    for (size_t i = 0; i < m_leaf_items.size(); i += node_size) {
        Node leaf;
        leaf.first = static_cast<uint32_t>(i);
        leaf.count = static_cast<uint32_t>(std::min<size_t>(node_size, m_leaf_items.size() - i));
        for (uint32_t k = 0; k < leaf.count; ++k) leaf.box.expand(m_item_boxes[i + k]);
        level.push_back(leaf);
    }
    // Each pass packs the level, stores it contiguously, and makes the parents.
    while (true) {
        std::vector<Envelope> boxes;
        std::vector<uint32_t> order(level.size());
        for (uint32_t i = 0; i < level.size(); ++i) {
            boxes.push_back(level[i].box);
            order[i] = i;
        }
        order = str_order(boxes, std::move(order), node_size);
        const uint32_t base = static_cast<uint32_t>(m_nodes.size());
        for (uint32_t o : order) m_nodes.push_back(level[o]);
        if (level.size() == 1) break;
        std::vector<Node> parents;
        for (size_t i = 0; i < order.size(); i += node_size) {
            Node parent;
            parent.leaf = false;
            parent.first = base + static_cast<uint32_t>(i);
            parent.count = static_cast<uint32_t>(std::min<size_t>(node_size, order.size() - i));
            for (uint32_t k = 0; k < parent.count; ++k) parent.box.expand(m_nodes[parent.first + k].box);
            parents.push_back(parent);
        }
        level = std::move(parents);
    }
    m_root = static_cast<int64_t>(m_nodes.size() - 1);
}

void RTree::query(const Envelope& box, std::vector<uint32_t>& out) const
{
    if (m_root < 0) return;
    std::vector<uint32_t> stack;
    stack.push_back(static_cast<uint32_t>(m_root));
    while (!stack.empty()) {
        const Node& node = m_nodes[stack.back()];
        stack.pop_back();
        if (!node.box.intersects(box)) continue;
        for (uint32_t k = 0; k < node.count; ++k) {
            if (!node.leaf) {
                stack.push_back(node.first + k);
            } else if (m_item_boxes[node.first + k].intersects(box)) {
                out.push_back(m_leaf_items[node.first + k]);
            }
        }
    }
}

}  // namespace geo

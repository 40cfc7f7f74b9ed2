#include "daemon/catalog/hnsw/hnsw_graph.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <queue>

#include "daemon/types/vector_value.h"

namespace db9::catalog::hnsw {
namespace {

// Layers above 0 hold a node with probability m^-layer; 16 layers already
// cover 16^16 nodes at the smallest m, so deeper draws are capped.
constexpr int kMaxLayer = 16;

struct Farther {
  bool operator()(const Neighbor& a, const Neighbor& b) const { return a.distance > b.distance; }
};
struct Nearer {
  bool operator()(const Neighbor& a, const Neighbor& b) const { return a.distance < b.distance; }
};

// Marks of the nodes one search has visited, per thread so that concurrent
// searches under the shared lock need no allocation per call.
class VisitedMarks {
 public:
  void Reset(size_t nodes) {
    if (marks_.size() < nodes) marks_.resize(nodes, 0);
    if (++epoch_ == 0) {  // wrapped: old marks could match again
      std::fill(marks_.begin(), marks_.end(), 0);
      epoch_ = 1;
    }
  }
  // true the first time `node` is seen since Reset.
  bool Visit(uint32_t node) {
    if (marks_[node] == epoch_) return false;
    marks_[node] = epoch_;
    return true;
  }

 private:
  std::vector<uint32_t> marks_;
  uint32_t epoch_ = 0;
};

thread_local VisitedMarks visited;

}  // namespace

double Distance(Metric metric, std::span<const float> a, std::span<const float> b) {
  switch (metric) {
    case Metric::kL2: return types::L2Distance(a, b);
    case Metric::kInnerProduct: return types::NegativeInnerProduct(a, b);
    case Metric::kCosine: return types::CosineDistance(a, b);
    case Metric::kL1: return types::L1Distance(a, b);
  }
  return 0;
}

struct HnswGraph::Node {
  std::vector<float> vector;
  std::vector<std::vector<uint32_t>> links;  // per layer, 0 first
};

HnswGraph::HnswGraph(Metric metric, int m, int ef_construction, uint64_t seed)
    : metric_(metric), m_(static_cast<size_t>(m)), ef_construction_(ef_construction),
      level_scale_(1.0 / std::log(static_cast<double>(m))), random_(seed) {}

HnswGraph::~HnswGraph() = default;

size_t HnswGraph::size() const {
  std::shared_lock lock(mutex_);
  return nodes_.size();
}

double HnswGraph::DistanceTo(std::span<const float> query, uint32_t node) const {
  return Distance(metric_, query, nodes_[node]->vector);
}

bool HnswGraph::Holds(uint32_t node, std::span<const float> vector) const {
  std::shared_lock lock(mutex_);
  const std::vector<float>& stored = nodes_[node]->vector;
  return stored.size() == vector.size() && std::equal(stored.begin(), stored.end(), vector.begin());
}

std::vector<Neighbor> HnswGraph::SearchLayer(std::span<const float> query,
                                             const std::vector<Neighbor>& entry, int ef, int layer,
                                             const std::function<bool(uint32_t)>& accept) const {
  visited.Reset(nodes_.size());
  std::priority_queue<Neighbor, std::vector<Neighbor>, Farther> candidates;  // nearest on top
  std::priority_queue<Neighbor, std::vector<Neighbor>, Nearer> found;        // farthest on top
  const size_t width = static_cast<size_t>(ef);
  auto offer = [&](const Neighbor& n) {
    candidates.push(n);
    if (accept && !accept(n.node)) return;
    found.push(n);
    if (found.size() > width) found.pop();
  };
  for (const Neighbor& e : entry) {
    if (visited.Visit(e.node)) offer(e);
  }
  while (!candidates.empty()) {
    const Neighbor nearest = candidates.top();
    // Nothing left can improve a full answer. Rejected nodes never enter
    // `found`, so the walk goes on through them until enough are accepted.
    if (found.size() >= width && nearest.distance > found.top().distance) break;
    candidates.pop();
    const Node& node = *nodes_[nearest.node];
    if (static_cast<size_t>(layer) >= node.links.size()) continue;
    for (uint32_t next : node.links[static_cast<size_t>(layer)]) {
      if (!visited.Visit(next)) continue;
      const double d = DistanceTo(query, next);
      if (found.size() < width || d < found.top().distance) offer({next, d});
    }
  }
  std::vector<Neighbor> out;
  out.reserve(found.size());
  while (!found.empty()) {
    out.push_back(found.top());
    found.pop();
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// The paper's heuristic (algorithm 4): a candidate is kept only if it is
// nearer to the new node than to every neighbour kept so far, which spreads
// the links over directions instead of one dense cluster.
std::vector<uint32_t> HnswGraph::SelectNeighbors(std::vector<Neighbor> candidates, size_t limit) const {
  std::sort(candidates.begin(), candidates.end(), Nearer());
  std::vector<uint32_t> kept;
  for (const Neighbor& c : candidates) {
    if (kept.size() >= limit) break;
    const std::vector<float>& v = nodes_[c.node]->vector;
    bool diverse = true;
    for (uint32_t k : kept) {
      if (Distance(metric_, v, nodes_[k]->vector) < c.distance) {
        diverse = false;
        break;
      }
    }
    if (diverse) kept.push_back(c.node);
  }
  return kept;
}

void HnswGraph::Link(uint32_t from, uint32_t to, int layer) {
  std::vector<uint32_t>& links = nodes_[from]->links[static_cast<size_t>(layer)];
  links.push_back(to);
  const size_t limit = layer == 0 ? 2 * m_ : m_;
  if (links.size() <= limit) return;
  std::vector<Neighbor> candidates;
  const std::vector<float>& v = nodes_[from]->vector;
  for (uint32_t n : links) candidates.push_back({n, DistanceTo(v, n)});
  links = SelectNeighbors(std::move(candidates), limit);
}

uint32_t HnswGraph::Insert(std::span<const float> vector) {
  std::unique_lock lock(mutex_);
  const uint32_t id = static_cast<uint32_t>(nodes_.size());
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  const double u = std::max(uniform(random_), 1e-300);
  const int level = std::min(kMaxLayer, static_cast<int>(-std::log(u) * level_scale_));
  auto node = std::make_unique<Node>();
  node->vector.assign(vector.begin(), vector.end());
  node->links.resize(static_cast<size_t>(level) + 1);
  nodes_.push_back(std::move(node));
  if (top_layer_ < 0) {
    entry_ = id;
    top_layer_ = level;
    return id;
  }
  std::vector<Neighbor> entry = {{entry_, DistanceTo(vector, entry_)}};
  for (int layer = top_layer_; layer > level; --layer) {
    entry = {SearchLayer(vector, entry, 1, layer, {}).front()};
  }
  for (int layer = std::min(level, top_layer_); layer >= 0; --layer) {
    std::vector<Neighbor> near = SearchLayer(vector, entry, ef_construction_, layer, {});
    const size_t limit = layer == 0 ? 2 * m_ : m_;
    std::vector<uint32_t> chosen = SelectNeighbors(near, limit);
    nodes_[id]->links[static_cast<size_t>(layer)] = chosen;
    for (uint32_t n : chosen) Link(n, id, layer);
    entry = std::move(near);
  }
  if (level > top_layer_) {
    entry_ = id;
    top_layer_ = level;
  }
  return id;
}

std::vector<Neighbor> HnswGraph::Search(std::span<const float> query, int ef,
                                        const std::function<bool(uint32_t)>& accept) const {
  std::shared_lock lock(mutex_);
  if (top_layer_ < 0 || ef <= 0) return {};
  std::vector<Neighbor> entry = {{entry_, DistanceTo(query, entry_)}};
  for (int layer = top_layer_; layer > 0; --layer) {
    entry = {SearchLayer(query, entry, 1, layer, {}).front()};
  }
  return SearchLayer(query, entry, ef, 0, accept);
}

std::vector<Neighbor> HnswGraph::All(std::span<const float> query,
                                     const std::function<bool(uint32_t)>& accept) const {
  std::shared_lock lock(mutex_);
  std::vector<Neighbor> out;
  for (uint32_t n = 0; n < nodes_.size(); ++n) {
    if (!accept || accept(n)) out.push_back({n, DistanceTo(query, n)});
  }
  std::stable_sort(out.begin(), out.end(), Nearer());
  return out;
}

}  // namespace db9::catalog::hnsw

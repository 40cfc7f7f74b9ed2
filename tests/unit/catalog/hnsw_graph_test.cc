// The HNSW graph against brute force: recall@10 per distance, the effect of
// ef, nodes a caller rejects (deleted rows), and inserts racing searches.
#include <QtTest>

#include <algorithm>
#include <random>
#include <set>
#include <thread>

#include "daemon/catalog/hnsw/hnsw_graph.h"

namespace db9::catalog::hnsw {
namespace {

constexpr int kDims = 32;
constexpr int kCount = 5000;
constexpr int kQueries = 100;
constexpr int kK = 10;

using Vectors = std::vector<std::vector<float>>;

Vectors RandomVectors(int count, uint64_t seed) {
  std::mt19937_64 random(seed);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  Vectors out(static_cast<size_t>(count), std::vector<float>(kDims));
  for (auto& v : out) {
    for (float& x : v) x = normal(random);
  }
  return out;
}

// The ids of the k nearest accepted vectors by exact distance.
std::vector<uint32_t> Exact(Metric metric, const Vectors& data, const std::vector<float>& q, int k,
                            const std::function<bool(uint32_t)>& accept = {}) {
  std::vector<Neighbor> all;
  for (uint32_t i = 0; i < data.size(); ++i) {
    if (!accept || accept(i)) all.push_back({i, Distance(metric, q, data[i])});
  }
  std::partial_sort(all.begin(), all.begin() + k, all.end(),
                    [](const Neighbor& a, const Neighbor& b) { return a.distance < b.distance; });
  std::vector<uint32_t> ids;
  for (int i = 0; i < k; ++i) ids.push_back(all[static_cast<size_t>(i)].node);
  return ids;
}

// Mean share of the exact top k that the graph's top k holds.
double Recall(const HnswGraph& graph, const Vectors& data, const Vectors& queries, int ef,
              const std::function<bool(uint32_t)>& accept = {}) {
  int hits = 0;
  for (const auto& q : queries) {
    std::vector<uint32_t> want = Exact(graph.metric(), data, q, kK, accept);
    std::vector<Neighbor> got = graph.Search(q, std::max(ef, kK), accept);
    std::set<uint32_t> top;
    for (size_t i = 0; i < got.size() && i < static_cast<size_t>(kK); ++i) top.insert(got[i].node);
    for (uint32_t id : want) hits += top.count(id) ? 1 : 0;
  }
  return static_cast<double>(hits) / (kK * static_cast<double>(queries.size()));
}

std::unique_ptr<HnswGraph> Build(Metric metric, const Vectors& data) {
  auto graph = std::make_unique<HnswGraph>(metric, 16, 64);
  for (const auto& v : data) graph->Insert(v);
  return graph;
}

}  // namespace

class HnswGraphTest : public QObject {
  Q_OBJECT

 private slots:
  void recallPerDistance_data() {
    QTest::addColumn<int>("metric");
    QTest::newRow("l2") << static_cast<int>(Metric::kL2);
    QTest::newRow("inner product") << static_cast<int>(Metric::kInnerProduct);
    QTest::newRow("cosine") << static_cast<int>(Metric::kCosine);
    QTest::newRow("l1") << static_cast<int>(Metric::kL1);
  }
  void recallPerDistance() {
    QFETCH(int, metric);
    const Vectors data = RandomVectors(kCount, 1);
    const Vectors queries = RandomVectors(kQueries, 2);
    auto graph = Build(static_cast<Metric>(metric), data);
    QCOMPARE(graph->size(), static_cast<size_t>(kCount));
    const double recall = Recall(*graph, data, queries, 100);
    qInfo("recall@10 at ef 100: %.3f", recall);
    QVERIFY2(recall >= 0.95, qPrintable(QString::number(recall)));
  }

  void widerSearchFindsMore() {
    const Vectors data = RandomVectors(kCount, 3);
    const Vectors queries = RandomVectors(kQueries, 4);
    auto graph = Build(Metric::kL2, data);
    const double narrow = Recall(*graph, data, queries, 10);
    const double wide = Recall(*graph, data, queries, 200);
    qInfo("recall@10: ef 10 %.3f, ef 200 %.3f", narrow, wide);
    QVERIFY(wide > narrow);
    QVERIFY(wide >= 0.98);
    // Results come nearest first, with the distances of the kernels.
    std::vector<Neighbor> got = graph->Search(queries[0], 40);
    QCOMPARE(got.size(), size_t{40});
    for (size_t i = 0; i < got.size(); ++i) {
      QCOMPARE(got[i].distance, Distance(Metric::kL2, queries[0], data[got[i].node]));
      if (i > 0) QVERIFY(got[i - 1].distance <= got[i].distance);
    }
  }

  void rejectedNodesAreSkipped() {
    const Vectors data = RandomVectors(kCount, 5);
    const Vectors queries = RandomVectors(kQueries, 6);
    auto graph = Build(Metric::kL2, data);
    // Two thirds of the nodes "deleted": the walk passes through them.
    auto alive = [](uint32_t node) { return node % 3 == 0; };
    for (const auto& q : queries) {
      for (const Neighbor& n : graph->Search(q, 40, alive)) QVERIFY(alive(n.node));
    }
    const double recall = Recall(*graph, data, queries, 100, alive);
    qInfo("recall@10 among live nodes: %.3f", recall);
    QVERIFY(recall >= 0.95);
    // All() lists every live node once, by distance.
    std::vector<Neighbor> all = graph->All(queries[0], alive);
    QCOMPARE(all.size(), static_cast<size_t>((kCount + 2) / 3));
    for (size_t i = 1; i < all.size(); ++i) QVERIFY(all[i - 1].distance <= all[i].distance);
  }

  void holdsComparesVectors() {
    HnswGraph graph(Metric::kL2, 4, 8);
    const std::vector<float> a = {1, 2, 3}, b = {1, 2, 4};
    const uint32_t id = graph.Insert(a);
    QVERIFY(graph.Holds(id, a));
    QVERIFY(!graph.Holds(id, b));
    QVERIFY(!graph.Holds(id, std::vector<float>{1, 2}));
    QVERIFY(HnswGraph(Metric::kL2, 4, 8).Search(a, 10).empty());
  }

  void concurrentInsertsAndSearches() {
    constexpr int kWriters = 3, kPerWriter = 700;
    const Vectors data = RandomVectors(kWriters * kPerWriter, 7);
    const Vectors queries = RandomVectors(20, 8);
    HnswGraph graph(Metric::kCosine, 8, 32);
    std::atomic<bool> done{false};
    std::atomic<int> searches{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
      threads.emplace_back([&, w] {
        for (int i = 0; i < kPerWriter; ++i) graph.Insert(data[static_cast<size_t>(w * kPerWriter + i)]);
      });
    }
    std::vector<std::thread> readers;
    for (int r = 0; r < 2; ++r) {
      readers.emplace_back([&] {
        while (!done) {
          for (const auto& q : queries) {
            std::vector<Neighbor> got = graph.Search(q, 20);
            for (size_t i = 1; i < got.size(); ++i) {
              if (got[i - 1].distance > got[i].distance) qFatal("unordered search result");
            }
            ++searches;
          }
        }
      });
    }
    for (auto& t : threads) t.join();
    done = true;
    for (auto& t : readers) t.join();
    QVERIFY(searches > 0);
    QCOMPARE(graph.size(), data.size());
    // Every vector is reachable: each one's own search finds it first.
    int found = 0;
    for (uint32_t i = 0; i < data.size(); ++i) {
      std::vector<Neighbor> got = graph.Search(data[i], 10);
      found += !got.empty() && graph.Holds(got[0].node, data[i]) ? 1 : 0;
    }
    QVERIFY2(found >= static_cast<int>(data.size()) * 99 / 100, qPrintable(QString::number(found)));
  }
};

}  // namespace db9::catalog::hnsw

QTEST_GUILESS_MAIN(db9::catalog::hnsw::HnswGraphTest)
#include "hnsw_graph_test.moc"

#include "daemon/catalog/hnsw/hnsw_method.h"

#include "daemon/catalog/row_keys.h"
#include "daemon/types/vector_value.h"

namespace db9::catalog::hnsw {
namespace {

constexpr std::string_view kName = "hnsw";
constexpr int kDefaultM = 16;
constexpr int kDefaultEfConstruction = 64;

// pgvector's operator classes of vector, with fixed OIDs of ours (pgvector's
// are assigned at CREATE EXTENSION). Each is its own family. None is the
// default: pgvector makes CREATE INDEX ... USING hnsw name the distance, so
// a dump loads into PostgreSQL only if it does too.
constexpr OperatorClass kOpClasses[] = {
    {12110, "vector_l2_ops", types::oid::kVector, 12114, false},
    {12111, "vector_ip_ops", types::oid::kVector, 12115, false},
    {12112, "vector_cosine_ops", types::oid::kVector, 12116, false},
    {12113, "vector_l1_ops", types::oid::kVector, 12117, false},
};
constexpr Metric kMetrics[] = {Metric::kL2, Metric::kInnerProduct, Metric::kCosine, Metric::kL1};

class HnswMethod final : public IndexMethod {
 public:
  std::string_view name() const override { return kName; }
  Oid oid() const override { return 12118; }
  bool supports_unique() const override { return false; }
  bool supports_ordered_scans() const override { return false; }
  std::span<const OperatorClass> operator_classes() const override { return kOpClasses; }

  Status CheckOption(std::string_view option, std::string_view value) const override {
    if (option == "m") return CheckIntegerOption(option, value, 2, 100);
    if (option == "ef_construction") return CheckIntegerOption(option, value, 4, 1000);
    return UnrecognizedOption(option);
  }

  // pgvector's build-time checks, with its messages (its elog()s are XX000).
  Status CheckIndex(const Table& table, const Index& index) const override {
    if (index.columns.size() != 1) {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "access method \"hnsw\" does not support multicolumn indexes");
    }
    const Column* column = table.ColumnByAttnum(index.columns[0].attnum);
    if (column == nullptr || column->typmod < 0) {
      return Status::Error(sqlstate::kInternalError, "column does not have dimensions");
    }
    if (column->typmod > kMaxIndexDims) {
      return Status::Error(sqlstate::kInternalError,
                           "column cannot have more than " + std::to_string(kMaxIndexDims) +
                               " dimensions for hnsw index");
    }
    if (IndexIntegerOption(index, "ef_construction", kDefaultEfConstruction) <
        2 * IndexIntegerOption(index, "m", kDefaultM)) {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           "ef_construction must be greater than or equal to 2 * m");
    }
    return Status::OK();
  }

  // One entry per row, NULL vectors included (with an empty value) so that
  // an ordered scan can still return their rows last.
  Status EntriesForRow(const types::TypeRegistry&, const Index& index,
                       const std::vector<types::Value>& indexed_values,
                       std::string_view row_key_suffix,
                       std::vector<std::pair<std::string, std::string>>* out) const override {
    std::string key = IndexKeyPrefix(index.oid);
    key.append(row_key_suffix);
    const types::Value& v = indexed_values.at(0);
    out->emplace_back(std::move(key), v.is_null() ? std::string() : v.as_string());
    return Status::OK();
  }

  Status EntriesWritten(Catalog& catalog, const Index& index,
                        const std::vector<std::pair<std::string, std::string>>& entries) const override {
    std::shared_ptr<HnswIndex> graph = OpenIndex(catalog, index);
    if (graph == nullptr) return Status::OK();
    const size_t prefix = IndexKeyPrefix(index.oid).size();
    for (const auto& [key, value] : entries) graph->Add(std::string_view(key).substr(prefix), value);
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<IndexMethod> MakeHnswMethod() { return std::make_unique<HnswMethod>(); }

std::optional<Metric> IndexMetric(const Index& index) {
  if (index.access_method != kName || index.columns.size() != 1) return std::nullopt;
  const std::string& opclass = index.columns[0].opclass;
  for (size_t i = 0; i < std::size(kOpClasses); ++i) {
    // An empty name is the default class (indexes stored before classes were).
    if (opclass == kOpClasses[i].name || (opclass.empty() && kOpClasses[i].is_default)) {
      return kMetrics[i];
    }
  }
  return std::nullopt;
}

std::string_view MetricOperator(Metric metric) {
  switch (metric) {
    case Metric::kL2: return "<->";
    case Metric::kInnerProduct: return "<#>";
    case Metric::kCosine: return "<=>";
    case Metric::kL1: return "<+>";
  }
  return "";
}

std::shared_ptr<HnswIndex> OpenIndex(Catalog& catalog, const Index& index) {
  const std::optional<Metric> metric = IndexMetric(index);
  if (!metric) return nullptr;
  auto& indexes = static_cast<HnswIndexes&>(
      catalog.MethodState(kName, [] { return std::make_unique<HnswIndexes>(); }));
  return indexes.For(index, *metric,
                     static_cast<int>(IndexIntegerOption(index, "m", kDefaultM)),
                     static_cast<int>(IndexIntegerOption(index, "ef_construction", kDefaultEfConstruction)));
}

}  // namespace db9::catalog::hnsw

// The B-tree access method: order-preserving index keys (index_method.h has
// the layout).
#include "daemon/catalog/index_method.h"
#include "daemon/catalog/row_keys.h"
#include "daemon/types/vector_value.h"

namespace db9::catalog {
namespace {

// The default B-tree operator classes of the built-in types, with
// PostgreSQL 15's OIDs and names (pg_opclass.dat): pg_index.indclass points
// at them and SQLAlchemy's index reflection reads opcname / opcdefault.
constexpr OperatorClass kBtreeOpClasses[] = {
    {10003, "bool_ops", 16, 424, true},        {10006, "bytea_ops", 17, 428, true},
    {10007, "char_ops", 18, 429, true},        {10028, "name_ops", 19, 1994, true},
    {3124, "int8_ops", 20, 1976, true},        {1979, "int2_ops", 21, 1976, true},
    {1978, "int4_ops", 23, 1976, true},        {3126, "text_ops", 25, 1994, true},
    {1981, "oid_ops", 26, 1989, true},         {10012, "float4_ops", 700, 1970, true},
    {3123, "float8_ops", 701, 1970, true},     {10004, "bpchar_ops", 1042, 426, true},
    {3122, "date_ops", 1082, 434, true},       {10038, "time_ops", 1083, 1996, true},
    {3128, "timestamp_ops", 1114, 434, true},  {3127, "timestamptz_ops", 1184, 434, true},
    {10022, "interval_ops", 1186, 1982, true}, {3125, "numeric_ops", 1700, 1988, true},
    {10000, "array_ops", 2277, 397, true},     {10065, "uuid_ops", 2950, 2968, true},
    {10088, "jsonb_ops", 3802, 4033, true},    {10002, "bit_ops", 1560, 423, true},
    // pgvector's vector_ops; an extension's OIDs are not fixed, so db9's are
    // its own, next to the vector type's (vector_value.h).
    {types::oid::kVectorBtreeOpClass, "vector_ops", types::oid::kVector,
     types::oid::kVectorBtreeOpFamily, true},
};

class BtreeMethod final : public IndexMethod {
 public:
  std::string_view name() const override { return "btree"; }
  Oid oid() const override { return 403; }
  bool supports_unique() const override { return true; }
  bool supports_ordered_scans() const override { return true; }
  std::span<const OperatorClass> operator_classes() const override { return kBtreeOpClasses; }

  // PostgreSQL's B-tree options; both only tune its page layout, which a
  // LevelDB-backed index does not have, so they are checked and kept for
  // pg_class.reloptions and dumps.
  Status CheckOption(std::string_view option, std::string_view value) const override {
    if (option == "fillfactor") return CheckIntegerOption(option, value, 10, 100);
    if (option == "deduplicate_items") return CheckBooleanOption(option, value);
    return UnrecognizedOption(option);
  }

  Status EntriesForRow(const types::TypeRegistry& types, const Index& index,
                       const std::vector<types::Value>& indexed_values,
                       std::string_view row_key_suffix,
                       std::vector<std::pair<std::string, std::string>>* out) const override {
    std::string key = IndexKeyPrefix(index.oid);
    bool any_null = false;
    DB9_RETURN_IF_ERROR(AppendIndexValues(types, index, indexed_values, &key, &any_null));
    // A unique entry without NULLs is keyed by the values alone (see the
    // header); NULLs never conflict, so those entries get the row key too.
    if (!index.unique || any_null) key.append(row_key_suffix);
    out->emplace_back(std::move(key), std::string(row_key_suffix));
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<IndexMethod> MakeBtreeMethod() { return std::make_unique<BtreeMethod>(); }

}  // namespace db9::catalog

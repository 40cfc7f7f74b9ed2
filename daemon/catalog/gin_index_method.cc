// The GIN access method: one entry per distinct term of a row's value, so
// that the rows holding a term are one key range (gin_keys.h has the terms
// and the layout). Multicolumn indexes keep each column's terms apart by
// the column number in the key. Not unique, not ordered: the planner uses
// it only through gin_path.h, and every match is re-checked on the row.
#include "daemon/catalog/gin_keys.h"
#include "daemon/catalog/index_method.h"

namespace db9::catalog {
namespace {

// PostgreSQL 15's GIN operator classes for the types we index
// (pg_opclass.dat: oid, name, input type, family, default).
constexpr OperatorClass kGinOpClasses[] = {
    {10064, "array_ops", types::oid::kAnyArray, 2745, true},
    {10090, "jsonb_ops", types::oid::kJsonb, 4036, true},
    {10091, "jsonb_path_ops", types::oid::kJsonb, 4037, false},
};

class GinMethod final : public IndexMethod {
 public:
  std::string_view name() const override { return "gin"; }
  Oid oid() const override { return 2742; }
  bool supports_unique() const override { return false; }
  bool supports_ordered_scans() const override { return false; }
  std::span<const OperatorClass> operator_classes() const override { return kGinOpClasses; }

  // Both options tune PostgreSQL's pending list (new entries buffered
  // before they join the main tree). Entries here go straight into the KV
  // store with the row, so they are checked and kept for pg_class.reloptions
  // and dumps, and change nothing.
  Status CheckOption(std::string_view option, std::string_view value) const override {
    if (option == "fastupdate") return CheckBooleanOption(option, value);
    if (option == "gin_pending_list_limit") return CheckIntegerOption(option, value, 64, 2147483647);
    return UnrecognizedOption(option);
  }

  Status EntriesForRow(const types::TypeRegistry& types, const Index& index,
                       const std::vector<types::Value>& indexed_values,
                       std::string_view row_key_suffix,
                       std::vector<std::pair<std::string, std::string>>* out) const override {
    std::vector<std::string> terms;
    for (size_t column = 0; column < indexed_values.size() && column < index.columns.size(); ++column) {
      const types::Value& value = indexed_values[column];
      if (value.is_null()) continue;  // NULL yields no entries, as in PostgreSQL
      DB9_RETURN_IF_ERROR(gin::ValueTerms(types, OperatorClassOf(index.columns[column], value.type()),
                                          value, &terms));
      for (const std::string& term : terms) {
        std::string key = gin::TermKeyPrefix(index.oid, column, term);
        key.append(row_key_suffix);
        out->emplace_back(std::move(key), std::string(row_key_suffix));
      }
    }
    return Status::OK();
  }

 private:
  // CREATE INDEX always records the class; the fallback keeps a column
  // without one readable.
  static std::string_view OperatorClassOf(const IndexColumn& column, Oid type) {
    if (!column.opclass.empty()) return column.opclass;
    return type == types::oid::kJsonb ? "jsonb_ops" : "array_ops";
  }
};

}  // namespace

std::unique_ptr<IndexMethod> MakeGinMethod() { return std::make_unique<GinMethod>(); }

}  // namespace db9::catalog

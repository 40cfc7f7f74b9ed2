// Rows and index entries as KV pairs (docs/storage-format.md, "Rows and
// indexes"):
//
//   row:          kTable prefix(table oid) + primary key   -> EncodeRow(values)
//   primary key:  each PK column's type key_encode (NOT NULL, so no marker),
//                 or, for a table without one, a hidden uint64 row id
//   index entry:  kIndex prefix(index oid) + per column (NULL marker + value)
//                 [+ primary key]                          -> primary key
//
// Row values carry each column's attnum, so ADD/DROP COLUMN need no rewrite:
// a column missing from a stored row reads as NULL, an unknown attnum (a
// dropped column) is skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "daemon/catalog/catalog_objects.h"
#include "daemon/storage/encoding/key_encoding.h"
#include "daemon/types/type_registry.h"
#include "shared/base/result.h"

namespace db9::catalog {

inline keyenc::Direction KeyDirection(bool descending) {
  return descending ? keyenc::Direction::kDescending : keyenc::Direction::kAscending;
}

std::string TableKeyPrefix(Oid table_oid);
std::string IndexKeyPrefix(Oid index_oid);

// Appends the row's primary-key encoding (the part of the row key after the
// table prefix). `row` holds the values in Table::columns order. REQUIRES:
// the table has a primary key and its values are not NULL.
Status AppendPrimaryKey(const types::TypeRegistry& types, const Table& table,
                        const std::vector<types::Value>& row, std::string* out);
// The primary-key encoding of a hidden row id.
std::string RowIdKeySuffix(uint64_t row_id);

// Appends the index columns' values (in index order) as NULL marker + key.
// Sets *any_null when one is NULL.
Status AppendIndexValues(const types::TypeRegistry& types, const Index& index,
                         const std::vector<types::Value>& values, std::string* out,
                         bool* any_null);
// The values of `index`'s columns taken from a full row.
std::vector<types::Value> IndexValuesOfRow(const Table& table, const Index& index,
                                           const std::vector<types::Value>& row);

std::string EncodeRow(const Table& table, const std::vector<types::Value>& row);
// XX001 when the bytes are not a row.
Result<std::vector<types::Value>> DecodeRow(const Table& table, std::string_view data);
// The columns a reader needs: one flag per table column. Rows store their
// columns in order, so decoding stops after the last needed one.
struct ColumnSelection {
  explicit ColumnSelection(const std::vector<bool>& needed);
  // Decodes only the table columns `sources`, column sources[k] into position
  // k of the row: a scan that feeds a select list of plain columns decodes
  // straight into it. REQUIRES: no column twice.
  static ColumnSelection Into(const Table& table, const std::vector<int>& sources);
  // The flags for `table`'s full-width rows, with stored_order: what a scan
  // that emits whole rows decodes with.
  static ColumnSelection Of(const Table& table, const std::vector<bool>& needed);

  bool Needs(size_t column) const { return flags[column] != 0; }
  // Where table column `column` goes in the decoded row (-1: nowhere).
  int Position(size_t column) const {
    return positions.empty() ? static_cast<int>(column) : positions[column];
  }
  // Bytes, not bits: decoding asks once per column of every row.
  std::vector<uint8_t> flags;
  size_t end = 0;  // one past the last needed position
  // With Into: each table column's position in the row (-1: not decoded).
  // Empty: column i at position i of a full row.
  std::vector<int> positions;
  size_t width = 0;  // of the decoded row, with Into or Of
  // With Into or Of: the table columns up to the last needed one, as a row
  // that stores each of them (no NULL among them, no column dropped between
  // them) holds them; such a row decodes in one pass without lookups.
  struct Step {
    uint64_t attnum;
    int at;  // position in the row, -1: none
    bool keep;  // decoded into `at`; else skipped, and `at` (if any) NULL
    Oid type;
  };
  std::vector<Step> stored_order;

 private:
  void ListStoredOrder(const Table& table);
};
// The same into *row, reusing its storage (scans decode row after row).
// With `needed`, columns not needed read as NULL and cost no copy (or, with
// ColumnSelection::Into, are left out): a scan decodes only what its query
// refers to.
Status DecodeRowInto(const Table& table, std::string_view data, std::vector<types::Value>* row,
                     const ColumnSelection* needed = nullptr);

}  // namespace db9::catalog

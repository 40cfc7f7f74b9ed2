// StagedEdits: changes made in the rows grid and not yet applied — changed
// cells and deleted rows of loaded rows (addressed by their primary key
// values, so they survive re-sorting and paging), and new rows. toStatements()
// turns them into parameterized statements for db.execute, which runs them in
// one transaction: values are bound parameters, never spliced into SQL.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "shared/control/types.h"
#include "shared/base/sql_identifier.h"

namespace db9::gui {

// A cell value in PostgreSQL text form; nullopt is SQL NULL.
using CellValue = std::optional<std::string>;
// A loaded row's primary-key values, in key order.
using RowKey = std::vector<CellValue>;

// The table the statements are for.
struct EditTarget {
  std::string schema;
  std::string table;
  std::vector<std::string> columns;  // names, in grid order
  std::vector<int> keyColumns;       // indices into `columns`, key order
};

class StagedEdits {
 public:
  // A new row's cells: nullopt leaves the column to its DEFAULT.
  using NewRow = std::vector<std::optional<CellValue>>;

  void setCell(const RowKey& key, int column, const CellValue& value, const CellValue& original);
  // The staged value of a loaded row's cell, if it was changed.
  std::optional<CellValue> cell(const RowKey& key, int column) const;
  void setDeleted(const RowKey& key, bool deleted);
  bool isDeleted(const RowKey& key) const;

  // Appends a new row of `columnCount` DEFAULT cells; returns its index.
  int addRow(int columnCount);
  void setNewCell(int row, int column, const CellValue& value);
  void removeNewRow(int row);
  const std::vector<NewRow>& newRows() const { return newRows_; }

  // Rows touched: changed rows + deleted rows + new rows.
  int changeCount() const;
  bool empty() const { return changeCount() == 0; }
  void clear();

  // Deletes first, then updates, then inserts (so deleting a row and adding
  // one with its key works); each must affect exactly one row.
  std::vector<control::ParameterizedStatement> toStatements(const EditTarget& target) const;

 private:
  std::map<RowKey, std::map<int, CellValue>> updates_;
  std::set<RowKey> deleted_;
  std::vector<NewRow> newRows_;
};


}  // namespace db9::gui

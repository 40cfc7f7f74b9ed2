#include "gui/models/staged_edits.h"

namespace db9::gui {

namespace {

std::string Placeholder(size_t n) { return "$" + std::to_string(n); }

std::string QualifiedName(const EditTarget& target) {
  return QuoteIdentifier(target.schema) + "." + QuoteIdentifier(target.table);
}

// " WHERE "k1" = $n AND "k2" = $n+1", appending the key values to `params`.
std::string WhereKey(const EditTarget& target, const RowKey& key, std::vector<CellValue>& params) {
  std::string where = " WHERE ";
  for (size_t i = 0; i < target.keyColumns.size(); ++i) {
    if (i > 0) where += " AND ";
    params.push_back(i < key.size() ? key[i] : std::nullopt);
    where += QuoteIdentifier(target.columns[static_cast<size_t>(target.keyColumns[i])]) + " = " +
             Placeholder(params.size());
  }
  return where;
}

}  // namespace

void StagedEdits::setCell(const RowKey& key, int column, const CellValue& value,
                          const CellValue& original) {
  auto& row = updates_[key];
  if (value == original) {
    row.erase(column);  // edited back: nothing to apply
    if (row.empty()) updates_.erase(key);
  } else {
    row[column] = value;
  }
}

std::optional<CellValue> StagedEdits::cell(const RowKey& key, int column) const {
  auto row = updates_.find(key);
  if (row == updates_.end()) return std::nullopt;
  auto it = row->second.find(column);
  if (it == row->second.end()) return std::nullopt;
  return it->second;
}

void StagedEdits::setDeleted(const RowKey& key, bool deleted) {
  if (deleted) {
    deleted_.insert(key);
  } else {
    deleted_.erase(key);
  }
}

bool StagedEdits::isDeleted(const RowKey& key) const { return deleted_.count(key) > 0; }

int StagedEdits::addRow(int columnCount) {
  newRows_.emplace_back(static_cast<size_t>(columnCount));
  return static_cast<int>(newRows_.size()) - 1;
}

void StagedEdits::setNewCell(int row, int column, const CellValue& value) {
  if (row < 0 || row >= static_cast<int>(newRows_.size())) return;
  auto& cells = newRows_[static_cast<size_t>(row)];
  if (column < 0 || column >= static_cast<int>(cells.size())) return;
  cells[static_cast<size_t>(column)] = value;
}

void StagedEdits::removeNewRow(int row) {
  if (row >= 0 && row < static_cast<int>(newRows_.size())) newRows_.erase(newRows_.begin() + row);
}

int StagedEdits::changeCount() const {
  int count = static_cast<int>(deleted_.size() + newRows_.size());
  for (const auto& [key, cells] : updates_) {
    if (!deleted_.count(key)) ++count;
  }
  return count;
}

void StagedEdits::clear() {
  updates_.clear();
  deleted_.clear();
  newRows_.clear();
}

std::vector<control::ParameterizedStatement> StagedEdits::toStatements(const EditTarget& target) const {
  std::vector<control::ParameterizedStatement> out;
  const std::string table = QualifiedName(target);
  for (const RowKey& key : deleted_) {
    control::ParameterizedStatement statement;
    statement.sql = "DELETE FROM " + table + WhereKey(target, key, statement.params);
    statement.expected_rows = 1;
    out.push_back(std::move(statement));
  }
  for (const auto& [key, cells] : updates_) {
    if (deleted_.count(key) || cells.empty()) continue;
    control::ParameterizedStatement statement;
    std::string set;
    for (const auto& [column, value] : cells) {
      if (!set.empty()) set += ", ";
      statement.params.push_back(value);
      set += QuoteIdentifier(target.columns[static_cast<size_t>(column)]) + " = " +
             Placeholder(statement.params.size());
    }
    statement.sql = "UPDATE " + table + " SET " + set + WhereKey(target, key, statement.params);
    statement.expected_rows = 1;
    out.push_back(std::move(statement));
  }
  for (const NewRow& row : newRows_) {
    control::ParameterizedStatement statement;
    std::string names, values;
    for (size_t column = 0; column < row.size(); ++column) {
      if (!row[column]) continue;  // DEFAULT
      if (!names.empty()) {
        names += ", ";
        values += ", ";
      }
      statement.params.push_back(*row[column]);
      names += QuoteIdentifier(target.columns[column]);
      values += Placeholder(statement.params.size());
    }
    statement.sql = names.empty() ? "INSERT INTO " + table + " DEFAULT VALUES"
                                  : "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")";
    statement.expected_rows = 1;
    out.push_back(std::move(statement));
  }
  return out;
}

}  // namespace db9::gui

#include "daemon/sql/exec/table_writer.h"

#include <algorithm>

#include "daemon/catalog/index_method.h"
#include "daemon/catalog/row_keys.h"
#include "daemon/sql/exec/group_key.h"
#include "daemon/sql/exec/scan_ops.h"
#include "daemon/storage/encoding/key_encoding.h"

namespace db9::sql {
namespace {

std::string ValueText(ExecContext& ctx, const Value& v) {
  if (v.is_null()) return "null";
  Result<std::string> text = types::FormatText(ctx.types(), v, *ctx.fn.io);
  return text.ok() ? *text : "?";
}

std::string FailingRow(ExecContext& ctx, const Row& row) {
  std::string out = "Failing row contains (";
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out += ", ";
    out += ValueText(ctx, row[i]);
  }
  return out + ").";
}

const catalog::Constraint* ConstraintOfIndex(const catalog::Table& table, Oid index_oid) {
  for (const catalog::Constraint& c : table.constraints) {
    if (c.index_oid == index_oid) return &c;
  }
  return nullptr;
}

std::vector<int16_t> IndexAttnums(const catalog::Index& index) {
  std::vector<int16_t> out;
  for (const catalog::IndexColumn& c : index.columns) out.push_back(c.attnum);
  return out;
}

Status UniqueViolation(ExecContext& ctx, const catalog::Table& table, const catalog::Index& index,
                       const Row& row) {
  const catalog::Constraint* c = ConstraintOfIndex(table, index.oid);
  std::string name = c ? c->name : index.name;
  return Status::Error(sqlstate::kUniqueViolation,
                       "duplicate key value violates unique constraint \"" + name + "\"")
      .WithDetail(KeyDetail(ctx, table, IndexAttnums(index), row) + " already exists.");
}

// The pseudo-sequence behind a table's hidden row ids.
catalog::Sequence RowIdSequence(const catalog::Table& table) {
  catalog::Sequence seq;
  seq.oid = table.oid;
  seq.name = table.name + " row id";
  return seq;
}

// The parent key (row key or unique-entry key) an FK's values point at.
Result<std::optional<std::string>> ParentKey(ExecContext& ctx, const catalog::Table& parent,
                                             const catalog::Constraint& fk,
                                             const std::vector<Value>& values) {
  for (const catalog::Index& index : parent.indexes) {
    if (!index.unique || index.columns.size() != fk.ref_columns.size()) continue;
    std::vector<Value> ordered;
    bool match = true;
    for (const catalog::IndexColumn& ic : index.columns) {
      size_t j = 0;
      while (j < fk.ref_columns.size() && fk.ref_columns[j] != ic.attnum) ++j;
      if (j == fk.ref_columns.size()) {
        match = false;
        break;
      }
      Oid type = parent.ColumnByAttnum(ic.attnum)->type;
      DB9_ASSIGN_OR_RETURN(std::optional<Value> v, ToKeyType(ctx, values[j], type));
      if (!v) return std::optional<std::string>(std::string());  // cannot exist
      ordered.push_back(std::move(*v));
    }
    if (!match) continue;
    std::string key;
    if (index.primary) {
      key = catalog::TableKeyPrefix(parent.oid);
      for (size_t i = 0; i < ordered.size(); ++i) {
        const types::TypeInfo* info = ctx.types().Find(ordered[i].type());
        info->key_encode(*info, ordered[i], catalog::KeyDirection(index.columns[i].descending), &key);
      }
    } else {
      key = catalog::IndexKeyPrefix(index.oid);
      bool any_null = false;
      DB9_RETURN_IF_ERROR(catalog::AppendIndexValues(ctx.types(), index, ordered, &key, &any_null));
    }
    return std::optional<std::string>(std::move(key));
  }
  return std::optional<std::string>();
}

// The registered access method an index was made with.
Result<const catalog::IndexMethod*> MethodOf(const catalog::Index& index) {
  const catalog::IndexMethod* method = catalog::IndexMethodRegistry::Global().Find(index.access_method);
  if (method == nullptr) {
    return Status::Error(sqlstate::kUndefinedObject,
                         "access method \"" + index.access_method + "\" does not exist");
  }
  return method;
}

}  // namespace

std::string KeyDetail(ExecContext& ctx, const catalog::Table& table,
                      const std::vector<int16_t>& attnums, const Row& row) {
  std::string names, values;
  for (size_t i = 0; i < attnums.size(); ++i) {
    if (i) {
      names += ", ";
      values += ", ";
    }
    int pos = table.ColumnIndex(attnums[i]);
    names += pos >= 0 ? table.columns[pos].name : "?";
    values += pos >= 0 ? ValueText(ctx, row[pos]) : "?";
  }
  return "Key (" + names + ")=(" + values + ")";
}

Result<std::string> TableWriter::RowKeyFor(const Row& row) {
  const catalog::Table& table = *target_.table;
  std::string key = catalog::TableKeyPrefix(table.oid);
  if (table.primary_key() != nullptr) {
    DB9_RETURN_IF_ERROR(catalog::AppendPrimaryKey(ctx_.types(), table, row, &key));
  } else {
    DB9_ASSIGN_OR_RETURN(int64_t id, ctx_.sequences->NextValue(RowIdSequence(table)));
    key += catalog::RowIdKeySuffix(static_cast<uint64_t>(id));
  }
  return key;
}

Status TableWriter::CheckRow(const Row& row) {
  const catalog::Table& table = *target_.table;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].not_null && row[i].is_null()) {
      return Status::Error(sqlstate::kNotNullViolation,
                           "null value in column \"" + table.columns[i].name + "\" of relation \"" +
                               table.name + "\" violates not-null constraint")
          .WithDetail(FailingRow(ctx_, row));
    }
  }
  for (const BoundCheck& check : target_.checks) {
    DB9_ASSIGN_OR_RETURN(Value v, check.expr->Eval(ctx_, row));
    if (!v.is_null() && !v.as_bool()) {
      return Status::Error(sqlstate::kCheckViolation,
                           "new row for relation \"" + table.name +
                               "\" violates check constraint \"" + check.constraint->name + "\"")
          .WithDetail(FailingRow(ctx_, row));
    }
  }
  return Status::OK();
}

Status TableWriter::CheckOutgoingForeignKeys(const Row& row, const Row* old_row) {
  const catalog::Table& table = *target_.table;
  for (const catalog::Constraint& fk : table.constraints) {
    if (fk.type != catalog::ConstraintType::kForeignKey) continue;
    std::vector<Value> values;
    bool any_null = false, changed = old_row == nullptr;
    for (int16_t attnum : fk.columns) {
      int pos = table.ColumnIndex(attnum);
      values.push_back(row[pos]);
      any_null |= row[pos].is_null();
      if (old_row != nullptr) {
        std::string a, b;
        DB9_RETURN_IF_ERROR(AppendGroupKey(ctx_.types(), row[pos], &a));
        DB9_RETURN_IF_ERROR(AppendGroupKey(ctx_.types(), (*old_row)[pos], &b));
        changed |= a != b;
      }
    }
    if (any_null || !changed) continue;  // MATCH SIMPLE: a NULL column satisfies the key
    const catalog::Table* parent = ctx_.catalog->TableByOid(fk.ref_table);
    if (parent == nullptr) continue;
    DB9_ASSIGN_OR_RETURN(std::optional<std::string> key, ParentKey(ctx_, *parent, fk, values));
    bool present = false;
    if (key && !key->empty()) {
      // Reading the latest version under lock keeps a concurrent DELETE of
      // the parent from slipping past this check.
      DB9_ASSIGN_OR_RETURN(mvcc::LockResult lock, ctx_.txn->LockForWrite(*key));
      present = lock.latest.has_value();
    }
    if (!present) {
      return Status::Error(sqlstate::kForeignKeyViolation,
                           "insert or update on table \"" + table.name +
                               "\" violates foreign key constraint \"" + fk.name + "\"")
          .WithDetail(KeyDetail(ctx_, table, fk.columns, row) + " is not present in table \"" +
                      parent->name + "\".");
    }
  }
  return Status::OK();
}

Status TableWriter::WriteIndexEntries(const Row& row, std::string_view suffix) {
  const catalog::Table& table = *target_.table;
  std::vector<std::pair<std::string, std::string>> entries;
  for (const catalog::Index& index : table.indexes) {
    if (index.primary) continue;
    DB9_ASSIGN_OR_RETURN(const catalog::IndexMethod* method, MethodOf(index));
    entries.clear();
    std::vector<Value> values = catalog::IndexValuesOfRow(table, index, row);
    DB9_RETURN_IF_ERROR(method->EntriesForRow(ctx_.types(), index, values, suffix, &entries));
    for (auto& [key, value] : entries) {
      if (index.unique) {
        DB9_ASSIGN_OR_RETURN(mvcc::LockResult lock, ctx_.txn->LockForInsert(key));
        if (lock.latest && *lock.latest != suffix) return UniqueViolation(ctx_, table, index, row);
      }
      DB9_RETURN_IF_ERROR(ctx_.txn->Put(key, value));
    }
    DB9_RETURN_IF_ERROR(method->EntriesWritten(*ctx_.catalog_store, index, entries));
  }
  return Status::OK();
}

Status DeleteIndexEntries(ExecContext& ctx_, const catalog::Table& table, const Row& row,
                          std::string_view suffix) {
  std::vector<std::pair<std::string, std::string>> entries;
  for (const catalog::Index& index : table.indexes) {
    if (index.primary) continue;
    const catalog::IndexMethod* method =
        catalog::IndexMethodRegistry::Global().Find(index.access_method);
    if (method == nullptr) continue;
    entries.clear();
    std::vector<Value> values = catalog::IndexValuesOfRow(table, index, row);
    DB9_RETURN_IF_ERROR(method->EntriesForRow(ctx_.types(), index, values, suffix, &entries));
    for (auto& entry : entries) DB9_RETURN_IF_ERROR(ctx_.txn->Delete(entry.first));
  }
  return Status::OK();
}

bool ConflictArbiters::Covers(Oid index_oid) const {
  return all || std::find(indexes.begin(), indexes.end(), index_oid) != indexes.end();
}

Result<InsertOutcome> TableWriter::Insert(const Row& row, const ConflictArbiters* arbiters) {
  const catalog::Table& table = *target_.table;
  DB9_RETURN_IF_ERROR(CheckRow(row));
  DB9_RETURN_IF_ERROR(CheckOutgoingForeignKeys(row, nullptr));
  DB9_ASSIGN_OR_RETURN(std::string key, RowKeyFor(row));
  std::string_view suffix = std::string_view(key).substr(keyenc::kKeyPrefixSize);
  // All entries are computed before anything is written, so that a conflict
  // reported to ON CONFLICT leaves no index entry behind.
  std::vector<std::pair<const catalog::Index*, std::vector<std::pair<std::string, std::string>>>>
      entries;
  for (const catalog::Index& index : table.indexes) {
    if (index.primary) continue;
    DB9_ASSIGN_OR_RETURN(const catalog::IndexMethod* method, MethodOf(index));
    entries.emplace_back(&index, std::vector<std::pair<std::string, std::string>>{});
    std::vector<Value> values = catalog::IndexValuesOfRow(table, index, row);
    DB9_RETURN_IF_ERROR(
        method->EntriesForRow(ctx_.types(), index, values, suffix, &entries.back().second));
  }
  // Uniqueness is decided under each key's write lock (a concurrent inserter
  // waits, then sees the committed row). Arbiters go first, as PostgreSQL
  // pre-checks them: a row conflicting on an arbiter takes the ON CONFLICT
  // action even if it would also violate another unique index.
  InsertOutcome outcome;
  auto conflict = [&](const catalog::Index& index, std::string row_key) -> Status {
    if (arbiters == nullptr || !arbiters->Covers(index.oid)) {
      return UniqueViolation(ctx_, table, index, row);
    }
    outcome.conflicting_row_key = std::move(row_key);
    outcome.conflicting_index = &index;
    return Status::OK();
  };
  for (bool arbiter_pass : {true, false}) {
    auto in_pass = [&](const catalog::Index& index) {
      return (arbiters != nullptr && arbiters->Covers(index.oid)) == arbiter_pass;
    };
    const catalog::Index* pk = table.primary_key();
    if (pk != nullptr && in_pass(*pk)) {
      // A concurrently committed duplicate is 23505 at every isolation level.
      DB9_ASSIGN_OR_RETURN(mvcc::LockResult lock, ctx_.txn->LockForInsert(key));
      if (lock.latest) {
        DB9_RETURN_IF_ERROR(conflict(*pk, key));
        return outcome;
      }
    }
    for (const auto& [index, list] : entries) {
      if (!index->unique || !in_pass(*index)) continue;
      for (const auto& entry : list) {
        // Any existing entry is another row's: this one is not stored yet
        // (an entry naming the same primary key is the row that key names).
        DB9_ASSIGN_OR_RETURN(mvcc::LockResult lock, ctx_.txn->LockForInsert(entry.first));
        if (lock.latest) {
          DB9_RETURN_IF_ERROR(conflict(*index, catalog::TableKeyPrefix(table.oid) + *lock.latest));
          return outcome;
        }
      }
    }
  }
  for (const auto& [index, list] : entries) {
    for (const auto& [entry_key, value] : list) DB9_RETURN_IF_ERROR(ctx_.txn->Put(entry_key, value));
    DB9_ASSIGN_OR_RETURN(const catalog::IndexMethod* method, MethodOf(*index));
    DB9_RETURN_IF_ERROR(method->EntriesWritten(*ctx_.catalog_store, *index, list));
  }
  DB9_RETURN_IF_ERROR(ctx_.txn->Put(key, catalog::EncodeRow(table, row)));
  outcome.inserted = true;
  outcome.row_key = std::move(key);
  return outcome;
}

Status TableWriter::Update(std::string_view row_key, const Row& old_row, const Row& new_row) {
  const catalog::Table& table = *target_.table;
  DB9_RETURN_IF_ERROR(CheckRow(new_row));
  DB9_RETURN_IF_ERROR(CheckOutgoingForeignKeys(new_row, &old_row));
  std::string new_key(row_key);
  if (table.primary_key() != nullptr) {
    new_key = catalog::TableKeyPrefix(table.oid);
    DB9_RETURN_IF_ERROR(catalog::AppendPrimaryKey(ctx_.types(), table, new_row, &new_key));
  }
  std::string_view old_suffix = row_key.substr(keyenc::kKeyPrefixSize);
  if (new_key != row_key) {
    // The primary key changed: the row moves. Rows referencing the old key
    // are handled as by a DELETE of it.
    DB9_RETURN_IF_ERROR(ApplyReferencingActions(ctx_, table, old_row, &new_row));
    DB9_RETURN_IF_ERROR(DeleteIndexEntries(ctx_, table, old_row, old_suffix));
    DB9_RETURN_IF_ERROR(ctx_.txn->Delete(row_key));
    DB9_ASSIGN_OR_RETURN(mvcc::LockResult lock, ctx_.txn->LockForInsert(new_key));
    if (lock.latest) return UniqueViolation(ctx_, table, *table.primary_key(), new_row);
    std::string_view suffix = std::string_view(new_key).substr(keyenc::kKeyPrefixSize);
    DB9_RETURN_IF_ERROR(WriteIndexEntries(new_row, suffix));
    return ctx_.txn->Put(new_key, catalog::EncodeRow(table, new_row));
  }
  // Same key: rewrite only the index entries whose values changed.
  bool referenced_columns_changed = false;
  for (const auto& [oid, other] : ctx_.catalog->tables()) {
    for (const catalog::Constraint& fk : other.constraints) {
      if (fk.type != catalog::ConstraintType::kForeignKey || fk.ref_table != table.oid) continue;
      for (int16_t attnum : fk.ref_columns) {
        int pos = table.ColumnIndex(attnum);
        std::string a, b;
        DB9_RETURN_IF_ERROR(AppendGroupKey(ctx_.types(), old_row[pos], &a));
        DB9_RETURN_IF_ERROR(AppendGroupKey(ctx_.types(), new_row[pos], &b));
        referenced_columns_changed |= a != b;
      }
    }
  }
  if (referenced_columns_changed) {
    DB9_RETURN_IF_ERROR(ApplyReferencingActions(ctx_, table, old_row, &new_row));
  }
  std::vector<std::pair<std::string, std::string>> old_entries, new_entries;
  for (const catalog::Index& index : table.indexes) {
    if (index.primary) continue;
    const catalog::IndexMethod* method =
        catalog::IndexMethodRegistry::Global().Find(index.access_method);
    if (method == nullptr) continue;
    old_entries.clear();
    new_entries.clear();
    DB9_RETURN_IF_ERROR(method->EntriesForRow(ctx_.types(), index,
                                              catalog::IndexValuesOfRow(table, index, old_row),
                                              old_suffix, &old_entries));
    DB9_RETURN_IF_ERROR(method->EntriesForRow(ctx_.types(), index,
                                              catalog::IndexValuesOfRow(table, index, new_row),
                                              old_suffix, &new_entries));
    if (old_entries == new_entries) continue;
    for (auto& entry : old_entries) DB9_RETURN_IF_ERROR(ctx_.txn->Delete(entry.first));
    for (auto& [key, value] : new_entries) {
      if (index.unique) {
        DB9_ASSIGN_OR_RETURN(mvcc::LockResult lock, ctx_.txn->LockForWrite(key));
        if (lock.latest && *lock.latest != old_suffix) {
          return UniqueViolation(ctx_, table, index, new_row);
        }
      }
      DB9_RETURN_IF_ERROR(ctx_.txn->Put(key, value));
    }
    DB9_RETURN_IF_ERROR(method->EntriesWritten(*ctx_.catalog_store, index, new_entries));
  }
  return ctx_.txn->Put(row_key, catalog::EncodeRow(table, new_row));
}

Status TableWriter::Delete(std::string_view row_key, const Row& old_row) {
  DB9_RETURN_IF_ERROR(ApplyReferencingActions(ctx_, *target_.table, old_row, nullptr));
  return RemoveRowAndEntries(ctx_, *target_.table, row_key, old_row);
}

Status RemoveRowAndEntries(ExecContext& ctx, const catalog::Table& table,
                           std::string_view row_key, const Row& row) {
  DB9_RETURN_IF_ERROR(DeleteIndexEntries(ctx, table, row, row_key.substr(keyenc::kKeyPrefixSize)));
  return ctx.txn->Delete(row_key);
}

}  // namespace db9::sql

// Row data work done by DDL: building indexes, deleting a table's keys,
// re-keying rows when a primary key is added.
#include "daemon/catalog/index_method.h"
#include "daemon/catalog/row_keys.h"
#include "daemon/sql/session/ddl_executor.h"
#include "daemon/storage/encoding/key_encoding.h"

namespace db9::sql {

std::unique_ptr<ExecContext> DdlExecutor::NewContext() { return session_.NewExecContext(nullptr); }

Status DdlExecutor::ForEachRow(const catalog::Table& table,
                               const std::function<Status(const std::string&, Row&)>& fn) {
  // Collect first: `fn` may write to the same key range.
  std::string prefix = catalog::TableKeyPrefix(table.oid);
  std::string end = keyenc::PrefixSuccessor(prefix);
  std::vector<std::pair<std::string, std::string>> rows;
  std::unique_ptr<kv::Iterator> it = txn().NewIterator();
  for (it->Seek(prefix); it->Valid() && it->key() < std::string_view(end); it->Next()) {
    rows.emplace_back(std::string(it->key()), std::string(it->value()));
  }
  DB9_RETURN_IF_ERROR(it->status());
  uint64_t n = 0;
  for (auto& [key, value] : rows) {
    if ((++n & 1023) == 0 && session_.cancel_.load()) {
      return Status::Error(sqlstate::kQueryCanceled, "canceling statement due to user request");
    }
    DB9_ASSIGN_OR_RETURN(Row row, catalog::DecodeRow(table, value));
    DB9_RETURN_IF_ERROR(fn(key, row));
  }
  return Status::OK();
}

Status DdlExecutor::BuildIndex(const catalog::Table& table, const catalog::Index& index) {
  const catalog::IndexMethod* method = catalog::IndexMethodRegistry::Global().Find(index.access_method);
  if (method == nullptr) {
    return Status::Error(sqlstate::kUndefinedObject,
                         "access method \"" + index.access_method + "\" does not exist");
  }
  std::unique_ptr<ExecContext> ctx = NewContext();
  std::vector<std::pair<std::string, std::string>> entries;
  const types::TypeRegistry& types = session_.db_.registries().types;
  return ForEachRow(table, [&](const std::string& key, Row& row) -> Status {
    entries.clear();
    std::string_view suffix = std::string_view(key).substr(keyenc::kKeyPrefixSize);
    DB9_RETURN_IF_ERROR(method->EntriesForRow(types, index, catalog::IndexValuesOfRow(table, index, row),
                                              suffix, &entries));
    for (auto& [entry_key, entry_value] : entries) {
      if (index.unique) {
        DB9_ASSIGN_OR_RETURN(mvcc::LockResult lock, txn().LockForWrite(entry_key));
        if (lock.latest && *lock.latest != suffix) {
          std::vector<int16_t> attnums;
          for (const catalog::IndexColumn& c : index.columns) attnums.push_back(c.attnum);
          return Status::Error(sqlstate::kUniqueViolation,
                               "could not create unique index \"" + index.name + "\"")
              .WithDetail(KeyDetail(*ctx, table, attnums, row) + " is duplicated.");
        }
      }
      DB9_RETURN_IF_ERROR(txn().Put(entry_key, entry_value));
    }
    return method->EntriesWritten(store(), index, entries);
  });
}

Status DdlExecutor::DeleteKeyRange(const std::string& prefix) {
  std::string end = keyenc::PrefixSuccessor(prefix);
  std::vector<std::string> keys;
  std::unique_ptr<kv::Iterator> it = txn().NewIterator();
  for (it->Seek(prefix); it->Valid() && it->key() < std::string_view(end); it->Next()) {
    keys.emplace_back(it->key());
  }
  DB9_RETURN_IF_ERROR(it->status());
  for (const std::string& key : keys) DB9_RETURN_IF_ERROR(txn().Delete(key));
  return Status::OK();
}

Status DdlExecutor::DeleteTableData(const catalog::Table& table) {
  DB9_RETURN_IF_ERROR(DeleteKeyRange(catalog::TableKeyPrefix(table.oid)));
  for (const catalog::Index& index : table.indexes) {
    if (!index.primary) DB9_RETURN_IF_ERROR(DeleteKeyRange(catalog::IndexKeyPrefix(index.oid)));
  }
  return Status::OK();
}

Status DdlExecutor::RekeyRows(const catalog::Table& old_table, const catalog::Table& new_table) {
  std::unique_ptr<ExecContext> ctx = NewContext();
  ctx->catalog = &view();
  const types::TypeRegistry& types = session_.db_.registries().types;
  // Old entries of secondary indexes carry the old row keys: drop them all
  // and rebuild after the rows moved.
  for (const catalog::Index& index : old_table.indexes) {
    if (!index.primary) DB9_RETURN_IF_ERROR(DeleteKeyRange(catalog::IndexKeyPrefix(index.oid)));
  }
  const catalog::Index* pk = new_table.primary_key();
  std::vector<int16_t> pk_attnums;
  for (const catalog::IndexColumn& c : pk->columns) pk_attnums.push_back(c.attnum);
  DB9_RETURN_IF_ERROR(ForEachRow(old_table, [&](const std::string& key, Row& row) -> Status {
    for (int16_t a : pk_attnums) {
      int pos = new_table.ColumnIndex(a);
      if (row[pos].is_null()) {
        return Status::Error(sqlstate::kNotNullViolation,
                             "column \"" + new_table.columns[pos].name + "\" of relation \"" +
                                 new_table.name + "\" contains null values");
      }
    }
    std::string new_key = catalog::TableKeyPrefix(new_table.oid);
    DB9_RETURN_IF_ERROR(catalog::AppendPrimaryKey(types, new_table, row, &new_key));
    if (new_key == key) return Status::OK();
    DB9_ASSIGN_OR_RETURN(mvcc::LockResult lock, txn().LockForWrite(new_key));
    if (lock.latest) {
      return Status::Error(sqlstate::kUniqueViolation,
                           "could not create unique index \"" + pk->name + "\"")
          .WithDetail(KeyDetail(*ctx, new_table, pk_attnums, row) + " is duplicated.");
    }
    DB9_RETURN_IF_ERROR(txn().Delete(key));
    return txn().Put(new_key, catalog::EncodeRow(new_table, row));
  }));
  for (const catalog::Index& index : new_table.indexes) {
    if (!index.primary) DB9_RETURN_IF_ERROR(BuildIndex(new_table, index));
  }
  return Status::OK();
}

}  // namespace db9::sql

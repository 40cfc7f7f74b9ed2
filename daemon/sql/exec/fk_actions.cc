// What happens to referencing rows when a referenced (parent) row is deleted
// or its key changes: pg_constraint's confdeltype / confupdtype.
#include "daemon/catalog/row_keys.h"
#include "daemon/sql/exec/group_key.h"
#include "daemon/sql/exec/table_writer.h"
#include "daemon/storage/encoding/key_encoding.h"

namespace db9::sql {
namespace {

struct ChildRow {
  std::string key;
  Row row;
};

// Rows of `child` whose FK columns equal `values`. A full scan of the child
// table: referencing columns are often unindexed, and this keeps one path.
Result<std::vector<ChildRow>> FindReferencingRows(ExecContext& ctx, const catalog::Table& child,
                                                  const catalog::Constraint& fk,
                                                  const std::string& wanted) {
  std::vector<ChildRow> out;
  std::string prefix = catalog::TableKeyPrefix(child.oid);
  std::string end = keyenc::PrefixSuccessor(prefix);
  std::unique_ptr<kv::Iterator> it = ctx.txn->NewIterator();
  for (it->Seek(prefix); it->Valid() && it->key() < std::string_view(end); it->Next()) {
    DB9_ASSIGN_OR_RETURN(Row row, catalog::DecodeRow(child, it->value()));
    std::string key;
    bool any_null = false;
    for (int16_t attnum : fk.columns) {
      const Value& v = row[child.ColumnIndex(attnum)];
      any_null |= v.is_null();
      DB9_RETURN_IF_ERROR(AppendGroupKey(ctx.types(), v, &key));
    }
    if (!any_null && key == wanted) out.push_back({std::string(it->key()), std::move(row)});
  }
  DB9_RETURN_IF_ERROR(it->status());
  return out;
}

}  // namespace

Status ApplyReferencingActions(ExecContext& ctx, const catalog::Table& parent, const Row& old_row,
                               const Row* new_row) {
  for (const auto& [oid, child] : ctx.catalog->tables()) {
    for (const catalog::Constraint& fk : child.constraints) {
      if (fk.type != catalog::ConstraintType::kForeignKey || fk.ref_table != parent.oid) continue;
      // The referenced values, in FK column order; compared as group keys
      // (the FK columns have the referenced columns' types).
      std::string old_key, new_key;
      for (int16_t attnum : fk.ref_columns) {
        int pos = parent.ColumnIndex(attnum);
        DB9_RETURN_IF_ERROR(AppendGroupKey(ctx.types(), old_row[pos], &old_key));
        if (new_row) DB9_RETURN_IF_ERROR(AppendGroupKey(ctx.types(), (*new_row)[pos], &new_key));
      }
      if (new_row && old_key == new_key) continue;
      DB9_ASSIGN_OR_RETURN(std::vector<ChildRow> rows,
                           FindReferencingRows(ctx, child, fk, old_key));
      if (rows.empty()) continue;
      catalog::ForeignKeyAction action = new_row ? fk.on_update : fk.on_delete;
      switch (action) {
        case catalog::ForeignKeyAction::kCascade:
        case catalog::ForeignKeyAction::kSetNull:
        case catalog::ForeignKeyAction::kSetDefault: {
          WriteTarget target{&child, {}};
          TableWriter writer(ctx, target);
          for (ChildRow& r : rows) {
            if (action == catalog::ForeignKeyAction::kCascade && new_row == nullptr) {
              DB9_RETURN_IF_ERROR(writer.Delete(r.key, r.row));
              continue;
            }
            Row changed = r.row;
            for (size_t i = 0; i < fk.columns.size(); ++i) {
              int cpos = child.ColumnIndex(fk.columns[i]);
              if (action == catalog::ForeignKeyAction::kCascade) {
                changed[cpos] = (*new_row)[parent.ColumnIndex(fk.ref_columns[i])];
              } else {
                // SET DEFAULT falls back to NULL: defaults are expressions
                // the executor cannot bind here.
                changed[cpos] = Value::Null(child.columns[cpos].type);
              }
            }
            DB9_RETURN_IF_ERROR(writer.Update(r.key, r.row, changed));
          }
          break;
        }
        case catalog::ForeignKeyAction::kNoAction:
        case catalog::ForeignKeyAction::kRestrict: {
          std::vector<int16_t> attnums = fk.ref_columns;
          return Status::Error(sqlstate::kForeignKeyViolation,
                               "update or delete on table \"" + parent.name +
                                   "\" violates foreign key constraint \"" + fk.name +
                                   "\" on table \"" + child.name + "\"")
              .WithDetail(KeyDetail(ctx, parent, attnums, old_row) +
                          " is still referenced from table \"" + child.name + "\".");
        }
      }
    }
  }
  return Status::OK();
}

}  // namespace db9::sql

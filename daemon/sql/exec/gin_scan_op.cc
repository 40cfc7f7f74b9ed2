#include "daemon/sql/exec/gin_scan_op.h"

#include <algorithm>
#include <iterator>


namespace db9::sql {
namespace {

using Match = catalog::gin::Query::Match;

std::vector<std::string> Intersect(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::vector<std::string> Unite(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

bool HasPrefix(std::string_view key, std::string_view prefix) {
  return key.size() >= prefix.size() && key.substr(0, prefix.size()) == prefix;
}

}  // namespace

GinBitmapOp::GinBitmapOp(const catalog::Table* table, GinPath path)
    : table_(table), path_(std::move(path)) {
  columns.push_back({"row key", types::oid::kBytea, -1, 0, 0});
}

Result<std::vector<std::string>> GinBitmapOp::TermRows(kv::Iterator* it, size_t column,
                                                       std::string_view term) const {
  const std::string prefix = catalog::gin::TermKeyPrefix(path_.index->oid, column, term);
  std::vector<std::string> rows;
  // Entries of one term follow the row key order, so the list comes sorted.
  for (it->Seek(prefix); it->Valid() && HasPrefix(it->key(), prefix); it->Next()) {
    rows.emplace_back(it->value());
  }
  DB9_RETURN_IF_ERROR(it->status());
  return rows;
}

Result<std::vector<std::string>> GinBitmapOp::RowsWithAll(ExecContext& ctx, size_t column,
                                                          const std::vector<std::string>& terms) const {
  struct Cursor {
    std::string prefix;
    std::unique_ptr<kv::Iterator> it;
    // The row key the iterator stands at, nullopt past the term's range.
    std::optional<std::string_view> row() const {
      if (!it->Valid() || !HasPrefix(it->key(), prefix)) return std::nullopt;
      return it->key().substr(prefix.size());
    }
  };
  if (terms.empty()) return std::vector<std::string>{};  // QueryTerms never asks this
  std::vector<Cursor> cursors;
  for (const std::string& term : terms) {
    Cursor c{catalog::gin::TermKeyPrefix(path_.index->oid, column, term), ctx.txn->NewIterator()};
    c.it->Seek(c.prefix);
    cursors.push_back(std::move(c));
  }
  std::vector<std::string> rows;
  std::string target;     // no row key below it can be in every range
  size_t agreeing = 0;    // cursors in a row that stand at target
  for (size_t i = 0;; i = (i + 1) % cursors.size()) {
    Cursor& c = cursors[i];
    std::optional<std::string_view> row = c.row();
    if (row && *row < target) {
      c.it->Seek(c.prefix + target);
      row = c.row();
    }
    if (!row) break;
    if (*row != target) {
      target.assign(*row);
      agreeing = 0;
    }
    if (++agreeing == cursors.size()) {
      rows.push_back(target);
      target.push_back('\0');  // the smallest row key after it
      agreeing = 0;
      if ((rows.size() & 1023) == 0) DB9_RETURN_IF_ERROR(ctx.CheckCancel());
    }
  }
  for (const Cursor& c : cursors) DB9_RETURN_IF_ERROR(c.it->status());
  return rows;
}

Result<std::vector<std::string>> GinBitmapOp::AllRows(ExecContext& ctx, kv::Iterator* it) const {
  const std::string prefix = catalog::TableKeyPrefix(table_->oid);
  std::vector<std::string> rows;
  for (it->Seek(prefix); it->Valid() && HasPrefix(it->key(), prefix); it->Next()) {
    rows.emplace_back(it->key().substr(prefix.size()));
    if ((rows.size() & 1023) == 0) DB9_RETURN_IF_ERROR(ctx.CheckCancel());
  }
  DB9_RETURN_IF_ERROR(it->status());
  return rows;
}

Status GinBitmapOp::Open(ExecContext& ctx) {
  row_keys_.clear();
  position_ = 0;
  std::unique_ptr<kv::Iterator> it = ctx.txn->NewIterator();
  bool constrained = false;  // row_keys_ holds the rows so far
  const Row no_row;
  for (const GinClause& clause : path_.clauses) {
    DB9_ASSIGN_OR_RETURN(Value value, clause.value->Eval(ctx, no_row));
    DB9_ASSIGN_OR_RETURN(catalog::gin::Query query,
                         catalog::gin::QueryTerms(ctx.types(), clause.opclass, clause.strategy, value));
    if (query.match == Match::kEveryRow) continue;
    if (query.match == Match::kNoRow) {
      row_keys_.clear();
      return Status::OK();
    }
    std::vector<std::string> rows;
    if (query.match == Match::kAllTerms) {
      DB9_ASSIGN_OR_RETURN(rows, RowsWithAll(ctx, clause.column, query.terms));
    } else {
      for (const std::string& term : query.terms) {
        DB9_ASSIGN_OR_RETURN(std::vector<std::string> term_rows, TermRows(it.get(), clause.column, term));
        rows = Unite(rows, term_rows);
      }
    }
    row_keys_ = constrained ? Intersect(row_keys_, rows) : std::move(rows);
    constrained = true;
    if (row_keys_.empty()) return Status::OK();
    DB9_RETURN_IF_ERROR(ctx.CheckCancel());
  }
  if (constrained) return Status::OK();
  DB9_ASSIGN_OR_RETURN(row_keys_, AllRows(ctx, it.get()));
  return Status::OK();
}

bool GinBitmapOp::NextRowKey(std::string* suffix) {
  if (position_ >= row_keys_.size()) return false;
  *suffix = std::move(row_keys_[position_++]);
  return true;
}

Result<bool> GinBitmapOp::Next(ExecContext&, Row* row) {
  std::string suffix;
  if (!NextRowKey(&suffix)) return false;
  row->assign(1, Value::OfString(types::oid::kBytea, std::move(suffix)));
  return true;
}

GinScanOp::GinScanOp(const catalog::Table* table, GinPath path, bool emit_row_key, std::vector<bool> needed)
    : table_(table), bitmap_(table, std::move(path)), emit_row_key_(emit_row_key),
      needed_(catalog::ColumnSelection::Of(
          *table, needed.empty() ? std::vector<bool>(table->columns.size(), true) : needed)),
      table_prefix_(catalog::TableKeyPrefix(table->oid)) {
  for (const catalog::Column& c : table->columns) {
    columns.push_back({c.name, c.type, c.typmod, table->oid, c.attnum});
  }
  if (emit_row_key) columns.push_back({"ctid", types::oid::kBytea, -1, 0, 0});
}

Status GinScanOp::Open(ExecContext& ctx) {
  rows_seen_ = 0;
  return bitmap_.Open(ctx);
}

Result<bool> GinScanOp::Next(ExecContext& ctx, Row* row) {
  std::string suffix;
  while (bitmap_.NextRowKey(&suffix)) {
    if ((++rows_seen_ & 1023) == 0) DB9_RETURN_IF_ERROR(ctx.CheckCancel());
    std::string row_key = table_prefix_ + suffix;
    DB9_ASSIGN_OR_RETURN(std::optional<std::string> stored, ctx.txn->Get(row_key));
    if (!stored) continue;  // entry of a row deleted in this transaction
    DB9_RETURN_IF_ERROR(catalog::DecodeRowInto(*table_, *stored, row, &needed_));
    bool keep = true;
    for (const ExprPtr& condition : bitmap_.path().conditions) {
      DB9_ASSIGN_OR_RETURN(keep, EvalPredicate(*condition, ctx, *row));
      if (!keep) break;
    }
    if (!keep) continue;
    if (emit_row_key_) row->push_back(Value::OfString(types::oid::kBytea, std::move(row_key)));
    return true;
  }
  return false;
}

ExplainNode GinBitmapOp::Explain() const {
  return {"Bitmap Index Scan on " + path_.index->name, {"Index Cond: " + path_.index_text}, {}};
}

ExplainNode GinScanOp::Explain() const {
  return {"Bitmap Heap Scan on " + table_->name, {"Recheck Cond: " + bitmap_.path().recheck_text},
          {&bitmap_}};
}

}  // namespace db9::sql

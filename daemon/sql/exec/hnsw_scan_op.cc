#include "daemon/sql/exec/hnsw_scan_op.h"

#include <algorithm>
#include <cmath>

#include "daemon/types/vector_value.h"

namespace db9::sql {

namespace hnsw = catalog::hnsw;

HnswScanOp::HnswScanOp(const catalog::Table* table, VectorOrderPath path)
    : table_(table), path_(std::move(path)),
      all_columns_(catalog::ColumnSelection::Of(*table, std::vector<bool>(table->columns.size(), true))),
      table_prefix_(catalog::TableKeyPrefix(table->oid)) {
  for (const catalog::Column& c : table->columns) {
    columns.push_back({c.name, c.type, c.typmod, table->oid, c.attnum});
  }
}

Status HnswScanOp::Open(ExecContext& ctx) {
  index_ = hnsw::OpenIndex(*ctx.catalog_store, *path_.index);
  if (index_ == nullptr) return Status::Error(sqlstate::kInternalError, "not an hnsw index");
  DB9_RETURN_IF_ERROR(index_->Load(*ctx.txn, path_.index->oid));
  Row empty;
  DB9_ASSIGN_OR_RETURN(query_, path_.query->Eval(ctx, empty));
  query_elements_.clear();
  if (!query_.is_null()) {
    std::span<const float> q = types::VectorElements(query_);
    query_elements_.assign(q.begin(), q.end());
    // The operator itself would refuse every row.
    if (const size_t dims = index_->dims(); dims != 0) {
      DB9_RETURN_IF_ERROR(types::CheckSameDims(static_cast<int>(dims), static_cast<int>(q.size())));
    }
  }
  stage_ = Stage::kSearch;
  ef_ = 0;
  pending_.clear();
  next_ = 0;
  unordered_rows_.clear();
  returned_nodes_.clear();
  returned_rows_.clear();
  rows_seen_ = 0;
  return Status::OK();
}

Status HnswScanOp::Refill(ExecContext& ctx) {
  pending_.clear();
  next_ = 0;
  const hnsw::HnswGraph& graph = index_->graph();
  auto fresh = [this](uint32_t node) { return returned_nodes_.count(node) == 0; };
  if (stage_ == Stage::kSearch) {
    const bool unordered_query =
        query_.is_null() || (path_.metric == hnsw::Metric::kCosine &&
                             std::all_of(query_elements_.begin(), query_elements_.end(),
                                         [](float x) { return x == 0.0f; }));
    ef_ = ef_ == 0 ? ctx.hnsw_ef_search : ef_ * 4;
    // Past half the graph a search costs about what the exact list does.
    if (unordered_query || static_cast<size_t>(ef_) * 2 >= graph.size()) {
      stage_ = Stage::kAll;
    } else {
      pending_ = graph.Search(query_elements_, ef_, fresh);
      if (!pending_.empty()) return Status::OK();
      stage_ = Stage::kAll;
    }
  }
  if (stage_ == Stage::kAll) {
    stage_ = Stage::kRest;
    if (query_.is_null()) {
      // Every distance is NULL: any order is the order.
      for (uint32_t node = 0; node < graph.size(); ++node) {
        if (fresh(node)) pending_.push_back({node, 0});
      }
    } else {
      pending_ = graph.All(query_elements_, fresh);
    }
    if (!pending_.empty()) return Status::OK();
  }
  stage_ = Stage::kDone;
  return CollectUnordered(ctx);  // the graph is used up
}

Result<bool> HnswScanOp::Fetch(ExecContext& ctx, const std::string& suffix, Row* row) {
  if (returned_rows_.count(suffix) != 0) return false;
  DB9_ASSIGN_OR_RETURN(std::optional<std::string> stored, ctx.txn->Get(table_prefix_ + suffix));
  if (!stored) return false;  // deleted, or not committed in this snapshot
  DB9_RETURN_IF_ERROR(catalog::DecodeRowInto(*table_, *stored, row, &all_columns_));
  return true;
}

Status HnswScanOp::CollectUnordered(ExecContext& ctx) {
  std::deque<Row> nulls;
  for (const std::string& suffix : index_->Unordered()) {
    Row row;
    DB9_ASSIGN_OR_RETURN(bool found, Fetch(ctx, suffix, &row));
    if (!found) continue;
    const Value& v = row[static_cast<size_t>(path_.column)];
    if (v.is_null()) {
      nulls.push_back(std::move(row));
      continue;
    }
    // A vector the graph holds (the row changed since this entry) came
    // already; what is left here is a zero vector under cosine.
    std::span<const float> e = types::VectorElements(v);
    if (std::all_of(e.begin(), e.end(), [](float x) { return x == 0.0f; }) &&
        path_.metric == hnsw::Metric::kCosine) {
      returned_rows_.insert(suffix);
      unordered_rows_.push_back(std::move(row));
    }
  }
  for (Row& row : nulls) unordered_rows_.push_back(std::move(row));
  return Status::OK();
}

Result<bool> HnswScanOp::Next(ExecContext& ctx, Row* row) {
  while (true) {
    if ((++rows_seen_ & 255) == 0) DB9_RETURN_IF_ERROR(ctx.CheckCancel());
    if (next_ < pending_.size()) {
      const uint32_t node = pending_[next_++].node;
      if (!returned_nodes_.insert(node).second) continue;
      std::string suffix = index_->RowKeySuffix(node);
      DB9_ASSIGN_OR_RETURN(bool found, Fetch(ctx, suffix, row));
      if (!found) continue;
      const Value& v = (*row)[static_cast<size_t>(path_.column)];
      if (v.is_null() || !index_->graph().Holds(node, types::VectorElements(v))) continue;
      returned_rows_.insert(std::move(suffix));
      return true;
    }
    if (stage_ == Stage::kDone) {
      if (unordered_rows_.empty()) return false;
      *row = std::move(unordered_rows_.front());
      unordered_rows_.pop_front();
      return true;
    }
    DB9_RETURN_IF_ERROR(Refill(ctx));
  }
}

ExplainNode HnswScanOp::Explain() const {
  ExplainNode node;
  node.label = "Index Scan using " + path_.index->name + " on " + table_->name;
  node.details.push_back("Order By: " + path_.order_by);
  return node;
}

}  // namespace db9::sql

#include "daemon/sql/exec/window_frame.h"

#include <algorithm>
#include <functional>

namespace db9::sql {
namespace {

// The first row in [0, n) for which `past(row)` holds; `past` must be false
// then true along the sorted partition.
Result<int64_t> FirstPast(int64_t n, const std::function<Result<bool>(int64_t)>& past) {
  int64_t lo = 0, hi = n;
  while (lo < hi) {
    int64_t mid = lo + (hi - lo) / 2;
    DB9_ASSIGN_OR_RETURN(bool p, past(mid));
    if (p) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

// i + delta clamped to [0, n] without overflow (delta may be huge).
int64_t Clamp(int64_t i, int64_t delta, int64_t n) {
  if (delta >= 0) return delta >= n - i ? n : i + delta;
  return -delta >= i ? 0 : i + delta;
}

// The first row of peer group `g + delta`, clamped to the partition
// (delta may be huge).
int64_t GroupStart(const PartitionLayout& l, int64_t g, int64_t delta) {
  const int64_t groups = static_cast<int64_t>(l.group_start.size()) - 1;
  if (delta >= 0 && delta >= groups - g) return l.size();
  if (delta < 0 && -delta >= g) return 0;
  return l.group_start[g + delta];
}

Result<int64_t> EvaluateCount(const ExprPtr& offset, ExecContext& ctx, const char* which) {
  DB9_ASSIGN_OR_RETURN(Value v, offset->Eval(ctx, Row{}));
  if (v.is_null()) {
    return Status::Error(sqlstate::kNullValueNotAllowed,
                         std::string("frame ") + which + " offset must not be null");
  }
  if (v.as_int() < 0) {
    return Status::Error("22013", std::string("frame ") + which + " offset must not be negative");
  }
  return v.as_int();
}

Status CheckRangeOffset(const ExprPtr& offset, const ExprPtr& negative, ExecContext& ctx,
                        const char* which) {
  DB9_ASSIGN_OR_RETURN(Value v, offset->Eval(ctx, Row{}));
  if (v.is_null()) {
    return Status::Error(sqlstate::kNullValueNotAllowed,
                         std::string("frame ") + which + " offset must not be null");
  }
  DB9_ASSIGN_OR_RETURN(bool below_zero, EvalPredicate(*negative, ctx, Row{}));
  if (below_zero) {
    return Status::Error("22013", "invalid preceding or following size in window function");
  }
  return Status::OK();
}

}  // namespace

void ComputePeers(const std::vector<bool>& equal_to_previous, PartitionLayout* layout) {
  const int64_t n = static_cast<int64_t>(equal_to_previous.size());
  layout->peer_start.assign(n, 0);
  layout->peer_end.assign(n, 0);
  layout->peer_group.assign(n, 0);
  layout->group_start.clear();
  int64_t group = -1;
  for (int64_t i = 0; i < n; ++i) {
    if (i == 0 || !equal_to_previous[i]) {
      ++group;
      layout->group_start.push_back(i);
    }
    layout->peer_group[i] = group;
    layout->peer_start[i] = layout->group_start.back();
  }
  layout->group_start.push_back(n);
  for (int64_t i = 0; i < n; ++i) layout->peer_end[i] = layout->group_start[layout->peer_group[i] + 1];
}

Result<FrameOffsets> EvaluateFrameOffsets(const FrameClause& clause, ExecContext& ctx) {
  FrameOffsets offsets;
  const bool range = (clause.options & frame::kRange) != 0;
  if ((clause.options & frame::kStartOffset) != 0) {
    if (range) {
      DB9_RETURN_IF_ERROR(CheckRangeOffset(clause.start_offset, clause.start_negative, ctx, "starting"));
    } else {
      DB9_ASSIGN_OR_RETURN(offsets.start, EvaluateCount(clause.start_offset, ctx, "starting"));
    }
  }
  if ((clause.options & frame::kEndOffset) != 0) {
    if (range) {
      DB9_RETURN_IF_ERROR(CheckRangeOffset(clause.end_offset, clause.end_negative, ctx, "ending"));
    } else {
      DB9_ASSIGN_OR_RETURN(offsets.end, EvaluateCount(clause.end_offset, ctx, "ending"));
    }
  }
  return offsets;
}

Status ComputeFrames(const FrameClause& clause, const FrameOffsets& offsets,
                     const SortKey* order_key, const types::TypeRegistry& types,
                     const std::vector<Value>& order_values, const std::vector<Value>& start_bounds,
                     const std::vector<Value>& end_bounds, PartitionLayout* layout) {
  const int opt = clause.options;
  const bool rows = (opt & frame::kRows) != 0;
  const bool groups = (opt & frame::kGroups) != 0;
  const int64_t n = layout->size();
  layout->frame_start.assign(n, 0);
  layout->frame_end.assign(n, n);
  // RANGE offset bounds: the first row at or after (start) / past (end) the
  // bound value in the sort's order.
  auto range_first = [&](const Value& bound, bool strictly_past) {
    return FirstPast(n, [&](int64_t r) -> Result<bool> {
      DB9_ASSIGN_OR_RETURN(int cmp, CompareSortValues(types, order_values[r], bound,
                                                      order_key->descending, order_key->nulls_first));
      return strictly_past ? cmp > 0 : cmp >= 0;
    });
  };
  for (int64_t i = 0; i < n; ++i) {
    const int64_t g = layout->peer_group[i];
    int64_t start = 0;
    if ((opt & frame::kStartCurrentRow) != 0) {
      start = rows ? i : layout->peer_start[i];
    } else if ((opt & frame::kStartOffset) != 0) {
      const int64_t off = (opt & frame::kStartOffsetPreceding) != 0 ? -offsets.start : offsets.start;
      if (rows) {
        start = Clamp(i, off, n);
      } else if (groups) {
        start = GroupStart(*layout, g, off);
      } else if (order_values[i].is_null()) {
        start = layout->peer_start[i];  // NULLs are only their own peers' neighbours
      } else {
        const Value& bound = start_bounds[i];
        if (bound.is_null()) {
          // Overflowed: before (PRECEDING) or after (FOLLOWING) every row.
          start = (opt & frame::kStartOffsetPreceding) != 0 ? 0 : n;
        } else {
          DB9_ASSIGN_OR_RETURN(start, range_first(bound, false));
        }
      }
    }
    int64_t end = n;
    if ((opt & frame::kEndCurrentRow) != 0) {
      end = rows ? i + 1 : layout->peer_end[i];
    } else if ((opt & frame::kEndOffset) != 0) {
      const int64_t off = (opt & frame::kEndOffsetPreceding) != 0 ? -offsets.end : offsets.end;
      if (rows) {
        end = Clamp(i + 1, off, n);
      } else if (groups) {
        end = GroupStart(*layout, g + 1, off);
      } else if (order_values[i].is_null()) {
        end = layout->peer_end[i];
      } else {
        const Value& bound = end_bounds[i];
        if (bound.is_null()) {
          end = (opt & frame::kEndOffsetPreceding) != 0 ? 0 : n;
        } else {
          DB9_ASSIGN_OR_RETURN(end, range_first(bound, true));
        }
      }
    }
    layout->frame_start[i] = start;
    layout->frame_end[i] = std::max(start, end);
  }
  return Status::OK();
}

bool PartitionFrame::InFrame(int64_t row) const {
  if (row < frame_start() || row >= frame_end()) return false;
  if ((exclusion_ & frame::kExcludeCurrentRow) != 0) return row != current_;
  const bool peer = row >= peer_start() && row < peer_end();
  if ((exclusion_ & frame::kExcludeGroup) != 0) return !peer;
  if ((exclusion_ & frame::kExcludeTies) != 0) return !peer || row == current_;
  return true;
}

}  // namespace db9::sql

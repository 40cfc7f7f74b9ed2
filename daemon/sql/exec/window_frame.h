// The frame clause of a window (ROWS / RANGE / GROUPS, its bounds and
// EXCLUDE) and PartitionFrame, the WindowFrame view a window function gets
// of one sorted partition. Frame bounds follow PostgreSQL's nodeWindowAgg.c:
// RANGE compares ORDER BY values, GROUPS counts peer groups, ROWS rows.
#pragma once

#include <vector>

#include "daemon/functions/window_function.h"
#include "daemon/sql/exec/basic_ops.h"
#include "daemon/sql/exec/expr.h"

namespace db9::sql {

// PostgreSQL's FRAMEOPTION_* bits (parsenodes.h), as libpg_query gives them
// in WindowDef.frame_options.
namespace frame {
inline constexpr int kNonDefault = 0x00001;
inline constexpr int kRange = 0x00002;
inline constexpr int kRows = 0x00004;
inline constexpr int kGroups = 0x00008;
inline constexpr int kBetween = 0x00010;
inline constexpr int kStartUnboundedPreceding = 0x00020;
inline constexpr int kEndUnboundedPreceding = 0x00040;
inline constexpr int kStartUnboundedFollowing = 0x00080;
inline constexpr int kEndUnboundedFollowing = 0x00100;
inline constexpr int kStartCurrentRow = 0x00200;
inline constexpr int kEndCurrentRow = 0x00400;
inline constexpr int kStartOffsetPreceding = 0x00800;
inline constexpr int kEndOffsetPreceding = 0x01000;
inline constexpr int kStartOffsetFollowing = 0x02000;
inline constexpr int kEndOffsetFollowing = 0x04000;
inline constexpr int kExcludeCurrentRow = 0x08000;
inline constexpr int kExcludeGroup = 0x10000;
inline constexpr int kExcludeTies = 0x20000;
inline constexpr int kStartOffset = kStartOffsetPreceding | kStartOffsetFollowing;
inline constexpr int kEndOffset = kEndOffsetPreceding | kEndOffsetFollowing;
inline constexpr int kExclusion = kExcludeCurrentRow | kExcludeGroup | kExcludeTies;
// RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW.
inline constexpr int kDefault = kRange | kStartUnboundedPreceding | kEndCurrentRow;
}  // namespace frame

struct FrameClause {
  int options = frame::kDefault;
  // ROWS / GROUPS: the offsets as int8, constant per execution.
  // RANGE: the offset in its own type (checked for NULL and sign).
  ExprPtr start_offset, end_offset;
  // RANGE with an offset: `offset < 0` for the sign check, and the bound
  // value per row (the ORDER BY value minus/plus the offset, in the sort's
  // direction), evaluated over the input row.
  ExprPtr start_negative, end_negative;
  ExprPtr start_bound, end_bound;
};

// One sorted partition: the peer structure, and per row the frame bounds.
// Row positions are 0-based within the partition.
struct PartitionLayout {
  std::vector<int64_t> peer_start, peer_end, peer_group;  // per row
  std::vector<int64_t> group_start;  // first row of each peer group, then the size
  std::vector<int64_t> frame_start, frame_end;            // per row, [start, end)
  int64_t size() const { return static_cast<int64_t>(peer_start.size()); }
};

// Fills peer_* and group_start from `equal_to_previous[i]` (row i is a peer
// of row i - 1 under ORDER BY; false for i = 0).
void ComputePeers(const std::vector<bool>& equal_to_previous, PartitionLayout* layout);

// The frame's offsets evaluated for one execution (ROWS/GROUPS counts).
struct FrameOffsets {
  int64_t start = 0, end = 0;
};
Result<FrameOffsets> EvaluateFrameOffsets(const FrameClause& clause, ExecContext& ctx);

// Fills frame_start/frame_end for every row. `order_values` are the rows'
// single ORDER BY values and `start_bounds`/`end_bounds` the RANGE offset
// bounds (both used only for RANGE with an offset; empty otherwise). A NULL
// bound is one that overflowed its type: it lies beyond every row.
Status ComputeFrames(const FrameClause& clause, const FrameOffsets& offsets,
                     const SortKey* order_key, const types::TypeRegistry& types,
                     const std::vector<Value>& order_values, const std::vector<Value>& start_bounds,
                     const std::vector<Value>& end_bounds, PartitionLayout* layout);

// The WindowFrame of one call over one partition; `args[r]` are the call's
// argument values at partition row r.
class PartitionFrame final : public functions::WindowFrame {
 public:
  PartitionFrame(const PartitionLayout& layout, int exclusion, const std::vector<const Row*>& args)
      : layout_(layout), exclusion_(exclusion), args_(args) {}
  void set_current(int64_t row) { current_ = row; }

  int64_t partition_size() const override { return layout_.size(); }
  int64_t current() const override { return current_; }
  int64_t peer_start() const override { return layout_.peer_start[current_]; }
  int64_t peer_end() const override { return layout_.peer_end[current_]; }
  int64_t peer_group() const override { return layout_.peer_group[current_]; }
  int64_t frame_start() const override { return layout_.frame_start[current_]; }
  int64_t frame_end() const override { return layout_.frame_end[current_]; }
  bool InFrame(int64_t row) const override;
  const Value& Argument(size_t arg, int64_t row) const override { return (*args_[row])[arg]; }

 private:
  const PartitionLayout& layout_;
  int exclusion_;  // frame::kExclusion bits of the clause
  const std::vector<const Row*>& args_;
  int64_t current_ = 0;
};

}  // namespace db9::sql

// State for binding window function calls (f(...) OVER ...) in one SELECT's
// target list and ORDER BY: each distinct call becomes a column the
// WindowOp appends to its input row; each distinct window definition (after
// resolving WINDOW names) one sort of the rows.
#pragma once

#include "daemon/sql/binder/binder.h"
#include "daemon/sql/exec/window_op.h"

namespace db9::sql {

struct Binder::WindowState {
  // The SELECT's WINDOW clause (named windows), may be empty.
  const google::protobuf::RepeatedPtrField<pg_query::Node>* named = nullptr;
  std::vector<WindowDefinition> windows;
  std::vector<std::string> window_keys;  // NodeKey of each resolved definition
  std::vector<WindowCall> calls;
  std::vector<std::string> call_keys;    // NodeKey of each call (equal calls share one)
  // Per call: the column that reads its result. The index is set by
  // PlanWindows, when the width of the window operator's input is known.
  std::vector<std::shared_ptr<ColumnExpr>> results;
  bool in_window_args = false;  // binding a call's arguments or window
};

// Rejects a window function call in `clause` ("WHERE", "GROUP BY", "HAVING")
// with PostgreSQL's 42P20.
Status CheckNoWindowFunctions(const pg_query::Node& node, const char* clause);

// The WINDOW clause on its own, used or not: names are unique (42P20) and
// a reference names an earlier window (42704), as PostgreSQL checks.
Status CheckWindowClause(const google::protobuf::RepeatedPtrField<pg_query::Node>& windows);

// Puts a WindowOp over `input` (rows of `input_width` values) computing the
// state's calls, and points the calls' result columns at its output.
OperatorPtr PlanWindows(Binder::WindowState& state, OperatorPtr input, size_t input_width);

}  // namespace db9::sql

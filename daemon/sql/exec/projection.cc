#include "daemon/sql/exec/projection.h"

#include "daemon/sql/exec/basic_ops.h"
#include "daemon/sql/exec/scan_ops.h"

namespace db9::sql {

OperatorPtr MakeProjection(OperatorPtr input, const std::vector<ExprPtr>& exprs,
                           std::vector<OutputColumn> columns) {
  auto* scan = dynamic_cast<TableScanOp*>(input.get());
  std::vector<int> sources;
  for (const ExprPtr& expr : exprs) {
    const auto* column = dynamic_cast<const ColumnExpr*>(expr.get());
    if (scan == nullptr || scan->emits_row_key() || column == nullptr || column->levels_up != 0 ||
        column->index < 0 || static_cast<size_t>(column->index) >= scan->columns.size() ||
        column->type != scan->columns[static_cast<size_t>(column->index)].type) {
      break;
    }
    sources.push_back(column->index);
  }
  if (sources.empty() || sources.size() != exprs.size()) {
    return std::make_unique<ProjectOp>(std::move(input), exprs, std::move(columns));
  }
  scan->EmitOnly(sources, std::move(columns));
  return input;
}

}  // namespace db9::sql

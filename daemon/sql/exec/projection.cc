#include "daemon/sql/exec/projection.h"

#include "daemon/sql/exec/basic_ops.h"
#include "daemon/sql/exec/scan_ops.h"

namespace db9::sql {

OperatorPtr MakeProjection(OperatorPtr input, const std::vector<ExprPtr>& exprs,
                           std::vector<OutputColumn> columns) {
  auto* scan = dynamic_cast<TableScanOp*>(input.get());
  std::vector<int> sources;
  for (const ExprPtr& expr : exprs) {
    const int index = InputColumnIndex(*expr);
    if (scan == nullptr || scan->emits_row_key() || index < 0 ||
        static_cast<size_t>(index) >= scan->columns.size() ||
        expr->type != scan->columns[static_cast<size_t>(index)].type) {
      break;
    }
    sources.push_back(index);
  }
  if (sources.empty() || sources.size() != exprs.size()) {
    return std::make_unique<ProjectOp>(std::move(input), exprs, std::move(columns));
  }
  scan->EmitOnly(sources, std::move(columns));
  return input;
}

}  // namespace db9::sql

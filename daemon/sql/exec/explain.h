// EXPLAIN's text: a plan as PostgreSQL prints it (COSTS OFF style), one
// line per entry: the root at the left, each input under it as "->  ".
#pragma once

#include <string>
#include <vector>

#include "daemon/sql/exec/operator.h"

namespace db9::sql {

std::vector<std::string> ExplainPlan(const Operator& root);

}  // namespace db9::sql

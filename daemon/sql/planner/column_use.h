// Which columns of a base table a query can read, so that its scan decodes
// only those (a count(*) over a wide table copies no column at all).
//
// Decided from the parse tree of the SELECT whose FROM holds the table: a
// column can be read only through a column reference somewhere in that
// SELECT (its subqueries included, for correlated references), a USING
// list, a NATURAL join, a * or a whole-row reference. Names are matched
// without resolving them, so the answer errs on the side of decoding: a
// `val` anywhere keeps every FROM item's column named val.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "daemon/sql/parser/parser.h"

namespace db9::sql {

struct ColumnUse {
  bool all = false;                          // a *, or a NATURAL join
  std::unordered_set<std::string> names;     // the last name of each column reference, USING names
  std::unordered_set<std::string> bare;      // one-name references: a column or a whole row
};

ColumnUse CollectColumnUse(const pg_query::SelectStmt& stmt);

// One flag per entry of `column_names` (the FROM item's columns, after its
// alias's column list) saying whether the query may read it; `alias` is the
// name the item is known by (a bare reference to it reads the whole row).
std::vector<bool> NeededColumns(const ColumnUse& use, const std::vector<std::string>& column_names,
                                const std::string& alias);

}  // namespace db9::sql

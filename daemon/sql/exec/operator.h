// Operator: one node of a pull-based execution plan. Open() (re)starts it;
// each Next() produces one row or says the input is exhausted. Because
// operators pull lazily, a portal can stop after N rows (Execute with a row
// limit) and resume later by calling Next() again.
//
// Operators may be re-opened (a correlated subquery runs its plan once per
// outer row); Open() must reset all state.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon/sql/exec/exec_context.h"
#include "shared/base/result.h"

namespace db9::sql {

class Operator;

// What EXPLAIN shows of one operator. An empty label makes the operator
// invisible (projections): its single input is shown in its place.
struct ExplainNode {
  std::string label;                  // "Index Scan using t_pkey on t"
  std::vector<std::string> details;   // "Sort Key: ..." lines under it
  std::vector<const Operator*> inputs;
};

// What a plan's output column is, for RowDescription and name resolution.
struct OutputColumn {
  std::string name;
  Oid type = 0;
  int32_t typmod = -1;
  Oid table_oid = 0;       // set when the column is a plain table column
  int16_t attnum = 0;
};

class Operator {
 public:
  virtual ~Operator() = default;
  virtual Status Open(ExecContext& ctx) = 0;
  // false: no more rows (`row` untouched).
  virtual Result<bool> Next(ExecContext& ctx, Row* row) = 0;
  // Up to rows->size() rows into (*rows)[0, n), reusing their storage; n is
  // 0 only when the input is exhausted. For consumers that take whole inputs
  // (aggregates): a scan overrides it to produce rows without a virtual call
  // and a Result per row.
  virtual Result<size_t> NextBatch(ExecContext& ctx, std::vector<Row>* rows) {
    size_t n = 0;
    while (n < rows->size()) {
      DB9_ASSIGN_OR_RETURN(bool more, Next(ctx, &(*rows)[n]));
      if (!more) break;
      ++n;
    }
    return n;
  }
  // For EXPLAIN: PostgreSQL's name for the equivalent plan node.
  virtual ExplainNode Explain() const = 0;
  // Hands over the later part of the rows this operator has still to
  // produce, as an operator of its own that is ready to run (on another
  // thread too), and stops this one before them: for consumers that do not
  // need the rows in order and aggregate the parts on several cores.
  // nullptr: this operator cannot split (most cannot).
  virtual std::unique_ptr<Operator> SplitOff(ExecContext& ctx) { return nullptr; }
  // Said before Open() by a consumer that reads at most `rows` rows (LIMIT
  // over ORDER BY), or nullopt for no bound: a sort then keeps only that
  // many rows instead of sorting its whole input. Others ignore it.
  virtual void BoundOutput(std::optional<uint64_t> rows) {}

  std::vector<OutputColumn> columns;
};

using OperatorPtr = std::unique_ptr<Operator>;

}  // namespace db9::sql

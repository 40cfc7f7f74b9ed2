// Plain aggregates (count, sum, min, max ... of a column, no GROUP BY) over
// a long input on several cores: once the input has produced enough rows,
// the statement splits off the later part of what remains (Operator::
// SplitOff) and a helper thread aggregates it into states of its own, which
// are combined into the statement's at the end (AggregateState::Combine).
// PostgreSQL's Gather over a Partial Aggregate, decided while running
// instead of by the planner: a short scan never pays for a thread.
#pragma once

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "daemon/functions/aggregate_registry.h"
#include "daemon/sql/exec/core_budget.h"
#include "daemon/sql/exec/operator.h"

namespace db9::sql {

using AggregateStates = std::vector<std::unique_ptr<functions::AggregateState>>;

// True if rows [0, n) of `batch` each hold at least `width` columns.
bool RowsHoldColumns(const std::vector<Row>& batch, size_t n, size_t width);
// Hands call i the column inputs[i] (-1: none, count(*)) of rows [0, n) of
// `batch`. REQUIRES: RowsHoldColumns for every input.
Status FeedPlainBatch(const std::vector<int>& inputs, AggregateStates& states,
                      std::vector<functions::FunctionContext>& contexts,
                      const std::vector<Row>& batch, size_t n,
                      std::vector<const Value*>& args);

class ParallelParts {
 public:
  // Rows of one batch, for the statement's loop and the helpers' alike.
  static constexpr size_t kBatchRows = 128;

  // `width`: the columns a row must hold for `inputs`.
  ParallelParts(ExecContext& ctx, const std::vector<int>& inputs, size_t width)
      : ctx_(ctx), inputs_(inputs), width_(width) {}
  // Stops the helpers still running (the statement failed) and waits.
  ~ParallelParts();
  ParallelParts(const ParallelParts&) = delete;
  ParallelParts& operator=(const ParallelParts&) = delete;

  // Aggregates `part` on the lent core into `states`, a fresh state per
  // call, each with its call's context.
  void Start(CoreBudget::Helper core, std::unique_ptr<Operator> part, AggregateStates states,
             std::vector<functions::FunctionContext> contexts);
  size_t started() const { return helpers_.size(); }
  // Helpers started since the daemon started: tests read it to see that a
  // statement did run on several cores.
  static uint64_t helpers_started();
  // Waits for every helper and combines its states into `states`; the
  // first helper's error, if any.
  Status CombineInto(AggregateStates& states, std::vector<functions::FunctionContext>& contexts);

 private:
  struct HelperThread {
    CoreBudget::Helper core;
    std::unique_ptr<Operator> part;
    AggregateStates states;
    std::vector<functions::FunctionContext> contexts;
    Status status;
    std::thread thread;
  };
  void Run(HelperThread& helper);
  void JoinAll();

  ExecContext& ctx_;  // read only by helpers: the cancel flag and deadline
  const std::vector<int>& inputs_;
  const size_t width_;
  std::vector<std::unique_ptr<HelperThread>> helpers_;
  std::atomic<bool> stop_{false};
};

}  // namespace db9::sql

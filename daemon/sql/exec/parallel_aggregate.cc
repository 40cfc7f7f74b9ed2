#include "daemon/sql/exec/parallel_aggregate.h"

#include <algorithm>
#include <system_error>

namespace db9::sql {
namespace {

std::atomic<uint64_t> started_total{0};

}  // namespace

bool RowsHoldColumns(const std::vector<Row>& batch, size_t n, size_t width) {
  return std::all_of(batch.begin(), batch.begin() + static_cast<ptrdiff_t>(n),
                     [&](const Row& row) { return row.size() >= width; });
}

Status FeedPlainBatch(const std::vector<int>& inputs, AggregateStates& states,
                      std::vector<functions::FunctionContext>& contexts,
                      const std::vector<Row>& batch, size_t n,
                      std::vector<const Value*>& args) {
  args.resize(n);
  for (size_t i = 0; i < inputs.size(); ++i) {
    const int input = inputs[i];
    for (size_t k = 0; k < n; ++k) {
      args[k] = input >= 0 ? &batch[k][static_cast<size_t>(input)] : nullptr;
    }
    DB9_RETURN_IF_ERROR(states[i]->AddEach(contexts[i], args));
  }
  return Status::OK();
}

ParallelParts::~ParallelParts() {
  stop_.store(true, std::memory_order_relaxed);
  JoinAll();
}

uint64_t ParallelParts::helpers_started() { return started_total.load(std::memory_order_relaxed); }

void ParallelParts::JoinAll() {
  for (const std::unique_ptr<HelperThread>& helper : helpers_) {
    if (helper->thread.joinable()) helper->thread.join();
  }
}

void ParallelParts::Start(CoreBudget::Helper core, std::unique_ptr<Operator> part,
                          AggregateStates states,
                          std::vector<functions::FunctionContext> contexts) {
  helpers_.push_back(std::make_unique<HelperThread>(
      HelperThread{std::move(core), std::move(part), std::move(states), std::move(contexts), {}, {}}));
  HelperThread& helper = *helpers_.back();
  started_total.fetch_add(1, std::memory_order_relaxed);
  try {
    helper.thread = std::thread([this, &helper] { Run(helper); });
  } catch (const std::system_error&) {
    Run(helper);  // no thread to be had: the part is still aggregated, here
  }
}

void ParallelParts::Run(HelperThread& helper) {
  std::vector<Row> batch(kBatchRows);
  std::vector<const Value*> args;
  while (!stop_.load(std::memory_order_relaxed)) {
    Result<size_t> n = helper.part->NextBatch(ctx_, &batch);
    if (!n.ok()) {
      helper.status = n.status();
      return;
    }
    if (*n == 0) return;
    if (!RowsHoldColumns(batch, *n, width_)) {
      helper.status = Status::Internal("a split-off scan produced a row too narrow to aggregate");
      return;
    }
    helper.status = FeedPlainBatch(inputs_, helper.states, helper.contexts, batch, *n, args);
    if (!helper.status.ok()) return;
  }
}

Status ParallelParts::CombineInto(AggregateStates& states,
                                  std::vector<functions::FunctionContext>& contexts) {
  JoinAll();
  for (const std::unique_ptr<HelperThread>& helper : helpers_) {
    DB9_RETURN_IF_ERROR(helper->status);
    for (size_t i = 0; i < states.size(); ++i) {
      DB9_RETURN_IF_ERROR(states[i]->Combine(contexts[i], *helper->states[i]));
    }
  }
  return Status::OK();
}

}  // namespace db9::sql

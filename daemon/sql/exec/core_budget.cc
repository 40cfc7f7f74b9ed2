#include "daemon/sql/exec/core_budget.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace db9::sql {
namespace {

std::atomic<unsigned> working{0};  // statements in a splittable loop, plus helpers

unsigned Cores() {
  static const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return cores;
}

}  // namespace

CoreBudget::Working::Working() { working.fetch_add(1, std::memory_order_relaxed); }
CoreBudget::Working::~Working() { working.fetch_sub(1, std::memory_order_relaxed); }

CoreBudget::Helper::~Helper() {
  if (held_) working.fetch_sub(1, std::memory_order_relaxed);
}

std::optional<CoreBudget::Helper> CoreBudget::TryBorrow() {
  unsigned now = working.load(std::memory_order_relaxed);
  while (now < Cores()) {
    if (working.compare_exchange_weak(now, now + 1, std::memory_order_relaxed)) {
      return Helper();
    }
  }
  return std::nullopt;
}

}  // namespace db9::sql

// CoreBudget: how many threads of the daemon do statement work at once, so
// that a statement borrows a helper thread for a long scan only while a core
// would otherwise sit idle. On a busy server (eight clients on two cores) a
// helper would only take time from another statement.
#pragma once

#include <cstdint>
#include <optional>

namespace db9::sql {

class CoreBudget {
 public:
  // Counts a statement as working while it runs a loop that may split its
  // input.
  class Working {
   public:
    Working();
    ~Working();
    Working(const Working&) = delete;
    Working& operator=(const Working&) = delete;
  };
  // One core lent to a helper thread, given back when this is destroyed.
  class Helper {
   public:
    Helper(Helper&& other) noexcept : held_(other.held_) { other.held_ = false; }
    Helper& operator=(Helper&&) = delete;
    Helper(const Helper&) = delete;
    ~Helper();

   private:
    friend class CoreBudget;
    Helper() = default;
    bool held_ = true;
  };

  // A core for a helper, if fewer threads work than the machine has cores.
  static std::optional<Helper> TryBorrow();
};

}  // namespace db9::sql

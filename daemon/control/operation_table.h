// OperationTable: control-API operation names -> handlers. Each group of
// operations registers itself (operations.h); the connection code only looks
// names up here, so adding an operation never touches the socket code.
#pragma once

#include <functional>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "daemon/control/hangup_guard.h"
#include "shared/base/result.h"

namespace db9::control {

using Handler = std::function<Result<nlohmann::json>(const nlohmann::json& args)>;
// A handler whose work can run long (SQL): it registers with `hangup` what
// stops it when its client goes away.
using StoppableHandler =
    std::function<Result<nlohmann::json>(const nlohmann::json& args, HangupGuard& hangup)>;

class OperationTable {
 public:
  void Add(std::string op, Handler handler);
  void Add(std::string op, StoppableHandler handler);
  // The handler's result; 08P01 for an unknown op. Never throws: a handler
  // that throws (a bug) becomes an XX000 error.
  Result<nlohmann::json> Run(const std::string& op, const nlohmann::json& args,
                             HangupGuard& hangup) const;

 private:
  std::map<std::string, StoppableHandler> handlers_;
};

}  // namespace db9::control

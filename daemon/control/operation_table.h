// OperationTable: control-API operation names -> handlers. Each group of
// operations registers itself (operations.h); the connection code only looks
// names up here, so adding an operation never touches the socket code.
#pragma once

#include <functional>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "shared/base/result.h"

namespace db9::control {

using Handler = std::function<Result<nlohmann::json>(const nlohmann::json& args)>;

class OperationTable {
 public:
  void Add(std::string op, Handler handler);
  // The handler's result; 08P01 for an unknown op. Never throws: a handler
  // that throws (a bug) becomes an XX000 error.
  Result<nlohmann::json> Run(const std::string& op, const nlohmann::json& args) const;

 private:
  std::map<std::string, Handler> handlers_;
};

}  // namespace db9::control

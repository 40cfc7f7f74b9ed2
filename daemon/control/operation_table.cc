#include "daemon/control/operation_table.h"

#include <exception>

#include "shared/base/sqlstate.h"

namespace db9::control {

void OperationTable::Add(std::string op, Handler handler) {
  handlers_[std::move(op)] = [handler = std::move(handler)](const nlohmann::json& args,
                                                            HangupGuard&) { return handler(args); };
}

void OperationTable::Add(std::string op, StoppableHandler handler) {
  handlers_[std::move(op)] = std::move(handler);
}

Result<nlohmann::json> OperationTable::Run(const std::string& op, const nlohmann::json& args,
                                           HangupGuard& hangup) const {
  auto it = handlers_.find(op);
  if (it == handlers_.end()) {
    return Status::Error(sqlstate::kProtocolViolation, "unknown operation \"" + op + "\"")
        .WithHint("docs/control-api.md lists the operations of protocol version 1");
  }
  try {
    return it->second(args, hangup);
  } catch (const std::exception& e) {
    return Status::Internal("operation \"" + op + "\" failed: " + e.what());
  }
}

}  // namespace db9::control

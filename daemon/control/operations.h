// The control-API operations, in groups that register themselves into an
// OperationTable. Each handler takes the request's "args" and returns its
// "result" (docs/control-api.md).
#pragma once

#include <string>

#include "daemon/control/cancel_registry.h"
#include "daemon/control/control_server.h"
#include "daemon/control/operation_table.h"

namespace db9::tenants {
class TenantManager;
}

namespace db9::control {

struct OperationContext {
  tenants::TenantManager& tenants;
  DaemonInfo info;
  std::string socket_path;
  CancelRegistry cancels;  // db.sql requests running with a cancel_key
};

// hello, daemon.info, daemon.stop
void AddDaemonOperations(OperationTable& table, OperationContext& context);
// db.list, db.create, db.status, db.connect-info, db.delete, db.rename,
// db.reset-password, db.branch
void AddDatabaseOperations(OperationTable& table, OperationContext& context);
// db.tables, db.describe, db.rows, db.sql, db.cancel, db.execute
void AddSqlOperations(OperationTable& table, OperationContext& context);
// db.dump, db.restore
void AddDumpOperations(OperationTable& table, OperationContext& context);

}  // namespace db9::control

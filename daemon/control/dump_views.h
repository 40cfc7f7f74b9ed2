// The view part of a dump: CREATE VIEW for every user view, each after the
// views it reads (a view may read a view created later, through CREATE OR
// REPLACE), with its column list so names given at creation survive.
#pragma once

#include <string>

#include "daemon/control/sql_runner.h"

namespace db9::control {

// Reads views, their columns and definitions (pg_get_viewdef) and which
// views each reads (pg_depend through pg_rewrite, as PostgreSQL records it).
Result<std::string> ViewStatements(SqlRunner& runner, const std::string& user_schemas_filter);

}  // namespace db9::control

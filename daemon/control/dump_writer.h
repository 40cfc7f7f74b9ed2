// DumpWriter: a database as a SQL script — schemas, sequences, tables with
// their constraints and identity columns, rows as COPY blocks, indexes, foreign
// keys, sequence ownership and values (setval, as pg_dump writes them),
// views — that db.restore or psql -f (into PostgreSQL too) replays into an
// empty database. Everything is read through pg_catalog in one read-only
// REPEATABLE READ transaction, so the script is of one moment.
#pragma once

#include <string>

#include "daemon/control/sql_runner.h"

namespace db9::control {

Result<std::string> WriteDump(SqlRunner& runner, const std::string& database_name);

}  // namespace db9::control

// The sequence part of a dump: which sequences exist, with their options,
// which column owns each (serial: OWNED BY; identity: the column's own
// generator), and the statements that recreate them and their values as
// pg_dump writes them (CREATE SEQUENCE ..., ALTER SEQUENCE ... OWNED BY,
// SELECT pg_catalog.setval(name, last_value, is_called)).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "daemon/control/sql_runner.h"

namespace db9::control {

struct DumpSequence {
  std::string schema, name;
  std::string type;  // format_type: integer, bigint, smallint
  std::string start, increment, min_value, max_value;
  bool cycle = false;
  // Owner column, from pg_get_serial_sequence: empty when free-standing.
  std::string owner_table, owner_column;  // owner_table already quoted, qualified
  bool identity = false;                  // the owner column is GENERATED ... AS IDENTITY
};

class DumpSequences {
 public:
  // Reads every user sequence and its parameters.
  static Result<DumpSequences> Load(SqlRunner& runner);

  // Records that `column` of `table` (qualified, quoted) owns the sequence
  // `sequence` ("schema.name" as pg_get_serial_sequence prints it).
  void SetOwner(const std::string& sequence, const std::string& table, const std::string& column,
                bool identity);

  // CREATE SEQUENCE for sequences that are not an identity column's own.
  std::string CreateStatements() const;
  // The identity clause for the column that owns `sequence`:
  // GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY (SEQUENCE NAME ... START WITH ...).
  std::string IdentityClause(const std::string& sequence, char identity_kind) const;
  // ALTER SEQUENCE ... OWNED BY for serial-style ownership.
  std::string OwnershipStatements() const;
  // setval for every sequence, from `SELECT last_value, is_called FROM seq`.
  Result<std::string> ValueStatements(SqlRunner& runner) const;

 private:
  std::string Options(const DumpSequence& s) const;
  std::map<std::string, DumpSequence> sequences_;  // by "schema.name"
};

}  // namespace db9::control

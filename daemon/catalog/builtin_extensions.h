// The extensions every db9 database has: they are built in, not installed.
// plpgsql is there as in every PostgreSQL database; vector is pgvector's
// type (daemon/types/vector_value.h). pg_extension lists them, and
// CREATE / DROP EXTENSION find them here (see each field for what those do).
#pragma once

#include <span>
#include <string_view>

#include "daemon/types/oid.h"

namespace db9::catalog {

struct BuiltinExtension {
  types::Oid oid;  // pg_extension.oid
  std::string_view name;
  std::string_view version;
  types::Oid namespace_oid;  // pg_extension.extnamespace: where PostgreSQL installs it
  bool relocatable;
  // Plain CREATE EXTENSION (without IF NOT EXISTS) succeeds instead of
  // raising 42710 "already exists": pgvector's setup step
  // `CREATE EXTENSION vector` must run as written.
  bool create_is_no_op;
  // The types it provides: DROP EXTENSION refuses (2BP01) while a column
  // uses one, and otherwise does nothing, since the types stay built in.
  std::span<const types::Oid> types;
};

std::span<const BuiltinExtension> BuiltinExtensions();
// nullptr when `name` is not built in.
const BuiltinExtension* FindBuiltinExtension(std::string_view name);

}  // namespace db9::catalog

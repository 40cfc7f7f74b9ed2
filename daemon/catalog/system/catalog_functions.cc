// Catalog inquiry functions: visibility, names, privileges, descriptions.
// Unknown OIDs give NULL, as in PostgreSQL.
#include "daemon/catalog/system/names.h"
#include "daemon/catalog/system/relations.h"
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"
#include "shared/base/sql_identifier.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;
using Args = std::vector<Value>;

Oid ArgOid(const Value& v) { return static_cast<Oid>(v.as_int()); }

Result<Value> TableIsVisible(const SystemContext& ctx, const Args& args) {
  RelationEntry rel;
  if (!RelationByOid(ctx.catalog, ArgOid(args[0]), &rel)) return NullV(t::kBool);
  return BoolV(RelationVisible(ctx.catalog, ctx.session.search_path, rel));
}

Result<Value> TypeIsVisible(const SystemContext&, const Args& args) {
  // Every type lives in pg_catalog, which is always searched.
  if (Types().Find(ArgOid(args[0])) == nullptr) return NullV(t::kBool);
  return BoolV(true);
}

// format_type is not strict: a NULL typmod means "no modifier known".
Result<Value> FormatTypeFn(const SystemContext&, const Args& args) {
  if (args[0].is_null()) return NullV(t::kText);
  int32_t typmod = args[1].is_null() ? -1 : static_cast<int32_t>(args[1].as_int());
  return TextV(types::FormatType(Types(), ArgOid(args[0]), typmod));
}

Result<Value> GetUserById(const SystemContext& ctx, const Args& args) {
  Oid oid = ArgOid(args[0]);
  if (oid == kOwnerOid) return NameV(ctx.session.user);
  return NameV("unknown (OID=" + std::to_string(oid) + ")");
}

Result<Value> EncodingToChar(const SystemContext&, const Args& args) {
  switch (args[0].as_int()) {
    case 0: return NameV("SQL_ASCII");
    case 6: return NameV("UTF8");
    default: return NameV("");
  }
}

// The sequence behind a serial or identity column, schema-qualified.
Result<Value> GetSerialSequence(const SystemContext& ctx, const Args& args) {
  const std::string& table_name = args[0].as_string();
  DB9_ASSIGN_OR_RETURN(std::optional<RelationEntry> rel,
                       LookupRelation(ctx.catalog, ctx.session.search_path, table_name));
  if (!rel || rel->table == nullptr || rel->index != nullptr) {
    return Status::Error(sqlstate::kUndefinedTable,
                         "relation \"" + table_name + "\" does not exist");
  }
  const std::string& column_name = args[1].as_string();
  const Column* column = rel->table->FindColumn(column_name);
  if (column == nullptr) {
    return Status::Error(sqlstate::kUndefinedColumn, "column \"" + column_name +
                                                         "\" of relation \"" +
                                                         std::string(rel->name) +
                                                         "\" does not exist");
  }
  const Sequence* seq = ctx.catalog.SequenceByOid(column->identity_sequence);
  if (seq == nullptr) {
    for (const auto& [oid, s] : ctx.catalog.sequences()) {
      if (s.owned_by_table == rel->oid && s.owned_by_column == column->attnum) seq = &s;
    }
  }
  if (seq == nullptr) return NullV(t::kText);
  return TextV(QuoteIdentifierIfNeeded(NamespaceName(ctx.catalog, seq->namespace_oid)) + "." +
               QuoteIdentifierIfNeeded(seq->name));
}

Result<Value> ToRegclass(const SystemContext& ctx, const Args& args) {
  // NULL for a missing relation or schema; malformed names still fail, as
  // in PostgreSQL.
  auto rel = LookupRelation(ctx.catalog, ctx.session.search_path, args[0].as_string());
  if (!rel.ok() && rel.status().sqlstate() != "3F000") return rel.status();
  if (!rel.ok() || !rel.value()) return NullV(t::kRegclass);
  return Value::OfInt(t::kRegclass, rel.value()->oid);
}

Result<Value> ToRegtype(const SystemContext&, const Args& args) {
  std::optional<Oid> type = LookupTypeName(args[0].as_string());
  if (!type) return NullV(t::kRegtype);
  return Value::OfInt(t::kRegtype, *type);
}

// Privilege names PostgreSQL accepts for tables, optionally WITH GRANT
// OPTION, comma-separated.
Status CheckPrivileges(const std::string& text, std::initializer_list<const char*> allowed) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    std::string word;
    for (char c : item) {
      if (c != ' ') word += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (word.size() > 15 && word.compare(word.size() - 15, 15, "WITHGRANTOPTION") == 0) {
      word.resize(word.size() - 15);
    }
    bool ok = false;
    for (const char* a : allowed) ok |= word == a;
    if (!ok) {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           "unrecognized privilege type: \"" + item + "\"");
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return Status::OK();
}

// The database's one user owns everything, so every privilege is held;
// what remains to check is that the object and privilege names are valid.
Result<Value> HasTablePrivilegeByName(const SystemContext& ctx, const Args& args) {
  const std::string& name = args[args.size() - 2].as_string();
  DB9_ASSIGN_OR_RETURN(std::optional<RelationEntry> rel,
                       LookupRelation(ctx.catalog, ctx.session.search_path, name));
  if (!rel) {
    return Status::Error(sqlstate::kUndefinedTable, "relation \"" + name + "\" does not exist");
  }
  DB9_RETURN_IF_ERROR(CheckPrivileges(args.back().as_string(),
                                      {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE",
                                       "REFERENCES", "TRIGGER"}));
  return BoolV(true);
}

Result<Value> HasTablePrivilegeByOid(const SystemContext& ctx, const Args& args) {
  RelationEntry rel;
  if (!RelationByOid(ctx.catalog, ArgOid(args[0]), &rel)) return NullV(t::kBool);
  DB9_RETURN_IF_ERROR(CheckPrivileges(args[1].as_string(),
                                      {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE",
                                       "REFERENCES", "TRIGGER"}));
  return BoolV(true);
}

Result<Value> HasSchemaPrivilege(const SystemContext& ctx, const Args& args) {
  const std::string& name = args[0].as_string();
  if (ctx.catalog.FindNamespace(name) == nullptr) {
    return Status::Error("3F000", "schema \"" + name + "\" does not exist");
  }
  DB9_RETURN_IF_ERROR(CheckPrivileges(args[1].as_string(), {"CREATE", "USAGE"}));
  return BoolV(true);
}

Result<Value> HasDatabasePrivilege(const SystemContext& ctx, const Args& args) {
  const std::string& name = args[0].as_string();
  if (name != ctx.session.database) {
    return Status::Error(sqlstate::kUndefinedObject,
                         "database \"" + name + "\" does not exist");
  }
  DB9_RETURN_IF_ERROR(CheckPrivileges(args[1].as_string(),
                                      {"CREATE", "CONNECT", "TEMPORARY", "TEMP"}));
  return BoolV(true);
}

// Shared objects (databases, roles) take no comments here.
Result<Value> NoSharedDescription(const SystemContext&, const Args&) { return NullV(t::kText); }

// A user table can be published (PostgreSQL's rule: ordinary tables outside
// the system schemas); db9 has no publications, but psql asks.
Result<Value> RelationIsPublishable(const SystemContext& ctx, const Args& args) {
  RelationEntry rel;
  if (!RelationByOid(ctx.catalog, ArgOid(args[0]), &rel)) return NullV(t::kBool);
  return BoolV(rel.table != nullptr && rel.index == nullptr);
}

// Statistics objects and triggers do not exist here; psql calls these only
// on rows of empty catalogs, and PostgreSQL answers NULL for unknown OIDs.
Result<Value> NoSuchObjectDef(const SystemContext&, const Args&) { return NullV(t::kText); }

}  // namespace

Status RegisterCatalogFunctions(SystemRegistry& r) {
  DB9_RETURN_IF_ERROR(AddFunction(r, "pg_table_is_visible", {t::kOid}, t::kBool, true, TableIsVisible));
  DB9_RETURN_IF_ERROR(AddFunction(r, "pg_type_is_visible", {t::kOid}, t::kBool, true, TypeIsVisible));
  DB9_RETURN_IF_ERROR(AddFunction(r, "format_type", {t::kOid, t::kInt4}, t::kText, false, FormatTypeFn));
  DB9_RETURN_IF_ERROR(AddFunction(r, "pg_get_userbyid", {t::kOid}, t::kName, true, GetUserById));
  DB9_RETURN_IF_ERROR(AddFunction(r, "pg_encoding_to_char", {t::kInt4}, t::kName, true, EncodingToChar));
  DB9_RETURN_IF_ERROR(AddFunction(r, "pg_get_serial_sequence", {t::kText, t::kText}, t::kText, true,
                                  GetSerialSequence));
  DB9_RETURN_IF_ERROR(AddFunction(r, "to_regclass", {t::kText}, t::kRegclass, true, ToRegclass));
  DB9_RETURN_IF_ERROR(AddFunction(r, "to_regtype", {t::kText}, t::kRegtype, true, ToRegtype));
  DB9_RETURN_IF_ERROR(AddFunction(r, "has_table_privilege", {t::kText, t::kText}, t::kBool, true,
                                  HasTablePrivilegeByName));
  DB9_RETURN_IF_ERROR(AddFunction(r, "has_table_privilege", {t::kName, t::kText, t::kText},
                                  t::kBool, true, HasTablePrivilegeByName));
  DB9_RETURN_IF_ERROR(AddFunction(r, "has_table_privilege", {t::kOid, t::kText}, t::kBool, true,
                                  HasTablePrivilegeByOid));
  DB9_RETURN_IF_ERROR(AddFunction(r, "has_schema_privilege", {t::kText, t::kText}, t::kBool, true,
                                  HasSchemaPrivilege));
  DB9_RETURN_IF_ERROR(AddFunction(r, "has_database_privilege", {t::kText, t::kText}, t::kBool,
                                  true, HasDatabasePrivilege));
  DB9_RETURN_IF_ERROR(AddFunction(r, "shobj_description", {t::kOid, t::kName}, t::kText, true,
                                  NoSharedDescription));
  DB9_RETURN_IF_ERROR(AddFunction(r, "pg_relation_is_publishable", {t::kRegclass}, t::kBool, true,
                                  RelationIsPublishable));
  DB9_RETURN_IF_ERROR(AddFunction(r, "pg_get_statisticsobjdef_columns", {t::kOid}, t::kText, true,
                                  NoSuchObjectDef));
  return AddFunction(r, "pg_get_triggerdef", {t::kOid, t::kBool}, t::kText, true, NoSuchObjectDef);
}

}  // namespace db9::catalog::system

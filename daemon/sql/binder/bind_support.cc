// Type names, stored expressions (DEFAULT / CHECK text) and table scopes.
#include <mutex>
#include <unordered_map>

#include "daemon/sql/binder/binder.h"

namespace db9::sql {

Result<std::pair<Oid, int32_t>> Binder::ResolveTypeName(const pg_query::TypeName& name) {
  std::vector<std::string> parts = StringList(name.names());
  if (parts.empty()) return Status::Internal("empty type name");
  std::string type_name = parts.back();
  if (parts.size() > 1 && parts[parts.size() - 2] != "pg_catalog" &&
      parts[parts.size() - 2] != "public") {
    return Status::Error(sqlstate::kUndefinedObject,
                         "type \"" + parts[parts.size() - 2] + "." + type_name + "\" does not exist")
        .WithPosition(name.location() + 1);
  }
  const types::TypeInfo* info = ctx_.registries->types.FindByName(type_name);
  if (info == nullptr) {
    return Status::Error(sqlstate::kUndefinedObject, "type \"" + type_name + "\" does not exist")
        .WithPosition(name.location() + 1);
  }
  int32_t typmod = -1;
  if (name.typmods_size() > 0 && info->typmod_in != nullptr) {
    std::vector<int32_t> mods;
    for (const pg_query::Node& m : name.typmods()) {
      if (m.has_a_const() && m.a_const().has_ival()) {
        mods.push_back(m.a_const().ival().ival());
      } else if (m.has_a_const() && !m.a_const().has_sval() && !m.a_const().has_fval()) {
        mods.push_back(0);  // protobuf drops a literal 0
      } else {
        return Status::Error(sqlstate::kSyntaxError, "type modifiers must be simple constants")
            .WithPosition(name.location() + 1);
      }
    }
    Result<int32_t> t = info->typmod_in(*info, mods);
    if (!t.ok()) return WithLocation(t.status(), name.location());
    typmod = *t;
  }
  if (name.array_bounds_size() > 0) {
    const types::TypeInfo* array = ctx_.registries->types.ArrayOf(info->oid);
    if (array == nullptr) {
      return Status::Error(sqlstate::kUndefinedObject,
                           "could not find array type for data type " + info->sql_name)
          .WithPosition(name.location() + 1);
    }
    return std::make_pair(array->oid, typmod);
  }
  return std::make_pair(info->oid, typmod);
}

Scope Binder::TableScope(const catalog::Table& table, const std::string& alias) {
  Scope scope;
  for (const catalog::Column& c : table.columns) {
    scope.columns.push_back({alias, c.name, c.type, c.typmod, table.oid, c.attnum, false});
  }
  return scope;
}

namespace {

// Stored expressions are parsed once per process: the same DEFAULT runs for
// every inserted row of every session.
Result<std::shared_ptr<const ParsedQuery>> ParseStoredExpr(const std::string& text) {
  static std::mutex mu;
  static std::unordered_map<std::string, std::shared_ptr<const ParsedQuery>> cache;
  {
    std::lock_guard lock(mu);
    auto it = cache.find(text);
    if (it != cache.end()) return it->second;
  }
  DB9_ASSIGN_OR_RETURN(std::shared_ptr<const ParsedQuery> parsed, Parse("SELECT " + text));
  std::lock_guard lock(mu);
  if (cache.size() > 10000) cache.clear();
  cache.emplace(text, parsed);
  return parsed;
}

}  // namespace

Result<ExprPtr> Binder::BindStoredExpr(const std::string& text, const Scope& scope) {
  DB9_ASSIGN_OR_RETURN(std::shared_ptr<const ParsedQuery> parsed, ParseStoredExpr(text));
  if (parsed->statements.size() != 1 || !parsed->statements[0].node->has_select_stmt() ||
      parsed->statements[0].node->select_stmt().target_list_size() != 1) {
    return Status::Error(sqlstate::kDataCorrupted, "stored expression is malformed: " + text);
  }
  const pg_query::Node& target = parsed->statements[0].node->select_stmt().target_list(0);
  return BindExpr(target.res_target().val(), scope);
}

Result<WriteTarget> Binder::PrepareWriteTarget(const catalog::Table& table) {
  WriteTarget target;
  target.table = &table;
  Scope scope = TableScope(table, table.name);
  for (const catalog::Constraint& c : table.constraints) {
    if (c.type != catalog::ConstraintType::kCheck) continue;
    DB9_ASSIGN_OR_RETURN(ExprPtr e, BindStoredExpr(c.check_expr, scope));
    DB9_ASSIGN_OR_RETURN(e, Coerce(std::move(e), types::oid::kBool, -1,
                                   functions::CoercionContext::kImplicit, -1));
    target.checks.push_back({&c, std::move(e)});
  }
  return target;
}

}  // namespace db9::sql

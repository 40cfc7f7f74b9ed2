// CREATE EXTENSION and DROP EXTENSION. Only the built-in extensions exist
// (catalog/builtin_extensions.h) and they cannot be removed: creating one
// answers as PostgreSQL does for an installed extension, and dropping one
// checks what PostgreSQL checks, then leaves it in place.
#include <algorithm>

#include "daemon/catalog/builtin_extensions.h"
#include "daemon/sql/session/ddl_executor.h"

namespace db9::sql {
namespace {

std::string Quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

// PostgreSQL's dependency lines: "column v of table t depends on type vector".
std::vector<std::string> ColumnsUsing(const catalog::CatalogState& catalog,
                                      const catalog::BuiltinExtension& ext,
                                      const types::TypeRegistry& types) {
  std::vector<std::string> out;
  for (const auto& [oid, table] : catalog.tables()) {
    for (const catalog::Column& c : table.columns) {
      if (std::find(ext.types.begin(), ext.types.end(), c.type) == ext.types.end()) continue;
      out.push_back("column " + c.name + " of table " + table.name + " depends on type " +
                    types::FormatType(types, c.type, -1));
    }
  }
  return out;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

}  // namespace

Status DdlExecutor::CreateExtension(const pg_query::CreateExtensionStmt& stmt) {
  const catalog::BuiltinExtension* ext = catalog::FindBuiltinExtension(stmt.extname());
  if (ext == nullptr) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "extension " + Quoted(stmt.extname()) + " is not available");
  }
  if (stmt.if_not_exists()) {
    channel_.SendNotice(
        Status::Notice("extension " + Quoted(ext->name) + " already exists, skipping"));
  } else if (!ext->create_is_no_op) {
    return Status::Error(sqlstate::kDuplicateObject,
                         "extension " + Quoted(ext->name) + " already exists");
  }
  channel_.SendCommandComplete("CREATE EXTENSION");
  return Status::OK();
}

// A built-in extension's types stay, so a column using one blocks the drop
// with PostgreSQL's 2BP01 even under CASCADE (which in PostgreSQL would drop
// the column).
Status DdlExecutor::DropExtensions(const pg_query::DropStmt& stmt) {
  for (const pg_query::Node& o : stmt.objects()) {
    std::string name = StringValue(o);
    const catalog::BuiltinExtension* ext = catalog::FindBuiltinExtension(name);
    if (ext == nullptr) {
      if (!stmt.missing_ok()) {
        return Status::Error(sqlstate::kUndefinedObject,
                             "extension " + Quoted(name) + " does not exist");
      }
      channel_.SendNotice(
          Status::Notice("extension " + Quoted(name) + " does not exist, skipping"));
      continue;
    }
    std::vector<std::string> users = ColumnsUsing(view(), *ext, session_.db_.registries().types);
    if (!users.empty()) {
      return Status::Error(sqlstate::kDependentObjectsStillExist,
                           "cannot drop extension " + name + " because other objects depend on it")
          .WithDetail(JoinLines(users))
          .WithHint("Extension " + name +
                    " is built into db9 and stays; drop or alter the dependent columns first.");
    }
    channel_.SendNotice(Status::Notice("extension " + Quoted(name) +
                                       " is built into db9 and stays available"));
  }
  channel_.SendCommandComplete("DROP EXTENSION");
  return Status::OK();
}

}  // namespace db9::sql

// What clients read about views: pg_views, information_schema.views,
// pg_get_viewdef and pg_get_ruledef (psql's \d+ and \sv, SQLAlchemy's
// get_view_definition).
//
// A view's definition is the SQL text the catalog keeps (View::definition),
// printed the way PostgreSQL frames pg_get_viewdef's output: a leading
// space and a closing semicolon, so "CREATE VIEW v AS" + it recreates the
// view. PostgreSQL's own text is a pretty-printed deparse (columns qualified,
// one per line); ours is libpg_query's one-line deparse of the same query.
#include "daemon/catalog/system/information_schema.h"
#include "daemon/catalog/system/names.h"
#include "daemon/catalog/system/relations.h"
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"
#include "shared/base/sql_identifier.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;
using Args = std::vector<Value>;

// When a column list (or ALTER VIEW ... RENAME COLUMN) named the columns
// otherwise than the query does, the query is wrapped in a subquery that
// renames them, so the text still recreates the view with its own names.
std::string ViewDefinition(const View& view) {
  bool renamed = view.query_names.size() != view.columns.size();
  std::string names;
  for (size_t i = 0; i < view.columns.size(); ++i) {
    renamed |= !renamed && view.columns[i].name != view.query_names[i];
    names += (i > 0 ? ", " : "") + QuoteIdentifierIfNeeded(view.columns[i].name);
  }
  if (!renamed) return " " + view.definition + ";";
  return " SELECT " + names + " FROM (" + view.definition + ") " + QuoteIdentifierIfNeeded(view.name) + "(" +
         names + ");";
}

Value DefinitionOf(const CatalogState& state, Oid oid) {
  const View* view = state.ViewByOid(oid);
  return view != nullptr ? TextV(ViewDefinition(*view)) : NullV(t::kText);
}

// pg_get_viewdef('name'): the relation must exist (42P01); a relation that
// is not a view has no definition (NULL), as in PostgreSQL.
Result<Value> DefinitionByName(const SystemContext& ctx, const Args& args) {
  const std::string& name = args[0].as_string();
  DB9_ASSIGN_OR_RETURN(std::optional<RelationEntry> rel,
                       LookupRelation(ctx.catalog, ctx.session.search_path, name));
  if (!rel) {
    return Status::Error(sqlstate::kUndefinedTable, "relation \"" + name + "\" does not exist");
  }
  return DefinitionOf(ctx.catalog, rel->oid);
}

Result<Value> DefinitionByOid(const SystemContext& ctx, const Args& args) {
  return DefinitionOf(ctx.catalog, static_cast<Oid>(args[0].as_int()));
}

// pg_get_ruledef(rule): a view's _RETURN rule (its pg_rewrite OID is the
// view's, see pg_depend.cc) as PostgreSQL prints it.
Result<Value> RuleDefinition(const SystemContext& ctx, const Args& args) {
  const View* view = ctx.catalog.ViewByOid(static_cast<Oid>(args[0].as_int()));
  if (view == nullptr) return NullV(t::kText);
  return TextV("CREATE RULE \"_RETURN\" AS\n    ON SELECT TO " +
               QuoteIdentifierIfNeeded(NamespaceName(ctx.catalog, view->namespace_oid)) + "." +
               QuoteIdentifierIfNeeded(view->name) + " DO INSTEAD  " + view->definition + ";");
}

Result<SystemRows> PgViewsRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const RelationEntry& r : AllRelations(ctx.catalog)) {
    if (r.relkind != 'v') continue;
    rows.push_back({NameV(NamespaceName(ctx.catalog, r.namespace_oid)), NameV(std::string(r.name)),
                    NameV(ctx.session.user),
                    r.view != nullptr ? TextV(ViewDefinition(*r.view)) : NullV(t::kText)});
  }
  return rows;
}

// Simple views are written through (View::updatable); nothing is written
// through triggers, which db9 does not have.
Result<SystemRows> InformationSchemaViewsRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const RelationEntry& r : AllRelations(ctx.catalog)) {
    if (r.relkind != 'v') continue;
    bool updatable = r.view != nullptr && r.view->updatable;
    rows.push_back({NameV(ctx.session.database), NameV(NamespaceName(ctx.catalog, r.namespace_oid)),
                    NameV(std::string(r.name)),
                    r.view != nullptr ? VarcharV(ViewDefinition(*r.view)) : NullV(t::kVarchar),
                    VarcharV("NONE"), YesNoV(updatable), YesNoV(updatable), YesNoV(false),
                    YesNoV(false), YesNoV(false)});
  }
  return rows;
}

}  // namespace

Status RegisterViewCatalog(SystemRegistry& r) {
  SystemRelation pg_views;
  pg_views.oid = 12028;
  pg_views.name = "pg_views";
  pg_views.relkind = 'v';
  pg_views.columns = {{"schemaname", t::kName}, {"viewname", t::kName},
                      {"viewowner", t::kName}, {"definition", t::kText}};
  pg_views.rows = PgViewsRows;
  DB9_RETURN_IF_ERROR(r.AddRelation(std::move(pg_views)));
  DB9_RETURN_IF_ERROR(AddInformationSchemaView(
      r, 13483, "views",
      {{"table_catalog", t::kName}, {"table_schema", t::kName}, {"table_name", t::kName},
       {"view_definition", t::kVarchar}, {"check_option", t::kVarchar},
       {"is_updatable", t::kVarchar}, {"is_insertable_into", t::kVarchar},
       {"is_trigger_updatable", t::kVarchar}, {"is_trigger_deletable", t::kVarchar},
       {"is_trigger_insertable_into", t::kVarchar}},
      InformationSchemaViewsRows));
  // The pretty flag and the wrap column change only PostgreSQL's layout.
  // The by-name forms come first: the first overload an argument fits wins,
  // and an untyped literal ('v') means a name, as in PostgreSQL.
  DB9_RETURN_IF_ERROR(AddFunction(r, "pg_get_viewdef", {t::kText}, t::kText, true, DefinitionByName));
  DB9_RETURN_IF_ERROR(
      AddFunction(r, "pg_get_viewdef", {t::kText, t::kBool}, t::kText, true, DefinitionByName));
  for (Oid extra : {t::kBool, t::kInt4}) {
    DB9_RETURN_IF_ERROR(
        AddFunction(r, "pg_get_viewdef", {t::kOid, extra}, t::kText, true, DefinitionByOid));
  }
  DB9_RETURN_IF_ERROR(AddFunction(r, "pg_get_viewdef", {t::kOid}, t::kText, true, DefinitionByOid));
  DB9_RETURN_IF_ERROR(AddFunction(r, "pg_get_ruledef", {t::kOid}, t::kText, true, RuleDefinition));
  DB9_RETURN_IF_ERROR(
      AddFunction(r, "pg_get_ruledef", {t::kOid, t::kBool}, t::kText, true, RuleDefinition));
  return Status::OK();
}

}  // namespace db9::catalog::system

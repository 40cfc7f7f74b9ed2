// Views in FROM. A view is its stored SELECT (catalog::View::definition),
// bound where the view is named like a subquery in FROM: it sees no outer
// query and none of the naming query's CTEs, and the planner filters its
// rows like any subquery's.
#include "daemon/sql/binder/select_binding.h"

namespace db9::sql {
namespace {

Status MustBeRecreated(const catalog::View& view, const std::string& why) {
  return Status::Error(sqlstate::kObjectNotInPrerequisiteState,
                       "view \"" + view.name + "\" no longer matches its definition: " + why)
      .WithHint("Recreate the view with CREATE OR REPLACE VIEW.");
}

// The query's output as the view's columns: the first n columns (a table
// column added after CREATE VIEW to a SELECT * is not part of the view),
// with the view's names. The query must still give those columns the names
// and types it gave at CREATE VIEW (except that an untyped literal becomes
// text), or a table change has shifted what the view reads.
Result<BoundQuery> FitToViewColumns(Binder& binder, const catalog::View& view, BoundQuery query) {
  if (query.columns.size() < view.columns.size()) {
    return MustBeRecreated(view, "its query returns fewer columns than the view has");
  }
  bool project = query.columns.size() != view.columns.size();
  std::vector<ExprPtr> exprs;
  std::vector<OutputColumn> columns;
  for (size_t i = 0; i < view.columns.size(); ++i) {
    const catalog::Column& c = view.columns[i];
    const OutputColumn& got = query.columns[i];
    if (i < view.query_names.size() && got.name != view.query_names[i]) {
      return MustBeRecreated(view, "its query now returns column \"" + got.name + "\" where \"" +
                                       view.query_names[i] + "\" was");
    }
    ExprPtr e = std::make_shared<ColumnExpr>(static_cast<int>(i), 0, got.type, got.typmod);
    if (got.type != c.type) {
      if (got.type != types::oid::kUnknown) {
        return MustBeRecreated(view, "column \"" + c.name + "\" changed type");
      }
      project = true;
      DB9_ASSIGN_OR_RETURN(e, binder.Coerce(std::move(e), c.type, c.typmod,
                                            functions::CoercionContext::kImplicit, -1));
    }
    exprs.push_back(std::move(e));
    columns.push_back({c.name, c.type, c.typmod, view.oid, c.attnum});
  }
  BoundQuery out;
  out.columns = columns;
  out.root = project ? std::make_unique<ProjectOp>(std::move(query.root), std::move(exprs), columns)
                     : std::move(query.root);
  if (!project) {
    for (size_t i = 0; i < columns.size(); ++i) out.root->columns[i] = columns[i];
  }
  return out;
}

}  // namespace

Result<BoundQuery> BindView(Binder& binder, const catalog::View& view) {
  if (!binder.expanding_views.insert(view.oid).second) {
    return Status::Error(sqlstate::kInvalidObjectDefinition,
                         "infinite recursion detected in rules for relation \"" + view.name + "\"");
  }
  struct Restore {
    Binder& binder;
    Oid oid;
    std::vector<std::map<std::string, CteBinding>> ctes;
    ~Restore() {
      binder.ctes = std::move(ctes);
      binder.expanding_views.erase(oid);
    }
  } restore{binder, view.oid, std::exchange(binder.ctes, {})};

  Result<std::shared_ptr<const ParsedQuery>> parsed = Parse(view.definition);
  if (!parsed.ok() || (*parsed)->statements.size() != 1 ||
      !(*parsed)->statements[0].node->has_select_stmt()) {
    return Status::Error(sqlstate::kDataCorrupted,
                         "the stored definition of view \"" + view.name + "\" is malformed");
  }
  Result<BoundQuery> query = binder.BindSelect((*parsed)->statements[0].node->select_stmt(), nullptr);
  // Positions would point into the view's text, not the statement's.
  if (!query.ok()) return Status(query.status()).WithPosition(0);
  return FitToViewColumns(binder, view, std::move(*query));
}

}  // namespace db9::sql

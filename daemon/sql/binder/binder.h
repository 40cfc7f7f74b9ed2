// Binder: turns a parse tree into an executable plan. It resolves names
// against the catalog (relations, columns, CTEs), types and functions
// against the registries, infers parameter types from context, and hands
// FROM/WHERE to the planner (daemon/sql/planner) to choose access paths and
// join methods. Errors carry PostgreSQL's SQLSTATE, message and position.
//
// One Binder binds one statement; it is not thread-safe and holds no state
// between statements.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "daemon/catalog/catalog.h"
#include "daemon/catalog/system_registry.h"
#include "daemon/sql/exec/aggregate_op.h"
#include "daemon/sql/exec/basic_ops.h"
#include "daemon/sql/exec/expr.h"
#include "daemon/sql/exec/scan_ops.h"
#include "daemon/sql/exec/table_writer.h"
#include "daemon/sql/parser/parser.h"

namespace db9::sql {

// What binding needs from the session.
struct BindContext {
  const catalog::CatalogState* catalog = nullptr;
  const functions::Registries* registries = nullptr;
  const catalog::SessionInfo* session = nullptr;
  const types::IoContext* io = nullptr;
  // $n types: given by Parse (0 = infer), extended and filled while binding.
  std::vector<Oid>* param_types = nullptr;
};

// One column visible to name resolution.
struct ScopeColumn {
  std::string relation;   // alias or table name ("" for unnamed subquery columns)
  std::string name;
  Oid type = 0;
  int32_t typmod = -1;
  Oid table_oid = 0;
  int16_t attnum = 0;
  bool hidden = false;    // not expanded by *, not found by name (row keys)
};

struct Scope {
  std::vector<ScopeColumn> columns;
  const Scope* parent = nullptr;  // enclosing query, for correlated references
};

// A bound query: its plan and visible output columns.
struct BoundQuery {
  OperatorPtr root;
  std::vector<OutputColumn> columns;
};

struct WorkTable;  // exec/recursive_union_op.h
struct ColumnUse;  // planner/column_use.h

// A common table expression made available to FROM.
struct CteBinding {
  std::shared_ptr<Operator> plan;
  std::shared_ptr<MaterializedRows> rows;
  std::vector<OutputColumn> columns;
  // Set only while binding a recursive CTE's recursive term: references to
  // the CTE there read the previous round's rows.
  std::shared_ptr<WorkTable> work_table;
};

class Binder {
 public:
  explicit Binder(BindContext ctx) : ctx_(ctx) {}

  Result<BoundQuery> BindSelect(const pg_query::SelectStmt& stmt, const Scope* outer);
  // The SELECT after its WITH clause is bound (bind_select.cc).
  Result<BoundQuery> BindSelectBody(const pg_query::SelectStmt& stmt, const Scope* outer);
  Result<BoundQuery> BindInsert(const pg_query::InsertStmt& stmt);
  Result<BoundQuery> BindUpdate(const pg_query::UpdateStmt& stmt);
  Result<BoundQuery> BindDelete(const pg_query::DeleteStmt& stmt);

  // An expression over `scope` (no aggregates).
  Result<ExprPtr> BindExpr(const pg_query::Node& node, const Scope& scope);
  // Converts to `target` (typmod -1: none) if the context allows, typing
  // unknown literals and parameters; 42804 otherwise.
  Result<ExprPtr> Coerce(ExprPtr expr, Oid target, int32_t typmod,
                         functions::CoercionContext context, int location);
  // A type name ("integer", "varchar(20)", "text[]") -> OID and typmod.
  Result<std::pair<Oid, int32_t>> ResolveTypeName(const pg_query::TypeName& name);
  // Binds a stored SQL expression text (DEFAULT, CHECK) over `scope`.
  Result<ExprPtr> BindStoredExpr(const std::string& text, const Scope& scope);
  // The CHECK constraints of a table bound for writing.
  Result<WriteTarget> PrepareWriteTarget(const catalog::Table& table);
  // A scope of the table's columns named by `alias`.
  static Scope TableScope(const catalog::Table& table, const std::string& alias);

  const BindContext& context() const { return ctx_; }
  // Level-0 column indexes read by the expressions bound since the last
  // call; the planner uses them to place predicates.
  std::set<int> TakeReferencedColumns() { return std::exchange(referenced_, {}); }
  bool saw_subquery() const { return saw_subquery_; }
  void reset_saw_subquery() { saw_subquery_ = false; }

  // CTEs visible at this point (innermost WITH last).
  std::vector<std::map<std::string, CteBinding>> ctes;

 private:
  friend class AggregateBinding;
  friend Result<ExprPtr> BindRowSubLink(Binder& binder, const pg_query::SubLink& link,
                                        const Scope& scope, const BoundQuery& sub,
                                        std::shared_ptr<Operator> plan);
  friend class WindowBinding;
  Result<ExprPtr> BindNode(const pg_query::Node& node, const Scope& scope);
  Result<ExprPtr> BindColumnRef(const pg_query::ColumnRef& ref, const Scope& scope);
  Result<ExprPtr> BindConst(const pg_query::A_Const& c);
  Result<ExprPtr> BindAExpr(const pg_query::A_Expr& e, const Scope& scope);
  Result<ExprPtr> BindArrayComparison(const pg_query::A_Expr& e, const std::string& op,
                                      const Scope& scope);
  Result<ExprPtr> BindOperator(const std::string& name, ExprPtr left, ExprPtr right, int location);
  Result<ExprPtr> BindFuncCall(const pg_query::FuncCall& call, const Scope& scope);
  Result<ExprPtr> BindWindowCall(const pg_query::FuncCall& call, const Scope& scope);
  Result<ExprPtr> BindTypeCast(const pg_query::TypeCast& cast, const Scope& scope);
  Result<ExprPtr> BindSubLink(const pg_query::SubLink& link, const Scope& scope);
  Result<ExprPtr> BindCase(const pg_query::CaseExpr& c, const Scope& scope);
  Result<ExprPtr> BindSqlValueFunction(const pg_query::SQLValueFunction& f);
  Result<ExprPtr> BindParam(const pg_query::ParamRef& p);
  // Binds several expressions and coerces them to their common type.
  Result<std::vector<ExprPtr>> BindCommon(const std::vector<const pg_query::Node*>& nodes,
                                          const Scope& scope, const char* context, Oid* type);
  Result<ExprPtr> CallFunctionByName(const std::string& name, std::vector<ExprPtr> args,
                                     int location);

 public:
  // Aggregate binding state while binding a grouped query's outputs; set by
  // BindSelect. When non-null, BindExpr maps GROUP BY expressions and
  // aggregate calls to columns of the aggregate operator's output.
  struct AggregateState;
  AggregateState* aggregate_state = nullptr;
  // Binds with the aggregate mapping (used by bind_select.cc).
  Result<ExprPtr> BindGrouped(const pg_query::Node& node, const Scope& scope);

  // Window function calls of the SELECT being bound (bind_window.cc); set by
  // BindSelect, null where window functions are not allowed.
  struct WindowState;
  WindowState* window_state = nullptr;

  // Set-returning calls of the SELECT list being bound
  // (set_function_binding.h); when non-null, BindFuncCall turns a
  // set-returning call into a column of a ProjectSetOp below the projection.
  struct SetFunctionState;
  SetFunctionState* set_function_state = nullptr;
  // Enclosing scopes that column references resolved into (level > 0):
  // a FROM function or LATERAL subquery is bound with the preceding FROM
  // items as its enclosing scope and asks here whether it read them.
  std::set<const Scope*> outer_scopes_read;
  // The column names the SELECT being bound can read (set by
  // BindSelectBody; null: every column, as for a DML target): the planner
  // has its table scans decode only those.
  const ColumnUse* column_use = nullptr;
  // The single FROM table's columns (positions) that the ORDER BY of a
  // SELECT with LIMIT names, all ascending or all descending; empty
  // otherwise. The planner may scan an index in that order, forwards or
  // backwards, so that LIMIT stops the scan early.
  RowOrder order_hint;
  // Views being expanded (bind_view.cc): a view that reads itself, through
  // CREATE OR REPLACE, is an error rather than endless recursion.
  std::set<Oid> expanding_views;

 private:
  BindContext ctx_;
  std::set<int> referenced_;
  bool saw_subquery_ = false;
  size_t outer_references_ = 0;  // column references resolved in an enclosing scope
};

// Node helpers shared by the binder files.
std::string StringValue(const pg_query::Node& node);  // String node -> text
std::vector<std::string> StringList(const google::protobuf::RepeatedPtrField<pg_query::Node>& list);
// A key equal for structurally equal expressions (locations ignored).
std::string NodeKey(const pg_query::Node& node);
Status NotSupported(std::string what, int location = -1);
Status WithLocation(Status status, int location);

}  // namespace db9::sql

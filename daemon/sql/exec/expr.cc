#include "daemon/sql/exec/expr.h"

#include <array>
#include <exception>
#include <new>
#include <optional>

#include "daemon/catalog/system/reg_name_resolver.h"

namespace db9::sql {
namespace {

bool AllRowIndependent(const std::vector<ExprPtr>& args) {
  for (const ExprPtr& arg : args) {
    if (!arg->IsRowIndependent()) return false;
  }
  return true;
}

Result<std::vector<Value>> EvalArgs(const std::vector<ExprPtr>& args, ExecContext& ctx,
                                    const Row& row) {
  std::vector<Value> values;
  values.reserve(args.size());
  for (const ExprPtr& arg : args) {
    DB9_ASSIGN_OR_RETURN(Value v, arg->Eval(ctx, row));
    values.push_back(std::move(v));
  }
  return values;
}

// Tri-state of a boolean Value: -1 NULL, 0 false, 1 true.
int Truth(const Value& v) { return v.is_null() ? -1 : (v.as_bool() ? 1 : 0); }

Value BoolOrNull(int truth) {
  return truth < 0 ? Value::Null(types::oid::kBool) : Value::Bool(truth == 1);
}

// Built-ins report errors as Status, but a library under them (Boost's
// big integers, the standard library) may still throw. An exception leaving
// a worker thread would end the daemon and drop every connection, so each
// call into a registry entry turns one into an error for this statement.
template <typename Call>
Result<Value> Guarded(Call&& call) {
  try {
    return call();
  } catch (const std::bad_alloc&) {
    return Status::Error("53200", "out of memory");
  } catch (const std::exception& e) {
    return Status::Error("XX000", std::string("internal error: ") + e.what());
  }
}

std::atomic<uint64_t> g_execution_ids{1};

}  // namespace

uint64_t ExecContext::NextExecutionId() { return g_execution_ids.fetch_add(1); }

Status ExecContext::CheckCancel() const {
  if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
    return Status::Error(sqlstate::kQueryCanceled, "canceling statement due to user request");
  }
  if (deadline != std::chrono::steady_clock::time_point{} &&
      std::chrono::steady_clock::now() > deadline) {
    return Status::Error(sqlstate::kQueryCanceled, "canceling statement due to statement timeout");
  }
  return Status::OK();
}

Result<Value> ColumnExpr::Eval(ExecContext& ctx, const Row& row) const {
  const Row* source = &row;
  if (levels_up > 0) {
    if (static_cast<size_t>(levels_up) > ctx.outer_rows.size()) {
      return Status::Internal("outer column reference without an outer row");
    }
    source = ctx.outer_rows[ctx.outer_rows.size() - levels_up];
  }
  if (index < 0 || static_cast<size_t>(index) >= source->size()) {
    return Status::Internal("column reference out of range");
  }
  return (*source)[index];
}

Result<Value> ParamExpr::Eval(ExecContext& ctx, const Row&) const {
  if (ctx.params == nullptr || static_cast<size_t>(index) >= ctx.params->size()) {
    return Status::Error(sqlstate::kUndefinedParameter,
                         "there is no parameter $" + std::to_string(index + 1));
  }
  return (*ctx.params)[index];
}

bool FuncExpr::IsRowIndependent() const {
  return function->volatility != functions::Volatility::kVolatile && AllRowIndependent(args);
}

Result<Value> FuncExpr::Eval(ExecContext& ctx, const Row& row) const {
  DB9_ASSIGN_OR_RETURN(std::vector<Value> values, EvalArgs(args, ctx, row));
  std::vector<Oid> arg_types;
  arg_types.reserve(args.size());
  for (const ExprPtr& arg : args) arg_types.push_back(arg->type);
  functions::FunctionContext fn = ctx.fn;
  fn.result_type = type;
  fn.result_typmod = typmod;
  fn.arg_types = arg_types;
  return Guarded([&] { return functions::CallFunction(*function, fn, values); });
}

bool OpExpr::IsRowIndependent() const { return AllRowIndependent(args); }

Result<Value> OpExpr::Eval(ExecContext& ctx, const Row& row) const {
  // Operators take one or two operands; a fixed array spares the heap on
  // the hottest path (filters evaluate this once per row).
  std::array<Value, 2> values;
  for (size_t i = 0; i < args.size(); ++i) {
    DB9_ASSIGN_OR_RETURN(values[i], args[i]->Eval(ctx, row));
  }
  Oid arg_types[2] = {args[0]->type, args.size() > 1 ? args[1]->type : types::oid::kInvalid};
  functions::FunctionContext fn = ctx.fn;
  fn.result_type = type;
  fn.arg_types = std::span<const Oid>(arg_types, args.size());
  return Guarded([&] {
    return functions::CallOperator(*op, fn, std::span<const Value>(values.data(), args.size()));
  });
}

namespace {

bool IsRegType(Oid t) {
  return t == types::oid::kRegclass || t == types::oid::kRegtype || t == types::oid::kRegproc ||
         t == types::oid::kRegnamespace;
}

}  // namespace

Result<Value> CastExpr::Eval(ExecContext& ctx, const Row& row) const {
  DB9_ASSIGN_OR_RETURN(Value v, arg->Eval(ctx, row));
  functions::FunctionContext fn = ctx.fn;
  fn.result_type = type;
  fn.result_typmod = typmod;
  // reg* values read and print as names ('users', 'public'), which only the
  // catalog snapshot of this statement knows.
  std::optional<catalog::system::CatalogRegNameResolver> resolver;
  types::IoContext io;
  if ((IsRegType(type) || IsRegType(v.type())) && ctx.catalog != nullptr && ctx.session != nullptr &&
      fn.io != nullptr) {
    resolver.emplace(*ctx.catalog, ctx.session->search_path);
    io = *fn.io;
    io.reg_resolver = &*resolver;
    fn.io = &io;
  }
  return Guarded([&] { return ctx.registries->casts.Cast(fn, v, type, typmod, context); });
}

bool BoolExpr::IsRowIndependent() const { return AllRowIndependent(args); }

Result<Value> BoolExpr::Eval(ExecContext& ctx, const Row& row) const {
  if (kind == Kind::kNot) {
    DB9_ASSIGN_OR_RETURN(Value v, args[0]->Eval(ctx, row));
    int t = Truth(v);
    return BoolOrNull(t < 0 ? -1 : 1 - t);
  }
  // AND: false wins, else NULL if any NULL. OR: true wins, else NULL if any.
  int decisive = kind == Kind::kAnd ? 0 : 1;
  bool saw_null = false;
  for (const ExprPtr& arg : args) {
    DB9_ASSIGN_OR_RETURN(Value v, arg->Eval(ctx, row));
    int t = Truth(v);
    if (t == decisive) return Value::Bool(decisive == 1);
    if (t < 0) saw_null = true;
  }
  return saw_null ? Value::Null(types::oid::kBool) : Value::Bool(decisive == 0);
}

Result<Value> TestExpr::Eval(ExecContext& ctx, const Row& row) const {
  DB9_ASSIGN_OR_RETURN(Value v, arg->Eval(ctx, row));
  switch (kind) {
    case Kind::kIsNull: return Value::Bool(v.is_null());
    case Kind::kIsNotNull: return Value::Bool(!v.is_null());
    case Kind::kIsTrue: return Value::Bool(Truth(v) == 1);
    case Kind::kIsNotTrue: return Value::Bool(Truth(v) != 1);
    case Kind::kIsFalse: return Value::Bool(Truth(v) == 0);
    case Kind::kIsNotFalse: return Value::Bool(Truth(v) != 0);
  }
  return Status::Internal("unknown test");
}

Result<Value> DistinctExpr::Eval(ExecContext& ctx, const Row& row) const {
  DB9_ASSIGN_OR_RETURN(Value x, a->Eval(ctx, row));
  DB9_ASSIGN_OR_RETURN(Value y, b->Eval(ctx, row));
  bool same;
  if (x.is_null() || y.is_null()) {
    same = x.is_null() && y.is_null();
  } else {
    Value args[2] = {std::move(x), std::move(y)};
    DB9_ASSIGN_OR_RETURN(Value eqv,
                         Guarded([&] { return functions::CallOperator(*eq, ctx.fn, args); }));
    same = Truth(eqv) == 1;
  }
  return Value::Bool(not_distinct ? same : !same);
}

Result<Value> CaseExpr::Eval(ExecContext& ctx, const Row& row) const {
  for (const When& when : whens) {
    DB9_ASSIGN_OR_RETURN(bool hit, EvalPredicate(*when.condition, ctx, row));
    if (hit) return when.result->Eval(ctx, row);
  }
  if (otherwise) return otherwise->Eval(ctx, row);
  return Value::Null(type);
}

Result<Value> CoalesceExpr::Eval(ExecContext& ctx, const Row& row) const {
  for (const ExprPtr& arg : args) {
    DB9_ASSIGN_OR_RETURN(Value v, arg->Eval(ctx, row));
    if (!v.is_null()) return v;
  }
  return Value::Null(type);
}

Result<Value> NullIfExpr::Eval(ExecContext& ctx, const Row& row) const {
  DB9_ASSIGN_OR_RETURN(Value x, a->Eval(ctx, row));
  DB9_ASSIGN_OR_RETURN(Value y, b->Eval(ctx, row));
  if (x.is_null() || y.is_null()) return x;
  Value args[2] = {x, y};
  DB9_ASSIGN_OR_RETURN(Value eqv,
                       Guarded([&] { return functions::CallOperator(*eq, ctx.fn, args); }));
  return Truth(eqv) == 1 ? Value::Null(type) : x;
}

Result<Value> MinMaxExpr::Eval(ExecContext& ctx, const Row& row) const {
  Value best = Value::Null(type);
  for (const ExprPtr& arg : args) {
    DB9_ASSIGN_OR_RETURN(Value v, arg->Eval(ctx, row));
    if (v.is_null()) continue;
    if (best.is_null()) {
      best = std::move(v);
      continue;
    }
    DB9_ASSIGN_OR_RETURN(int cmp, types::CompareValues(ctx.types(), v, best));
    if (greatest ? cmp > 0 : cmp < 0) best = std::move(v);
  }
  return best;
}

Result<Value> SubqueryExpr::Eval(ExecContext& ctx, const Row& row) const {
  // kAny/kAll depend on the left-hand value, so only EXISTS and scalar
  // subqueries without outer references are cached.
  bool cacheable = !correlated && (kind == Kind::kExists || kind == Kind::kScalar);
  if (cacheable && cached_ && cache_execution_ == ctx.execution_id) return cache_;
  DB9_ASSIGN_OR_RETURN(Value v, Run(ctx, row));
  if (cacheable) {
    cached_ = true;
    cache_ = v;
    cache_execution_ = ctx.execution_id;
  }
  return v;
}

Result<Value> SubqueryExpr::Run(ExecContext& ctx, const Row& row) const {
  OuterRowScope scope(ctx, &row);

  DB9_RETURN_IF_ERROR(plan->Open(ctx));
  Row sub;
  switch (kind) {
    case Kind::kExists: {
      DB9_ASSIGN_OR_RETURN(bool any, plan->Next(ctx, &sub));
      return Value::Bool(any);
    }
    case Kind::kScalar: {
      DB9_ASSIGN_OR_RETURN(bool any, plan->Next(ctx, &sub));
      if (!any) return Value::Null(type);
      Value result = sub[0];
      DB9_ASSIGN_OR_RETURN(bool more, plan->Next(ctx, &sub));
      if (more) {
        return Status::Error(sqlstate::kCardinalityViolation,
                             "more than one row returned by a subquery used as an expression");
      }
      return result;
    }
    case Kind::kAny:
    case Kind::kAll: {
      // The left side is evaluated against the outer row, then compared with
      // each subquery value; `test` reads the left value as outer column 0
      // of a two-column row {lhs, sub}.
      ctx.outer_rows.pop_back();
      Result<Value> left = lhs->Eval(ctx, row);
      ctx.outer_rows.push_back(&row);
      if (!left.ok()) return left.status();
      bool any_mode = kind == Kind::kAny;
      bool saw_null = false;
      while (true) {
        DB9_ASSIGN_OR_RETURN(bool more, plan->Next(ctx, &sub));
        if (!more) break;
        Row pair{left.value(), sub[0]};
        DB9_ASSIGN_OR_RETURN(Value t, test->Eval(ctx, pair));
        int truth = Truth(t);
        if (any_mode && truth == 1) return Value::Bool(true);
        if (!any_mode && truth == 0) return Value::Bool(false);
        if (truth < 0) saw_null = true;
      }
      if (saw_null) return Value::Null(types::oid::kBool);
      return Value::Bool(!any_mode);
    }
  }
  return Status::Internal("unknown subquery kind");
}

Result<Value> CatalogFuncExpr::Eval(ExecContext& ctx, const Row& row) const {
  DB9_ASSIGN_OR_RETURN(std::vector<Value> values, EvalArgs(args, ctx, row));
  if (function->strict) {
    for (const Value& v : values) {
      if (v.is_null()) return Value::Null(type);
    }
  }
  catalog::SystemContext system{*ctx.catalog, *ctx.session, ctx.sequences};
  return function->call(system, values);
}

Result<bool> EvalPredicate(const Expr& expr, ExecContext& ctx, const Row& row) {
  DB9_ASSIGN_OR_RETURN(Value v, expr.Eval(ctx, row));
  return Truth(v) == 1;
}

}  // namespace db9::sql

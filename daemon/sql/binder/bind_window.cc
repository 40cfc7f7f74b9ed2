// Window function calls: f(args) OVER (PARTITION BY ... ORDER BY ... frame)
// or OVER name, with PostgreSQL's rules for WINDOW clause references
// (parse_clause.c transformWindowDefinitions) and frame offsets.
#include <set>

#include "daemon/functions/type_resolution.h"
#include "daemon/sql/binder/aggregate_binding.h"
#include "daemon/sql/binder/window_binding.h"

namespace db9::sql {

using functions::CoercionContext;

// Binder internals the window code needs (operators, coercion).
class WindowBinding {
 public:
  // The definition `over` stands for after following WINDOW names; name and
  // refname cleared, so equal windows have equal NodeKeys.
  static Result<pg_query::WindowDef> Resolve(const Binder::WindowState& state,
                                             const pg_query::WindowDef& over, int depth);
  static Result<int> BindDefinition(Binder& binder, const pg_query::WindowDef& def,
                                    const Scope& scope);

 private:
  static Status BindFrame(Binder& binder, const pg_query::WindowDef& def, const Scope& scope,
                          WindowDefinition* out);
  // A frame offset: constant per execution, so bound without the row.
  static Result<ExprPtr> BindOffset(Binder& binder, const pg_query::Node& node, const Scope& scope,
                                    int options, int location);
  static Status BindRangeOffset(Binder& binder, const pg_query::Node& node, const Scope& scope,
                                bool preceding,
                                const SortKey& order, ExprPtr* offset, ExprPtr* negative,
                                ExprPtr* bound, int location);
};

namespace {

Status WindowError(std::string message, int location) {
  Status s = Status::Error(sqlstate::kWindowingError, std::move(message));
  return location >= 0 ? s.WithPosition(location + 1) : s;
}

const pg_query::WindowDef* FindNamed(const Binder::WindowState& state, const std::string& name) {
  if (state.named == nullptr) return nullptr;
  for (const pg_query::Node& n : *state.named) {
    if (n.has_window_def() && n.window_def().name() == name) return &n.window_def();
  }
  return nullptr;
}

bool IsDatetime(Oid t) {
  namespace oid = types::oid;
  return t == oid::kDate || t == oid::kTimestamp || t == oid::kTimestamptz || t == oid::kTime;
}

}  // namespace

Result<pg_query::WindowDef> WindowBinding::Resolve(const Binder::WindowState& state,
                                                   const pg_query::WindowDef& over, int depth) {
  // OVER name: the named window as it is.
  if (!over.name().empty() && depth == 0) {
    const pg_query::WindowDef* named = FindNamed(state, over.name());
    if (named == nullptr) {
      return Status::Error(sqlstate::kUndefinedObject, "window \"" + over.name() + "\" does not exist")
          .WithPosition(over.location() + 1);
    }
    pg_query::WindowDef copy = *named;
    copy.clear_name();
    return Resolve(state, copy, depth + 1);
  }
  pg_query::WindowDef out = over;
  out.clear_name();
  if (over.refname().empty()) return out;
  // (name ...): copies PARTITION BY and ORDER BY, which may not be overridden.
  if (depth > (state.named ? state.named->size() : 0)) {
    return WindowError("window \"" + over.refname() + "\" does not exist", over.location());
  }
  const pg_query::WindowDef* ref = FindNamed(state, over.refname());
  if (ref == nullptr) {
    return WindowError("window \"" + over.refname() + "\" does not exist", over.location());
  }
  pg_query::WindowDef base_def = *ref;
  base_def.clear_name();
  DB9_ASSIGN_OR_RETURN(pg_query::WindowDef base, Resolve(state, base_def, depth + 1));
  if (over.partition_clause_size() > 0) {
    return WindowError("cannot override PARTITION BY clause of window \"" + over.refname() + "\"",
                       over.location());
  }
  if (over.order_clause_size() > 0 && base.order_clause_size() > 0) {
    return WindowError("cannot override ORDER BY clause of window \"" + over.refname() + "\"",
                       over.location());
  }
  if ((base.frame_options() & frame::kNonDefault) != 0) {
    return WindowError("cannot copy window \"" + over.refname() + "\" because it has a frame clause",
                       over.location());
  }
  out.clear_refname();
  *out.mutable_partition_clause() = base.partition_clause();
  if (over.order_clause_size() == 0) *out.mutable_order_clause() = base.order_clause();
  return out;
}

Result<ExprPtr> WindowBinding::BindOffset(Binder& binder, const pg_query::Node& node,
                                          const Scope& scope, int options, int location) {
  Scope constants;
  Result<ExprPtr> bound = binder.BindExpr(node, constants);
  if (bound.ok() || bound.status().sqlstate() != sqlstate::kUndefinedColumn) return bound;
  // A name of the row is PostgreSQL's 42P10, a name of nothing stays 42703.
  if (!binder.BindExpr(node, scope).ok()) return bound;
  const char* mode = (options & frame::kRows) != 0     ? "ROWS"
                     : (options & frame::kGroups) != 0 ? "GROUPS"
                                                       : "RANGE";
  return Status::Error(sqlstate::kInvalidColumnReference,
                       std::string("argument of ") + mode + " must not contain variables")
      .WithPosition(location + 1);
}

Status WindowBinding::BindRangeOffset(Binder& binder, const pg_query::Node& node, const Scope& scope,
                                      bool preceding,
                                      const SortKey& order, ExprPtr* offset, ExprPtr* negative,
                                      ExprPtr* bound, int location) {
  DB9_ASSIGN_OR_RETURN(ExprPtr off, BindOffset(binder, node, scope, frame::kRange, location));
  const Oid key_type = order.expr->type;
  if (off->type == types::oid::kUnknown) {
    Oid target = IsDatetime(key_type) ? types::oid::kInterval : key_type;
    DB9_ASSIGN_OR_RETURN(off, binder.Coerce(std::move(off), target, -1, CoercionContext::kExplicit, location));
  }
  auto unsupported = [&] {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "RANGE with offset PRECEDING/FOLLOWING is not supported for column type " +
                             types::FormatType(binder.context().registries->types, key_type, -1) +
                             " and offset type " +
                             types::FormatType(binder.context().registries->types, off->type, -1))
        .WithPosition(location + 1);
  };
  // Toward the start of the sort order: minus for ascending keys.
  const bool minus = preceding != order.descending;
  Result<ExprPtr> b = binder.BindOperator(minus ? "-" : "+", order.expr, off, location);
  if (!b.ok()) return unsupported();
  ExprPtr value = std::move(b).value();
  if (value->type != key_type) {
    Result<ExprPtr> cast = binder.Coerce(value, key_type, -1, CoercionContext::kAssignment, location);
    if (!cast.ok()) return unsupported();
    value = std::move(cast).value();
  }
  ExprPtr zero = std::make_shared<ConstExpr>(Value::OfString(types::oid::kUnknown, "0"));
  DB9_ASSIGN_OR_RETURN(zero, binder.Coerce(std::move(zero), off->type, -1, CoercionContext::kExplicit, location));
  Result<ExprPtr> below = binder.BindOperator("<", off, zero, location);
  if (!below.ok()) return unsupported();
  *negative = std::move(below).value();
  *offset = std::move(off);
  *bound = std::move(value);
  return Status::OK();
}

Status WindowBinding::BindFrame(Binder& binder, const pg_query::WindowDef& def, const Scope& scope,
                                WindowDefinition* out) {
  int options = def.frame_options();
  if ((options & frame::kNonDefault) == 0) options = frame::kDefault;
  FrameClause& clause = out->frame;
  clause.options = options;
  const bool range = (options & frame::kRange) != 0;
  const bool has_offset = (options & (frame::kStartOffset | frame::kEndOffset)) != 0;
  if ((options & frame::kGroups) != 0 && out->order.empty()) {
    return WindowError("GROUPS mode requires an ORDER BY clause", def.location());
  }
  if (range && has_offset && out->order.size() != 1) {
    return WindowError("RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column",
                       def.location());
  }
  struct Side {
    int offset_bits, preceding_bit;
    const pg_query::Node* node;
    ExprPtr *offset, *negative, *bound;
  };
  const Side sides[] = {
      {frame::kStartOffset, frame::kStartOffsetPreceding, &def.start_offset(), &clause.start_offset,
       &clause.start_negative, &clause.start_bound},
      {frame::kEndOffset, frame::kEndOffsetPreceding, &def.end_offset(), &clause.end_offset,
       &clause.end_negative, &clause.end_bound},
  };
  for (const Side& side : sides) {
    if ((options & side.offset_bits) == 0) continue;
    if (range) {
      DB9_RETURN_IF_ERROR(BindRangeOffset(binder, *side.node, scope, (options & side.preceding_bit) != 0,
                                          out->order[0], side.offset, side.negative, side.bound,
                                          def.location()));
      continue;
    }
    DB9_ASSIGN_OR_RETURN(ExprPtr count, BindOffset(binder, *side.node, scope, options, def.location()));
    DB9_ASSIGN_OR_RETURN(*side.offset, binder.Coerce(std::move(count), types::oid::kInt8, -1,
                                                     CoercionContext::kImplicit, def.location()));
  }
  return Status::OK();
}

Result<int> WindowBinding::BindDefinition(Binder& binder, const pg_query::WindowDef& def,
                                          const Scope& scope) {
  Binder::WindowState& state = *binder.window_state;
  pg_query::Node key_node;
  *key_node.mutable_window_def() = def;
  std::string key = NodeKey(key_node);
  for (size_t i = 0; i < state.window_keys.size(); ++i) {
    if (state.window_keys[i] == key) return static_cast<int>(i);
  }
  WindowDefinition out;
  for (const pg_query::Node& p : def.partition_clause()) {
    DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindExpr(p, scope));
    if (e->type == types::oid::kUnknown) {
      DB9_ASSIGN_OR_RETURN(e, binder.Coerce(std::move(e), types::oid::kText, -1,
                                            CoercionContext::kImplicit, def.location()));
    }
    out.partition.push_back(std::move(e));
  }
  for (const pg_query::Node& s : def.order_clause()) {
    const pg_query::SortBy& sort = s.sort_by();
    if (sort.sortby_dir() == pg_query::SORTBY_USING) return NotSupported("ORDER BY ... USING", sort.location());
    DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindExpr(sort.node(), scope));
    if (e->type == types::oid::kUnknown) {
      DB9_ASSIGN_OR_RETURN(e, binder.Coerce(std::move(e), types::oid::kText, -1,
                                            CoercionContext::kImplicit, sort.location()));
    }
    bool desc = sort.sortby_dir() == pg_query::SORTBY_DESC;
    bool nulls_first = sort.sortby_nulls() == pg_query::SORTBY_NULLS_FIRST ||
                       (sort.sortby_nulls() != pg_query::SORTBY_NULLS_LAST && desc);
    out.order.push_back({std::move(e), desc, nulls_first});
  }
  DB9_RETURN_IF_ERROR(BindFrame(binder, def, scope, &out));
  state.windows.push_back(std::move(out));
  state.window_keys.push_back(std::move(key));
  return static_cast<int>(state.windows.size() - 1);
}

Result<ExprPtr> Binder::BindWindowCall(const pg_query::FuncCall& call, const Scope& scope) {
  const int at = call.location() + 1;
  if (aggregate_state != nullptr && aggregate_state->in_aggregate_args) {
    return Status::Error(sqlstate::kGroupingError,
                         "aggregate function calls cannot contain window function calls")
        .WithPosition(at);
  }
  if (window_state == nullptr) return WindowError("window functions are not allowed here", call.location());
  WindowState& state = *window_state;
  if (state.in_window_args) return WindowError("window function calls cannot be nested", call.location());
  pg_query::Node key_node;
  *key_node.mutable_func_call() = call;
  std::string key = NodeKey(key_node);
  for (size_t i = 0; i < state.call_keys.size(); ++i) {
    if (state.call_keys[i] == key) return ExprPtr(state.results[i]);
  }

  const std::string name = StringValue(call.funcname(call.funcname_size() - 1));
  const functions::AggregateRegistry& registry = ctx_.registries->aggregates;
  const bool window_only = registry.IsWindowFunction(name);
  const bool aggregate = registry.IsAggregate(name);
  if (call.agg_distinct()) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "DISTINCT is not implemented for window functions").WithPosition(at);
  }
  if (call.agg_order_size() > 0) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "aggregate ORDER BY is not implemented for window functions").WithPosition(at);
  }
  if (call.has_agg_filter() && !aggregate) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "FILTER is not implemented for non-aggregate window functions").WithPosition(at);
  }
  if (call.agg_star() && !aggregate) {
    return Status::Error(sqlstate::kWrongObjectType,
                         "* specified, but " + name + " is not an aggregate function").WithPosition(at);
  }

  WindowCall out;
  std::vector<Oid> actual;
  {
    state.in_window_args = true;
    struct Restore {
      WindowState& s;
      ~Restore() { s.in_window_args = false; }
    } restore{state};
    for (const pg_query::Node& a : call.args()) {
      if (a.has_named_arg_expr()) return NotSupported("named function arguments", call.location());
      DB9_ASSIGN_OR_RETURN(ExprPtr e, BindExpr(a, scope));
      actual.push_back(e->type);
      out.args.push_back(std::move(e));
    }
    if (call.has_agg_filter()) {
      DB9_ASSIGN_OR_RETURN(out.filter, BindExpr(call.agg_filter(), scope));
      DB9_ASSIGN_OR_RETURN(out.filter, Coerce(std::move(out.filter), types::oid::kBool, -1,
                                              CoercionContext::kImplicit, call.location()));
    }
    DB9_ASSIGN_OR_RETURN(pg_query::WindowDef def, WindowBinding::Resolve(state, call.over(), 0));
    DB9_ASSIGN_OR_RETURN(out.window, WindowBinding::BindDefinition(*this, def, scope));
  }

  std::vector<Oid> arg_types;
  if (window_only) {
    Result<functions::WindowFunctionMatch> m = registry.ResolveWindow(name, actual, *ctx_.registries);
    if (!m.ok()) return WithLocation(m.status(), call.location());
    out.function = m->function;
    arg_types = m->arg_types;
    out.result_type = m->return_type;
  } else if (aggregate) {
    Result<functions::AggregateMatch> m = registry.Resolve(name, actual, *ctx_.registries);
    if (!m.ok()) return WithLocation(m.status(), call.location());
    out.aggregate = m->aggregate;
    arg_types = m->arg_types;
    out.result_type = m->return_type;
  } else {
    // A plain function with OVER: PostgreSQL reports a missing function as
    // such, an existing one as not being a window function.
    Result<functions::FunctionMatch> m = ctx_.registries->functions.Resolve(name, actual, *ctx_.registries);
    if (!m.ok()) return WithLocation(m.status(), call.location());
    return Status::Error(sqlstate::kWrongObjectType,
                         "OVER specified, but " + name +
                             " is not a window function nor an aggregate function")
        .WithPosition(at);
  }
  for (size_t i = 0; i < out.args.size(); ++i) {
    DB9_ASSIGN_OR_RETURN(out.args[i], Coerce(std::move(out.args[i]), arg_types[i], -1,
                                             CoercionContext::kImplicit, call.location()));
    out.arg_types.push_back(out.args[i]->type);
  }
  auto result = std::make_shared<ColumnExpr>(0, 0, out.result_type, -1);
  state.calls.push_back(std::move(out));
  state.call_keys.push_back(std::move(key));
  state.results.push_back(result);
  return ExprPtr(result);
}

Status CheckNoWindowFunctions(const pg_query::Node& node, const char* clause) {
  if (!ContainsWindow(node)) return Status::OK();
  return WindowError(std::string("window functions are not allowed in ") + clause, -1);
}

Status CheckWindowClause(const google::protobuf::RepeatedPtrField<pg_query::Node>& windows) {
  std::set<std::string> earlier;
  for (const pg_query::Node& n : windows) {
    if (!n.has_window_def()) continue;
    const pg_query::WindowDef& def = n.window_def();
    if (!def.refname().empty() && earlier.count(def.refname()) == 0) {
      return Status::Error(sqlstate::kUndefinedObject, "window \"" + def.refname() + "\" does not exist")
          .WithPosition(def.location() + 1);
    }
    if (!earlier.insert(def.name()).second) {
      return WindowError("window \"" + def.name() + "\" is already defined", def.location());
    }
  }
  return Status::OK();
}

OperatorPtr PlanWindows(Binder::WindowState& state, OperatorPtr input, size_t input_width) {
  std::vector<OutputColumn> columns = input->columns;
  columns.resize(input_width);
  for (size_t i = 0; i < state.calls.size(); ++i) {
    state.results[i]->index = static_cast<int>(input_width + i);
    columns.push_back({"?window?", state.calls[i].result_type, -1, 0, 0});
  }
  return std::make_unique<WindowOp>(std::move(input), input_width, std::move(state.windows),
                                    std::move(state.calls), std::move(columns));
}

}  // namespace db9::sql

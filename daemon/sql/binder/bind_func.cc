// Function calls (scalar, catalog, sequence, aggregate), subqueries, and the
// mapping of grouped expressions onto the aggregate operator's output.
#include <google/protobuf/reflection.h>

#include "daemon/functions/builtin/argument_names.h"
#include "daemon/sql/binder/aggregate_binding.h"
#include "daemon/sql/binder/grouping_sets.h"
#include "daemon/sql/binder/set_function_binding.h"
#include "daemon/sql/exec/array_subquery_expr.h"
#include "daemon/sql/binder/row_sublink.h"

namespace db9::sql {
namespace {

using functions::CoercionContext;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// Visits every Node in the tree except inside subqueries.
template <typename Fn>
bool AnyNode(const Message& message, Fn&& fn) {
  if (auto* node = dynamic_cast<const pg_query::Node*>(&message)) {
    if (node->has_sub_link() || node->has_select_stmt()) return false;
    if (fn(*node)) return true;
  }
  const google::protobuf::Descriptor* d = message.GetDescriptor();
  const google::protobuf::Reflection* r = message.GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (f->is_repeated()) {
      for (int j = 0; j < r->FieldSize(message, f); ++j) {
        if (AnyNode(r->GetRepeatedMessage(message, f, j), fn)) return true;
      }
    } else if (r->HasField(message, f)) {
      if (AnyNode(r->GetMessage(message, f), fn)) return true;
    }
  }
  return false;
}

std::string FunctionName(const pg_query::FuncCall& call) {
  return StringValue(call.funcname(call.funcname_size() - 1));
}

// Puts named arguments (make_interval(days => 3)) in their parameter's
// position, filling skipped parameters with their defaults, as PostgreSQL
// does with proargnames/proargdefaults.
template <typename Bind>
Result<std::vector<ExprPtr>> ArrangeArguments(const pg_query::FuncCall& call, const std::string& name,
                                              Bind&& bind) {
  const functions::ArgumentNames* params = functions::BuiltinArgumentNames(name);
  std::vector<ExprPtr> args;
  bool seen_named = false;
  auto no_such = [&] {
    return Status::Error(sqlstate::kUndefinedFunction,
                         "function " + name + " with these argument names does not exist")
        .WithHint("No function matches the given name and argument types. You might need to "
                  "add explicit type casts.")
        .WithPosition(call.location() + 1);
  };
  for (const pg_query::Node& a : call.args()) {
    if (!a.has_named_arg_expr()) {
      if (seen_named) {
        return Status::Error(sqlstate::kSyntaxError,
                             "positional argument cannot follow named argument")
            .WithPosition(call.location() + 1);
      }
      DB9_ASSIGN_OR_RETURN(ExprPtr e, bind(a));
      args.push_back(std::move(e));
      continue;
    }
    seen_named = true;
    const pg_query::NamedArgExpr& named = a.named_arg_expr();
    if (params == nullptr) return no_such();
    size_t pos = 0;
    while (pos < params->names.size() && params->names[pos] != named.name()) ++pos;
    if (pos == params->names.size()) return no_such();
    if (pos < args.size() && args[pos] != nullptr) {
      return Status::Error(sqlstate::kSyntaxError,
                           "argument name \"" + named.name() + "\" used more than once")
          .WithPosition(named.location() + 1);
    }
    if (args.size() <= pos) args.resize(pos + 1);
    DB9_ASSIGN_OR_RETURN(args[pos], bind(named.arg()));
  }
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] != nullptr) continue;
    if (params == nullptr || !params->defaults[i]) return no_such();
    args[i] = std::make_shared<ConstExpr>(Value::OfString(types::oid::kUnknown, *params->defaults[i]));
  }
  return args;
}

}  // namespace

bool ContainsAggregate(const pg_query::Node& node, const functions::Registries& registries) {
  return AnyNode(node, [&](const pg_query::Node& n) {
    return n.has_func_call() && !n.func_call().has_over() &&
           registries.aggregates.IsAggregate(FunctionName(n.func_call()));
  });
}

bool ContainsSetReturning(const pg_query::Node& node, const functions::Registries& registries) {
  return AnyNode(node, [&](const pg_query::Node& n) {
    return n.has_func_call() && IsSetReturningName(FunctionName(n.func_call()), registries);
  });
}

bool ContainsWindow(const pg_query::Node& node) {
  return AnyNode(node, [](const pg_query::Node& n) {
    return n.has_func_call() && n.func_call().has_over();
  });
}

Result<ExprPtr> Binder::CallFunctionByName(const std::string& name, std::vector<ExprPtr> args,
                                           int location) {
  // Catalog functions first: they may need the catalog or the session.
  std::vector<const catalog::CatalogFunction*> catalog_fns =
      catalog::SystemRegistry::Global().FindFunctions(name);
  for (const catalog::CatalogFunction* f : catalog_fns) {
    if (f->argument_types.size() != args.size()) continue;
    bool ok = true;
    for (size_t i = 0; i < args.size() && ok; ++i) {
      ok = args[i]->type == f->argument_types[i] || args[i]->type == types::oid::kUnknown ||
           ctx_.registries->casts.CanCoerce(args[i]->type, f->argument_types[i],
                                            CoercionContext::kImplicit, ctx_.registries->types);
    }
    if (!ok) continue;
    for (size_t i = 0; i < args.size(); ++i) {
      DB9_ASSIGN_OR_RETURN(args[i], Coerce(std::move(args[i]), f->argument_types[i], -1,
                                           CoercionContext::kImplicit, location));
    }
    return ExprPtr(std::make_shared<CatalogFuncExpr>(f, std::move(args)));
  }
  std::vector<Oid> arg_types;
  for (const ExprPtr& a : args) arg_types.push_back(a->type);
  Result<functions::FunctionMatch> match =
      ctx_.registries->functions.Resolve(name, arg_types, *ctx_.registries);
  if (!match.ok()) return WithLocation(match.status(), location);
  for (size_t i = 0; i < args.size(); ++i) {
    Oid target = i < match->arg_types.size() ? match->arg_types[i] : args[i]->type;
    // An untyped parameter passed to "any" (format('%s', $1)) is sent as
    // text, so the client learns a type for it.
    if (target == types::oid::kUnknown && dynamic_cast<const ParamExpr*>(args[i].get()) != nullptr) {
      target = types::oid::kText;
    }
    DB9_ASSIGN_OR_RETURN(args[i], Coerce(std::move(args[i]), target, -1,
                                         CoercionContext::kImplicit, location));
  }
  return ExprPtr(std::make_shared<FuncExpr>(match->function, std::move(args), match->return_type));
}

Result<ExprPtr> Binder::BindFuncCall(const pg_query::FuncCall& call, const Scope& scope) {
  std::string name = FunctionName(call);
  if (call.has_over()) return BindWindowCall(call, scope);
  if (ctx_.registries->aggregates.IsWindowFunction(name)) {
    return Status::Error(sqlstate::kWrongObjectType,
                         "window function " + name + " requires an OVER clause")
        .WithPosition(call.location() + 1);
  }
  if (ctx_.registries->aggregates.IsAggregate(name)) {
    return Status::Error(sqlstate::kGroupingError, "aggregate functions are not allowed here")
        .WithPosition(call.location() + 1);
  }
  if (call.agg_distinct() || call.agg_star() || call.agg_order_size() > 0 || call.has_agg_filter()) {
    return Status::Error(sqlstate::kWrongObjectType,
                         "DISTINCT, ORDER BY, FILTER or * specified, but " + name +
                             " is not an aggregate function")
        .WithPosition(call.location() + 1);
  }
  if (IsSetReturningName(name, *ctx_.registries)) return BindSetFunctionInExpr(*this, call, scope);
  DB9_ASSIGN_OR_RETURN(std::vector<ExprPtr> args,
                       ArrangeArguments(call, name, [&](const pg_query::Node& n) { return BindExpr(n, scope); }));
  // Sequence functions work on the session and the sequence store.
  static const std::pair<const char*, SequenceFuncExpr::Kind> kSequenceFns[] = {
      {"nextval", SequenceFuncExpr::Kind::kNextval},
      {"currval", SequenceFuncExpr::Kind::kCurrval},
      {"setval", SequenceFuncExpr::Kind::kSetval},
      {"lastval", SequenceFuncExpr::Kind::kLastval}};
  for (const auto& [fn_name, kind] : kSequenceFns) {
    if (name != fn_name) continue;
    size_t min_args = kind == SequenceFuncExpr::Kind::kLastval ? 0
                      : kind == SequenceFuncExpr::Kind::kSetval ? 2 : 1;
    size_t max_args = kind == SequenceFuncExpr::Kind::kSetval ? 3 : min_args;
    if (args.size() < min_args || args.size() > max_args) break;  // 42883 below
    if (!args.empty() && args[0]->type != types::oid::kRegclass && args[0]->type != types::oid::kOid) {
      DB9_ASSIGN_OR_RETURN(args[0], Coerce(std::move(args[0]), types::oid::kText, -1,
                                           CoercionContext::kImplicit, call.location()));
    }
    if (args.size() >= 2) {
      DB9_ASSIGN_OR_RETURN(args[1], Coerce(std::move(args[1]), types::oid::kInt8, -1,
                                           CoercionContext::kImplicit, call.location()));
    }
    if (args.size() == 3) {
      DB9_ASSIGN_OR_RETURN(args[2], Coerce(std::move(args[2]), types::oid::kBool, -1,
                                           CoercionContext::kImplicit, call.location()));
    }
    return ExprPtr(std::make_shared<SequenceFuncExpr>(kind, std::move(args)));
  }
  return CallFunctionByName(name, std::move(args), call.location());
}

Result<ExprPtr> Binder::BindGrouped(const pg_query::Node& node, const Scope& scope) {
  AggregateState& state = *aggregate_state;
  const size_t groups = state.group_exprs.size();
  std::string key = NodeKey(node);
  for (size_t i = 0; i < groups; ++i) {
    if (state.group_keys[i] == key) {
      const ExprPtr& g = state.group_exprs[i];
      return ExprPtr(std::make_shared<ColumnExpr>(static_cast<int>(i), 0, g->type, g->typmod));
    }
  }
  if (node.has_column_ref()) {
    AggregateState* saved = aggregate_state;
    aggregate_state = nullptr;
    Result<ExprPtr> bound = BindColumnRef(node.column_ref(), scope);
    aggregate_state = saved;
    if (!bound.ok()) return bound;
    auto* column = dynamic_cast<const ColumnExpr*>(bound->get());
    if (column != nullptr && column->levels_up > 0) return bound;
    for (size_t i = 0; i < groups; ++i) {
      auto* g = dynamic_cast<const ColumnExpr*>(state.group_exprs[i].get());
      if (g != nullptr && column != nullptr && g->levels_up == 0 && g->index == column->index) {
        return ExprPtr(std::make_shared<ColumnExpr>(static_cast<int>(i), 0, g->type, g->typmod));
      }
    }
    const ScopeColumn& sc = scope.columns[column->index];
    std::string shown = sc.relation.empty() ? sc.name : sc.relation + "." + sc.name;
    return Status::Error(sqlstate::kGroupingError,
                         "column \"" + shown +
                             "\" must appear in the GROUP BY clause or be used in an aggregate function")
        .WithPosition(node.column_ref().location() + 1);
  }
  if (node.has_grouping_func()) return BindGroupingFunction(state, node.grouping_func(), key);
  if (node.has_func_call() && !node.func_call().has_over() &&
      ctx_.registries->aggregates.IsAggregate(FunctionName(node.func_call()))) {
    for (size_t i = 0; i < state.call_keys.size(); ++i) {
      if (state.call_keys[i] == key) {
        const AggregateCall& c = state.calls[i];
        return ExprPtr(std::make_shared<ColumnExpr>(static_cast<int>(groups + i), 0, c.result_type, -1));
      }
    }
    const pg_query::FuncCall& call = node.func_call();
    state.in_aggregate_args = true;
    struct Restore {
      AggregateState& s;
      ~Restore() { s.in_aggregate_args = false; }
    } restore{state};
    AggregateCall agg;
    std::vector<Oid> actual;
    for (const pg_query::Node& a : call.args()) {
      if (ContainsAggregate(a, *ctx_.registries)) {
        return Status::Error(sqlstate::kGroupingError, "aggregate function calls cannot be nested")
            .WithPosition(call.location() + 1);
      }
      DB9_ASSIGN_OR_RETURN(ExprPtr e, BindExpr(a, *state.input_scope));
      actual.push_back(e->type);
      agg.args.push_back(std::move(e));
    }
    std::string name = FunctionName(call);
    Result<functions::AggregateMatch> match =
        ctx_.registries->aggregates.Resolve(name, actual, *ctx_.registries);
    if (!match.ok()) return WithLocation(match.status(), call.location());
    for (size_t i = 0; i < agg.args.size(); ++i) {
      DB9_ASSIGN_OR_RETURN(agg.args[i], Coerce(std::move(agg.args[i]), match->arg_types[i], -1,
                                               CoercionContext::kImplicit, call.location()));
      agg.arg_types.push_back(agg.args[i]->type);
    }
    agg.aggregate = match->aggregate;
    agg.result_type = match->return_type;
    agg.distinct = call.agg_distinct();
    for (const pg_query::Node& o : call.agg_order()) {
      const pg_query::SortBy& sort = o.sort_by();
      if (sort.sortby_dir() == pg_query::SORTBY_USING) return NotSupported("ORDER BY ... USING", sort.location());
      if (agg.distinct) {
        // DISTINCT compares the arguments only, so the order must follow from them.
        bool in_args = false;
        for (const pg_query::Node& a : call.args()) in_args |= NodeKey(a) == NodeKey(sort.node());
        if (!in_args) {
          return Status::Error(sqlstate::kInvalidColumnReference,
                               "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list")
              .WithPosition(sort.location() + 1);
        }
      }
      DB9_ASSIGN_OR_RETURN(ExprPtr e, BindExpr(sort.node(), *state.input_scope));
      bool desc = sort.sortby_dir() == pg_query::SORTBY_DESC;
      bool nulls_first = sort.sortby_nulls() == pg_query::SORTBY_NULLS_FIRST ||
                         (sort.sortby_nulls() != pg_query::SORTBY_NULLS_LAST && desc);
      agg.order.push_back({std::move(e), desc, nulls_first});
    }
    if (call.has_agg_filter()) {
      DB9_ASSIGN_OR_RETURN(agg.filter, BindExpr(call.agg_filter(), *state.input_scope));
    }
    Oid result_type = agg.result_type;
    state.calls.push_back(std::move(agg));
    state.call_keys.push_back(key);
    return ExprPtr(std::make_shared<ColumnExpr>(static_cast<int>(groups + state.calls.size() - 1),
                                                0, result_type, -1));
  }
  // Any other node: dispatch it; its children come back through BindExpr
  // and so are mapped in grouped mode too.
  return BindNode(node, scope);
}

Result<ExprPtr> Binder::BindSubLink(const pg_query::SubLink& link, const Scope& scope) {
  if (!link.subselect().has_select_stmt()) return NotSupported("this subquery form", link.location());
  AggregateState* saved = aggregate_state;
  aggregate_state = nullptr;  // a subquery binds its own grouping
  size_t outer_before = outer_references_;
  Result<BoundQuery> sub = BindSelect(link.subselect().select_stmt(), &scope);
  aggregate_state = saved;
  if (!sub.ok()) return sub.status();
  bool correlated = outer_references_ != outer_before;
  saw_subquery_ = true;
  std::shared_ptr<Operator> plan = std::move(sub->root);
  switch (link.sub_link_type()) {
    case pg_query::EXISTS_SUBLINK:
      return ExprPtr(std::make_shared<SubqueryExpr>(SubqueryExpr::Kind::kExists, plan,
                                                    types::oid::kBool, correlated));
    case pg_query::EXPR_SUBLINK: {
      if (sub->columns.size() != 1) {
        return Status::Error(sqlstate::kSyntaxError, "subquery must return only one column")
            .WithPosition(link.location() + 1);
      }
      return ExprPtr(std::make_shared<SubqueryExpr>(SubqueryExpr::Kind::kScalar, plan,
                                                    sub->columns[0].type, correlated));
    }
    case pg_query::ANY_SUBLINK:
    case pg_query::ALL_SUBLINK: {
      if (link.testexpr().has_row_expr()) return BindRowSubLink(*this, link, scope, *sub, plan);
      if (sub->columns.size() != 1) {
        return Status::Error(sqlstate::kSyntaxError, "subquery has too many columns")
            .WithPosition(link.location() + 1);
      }
      std::string op = link.oper_name_size() > 0
                           ? StringValue(link.oper_name(link.oper_name_size() - 1))
                           : "=";
      DB9_ASSIGN_OR_RETURN(ExprPtr lhs, BindExpr(link.testexpr(), scope));
      // The test reads {lhs, subquery value} as a two-column row.
      ExprPtr left_col = std::make_shared<ColumnExpr>(0, 0, lhs->type, lhs->typmod);
      ExprPtr right_col = std::make_shared<ColumnExpr>(1, 0, sub->columns[0].type, -1);
      AggregateState* saved_state = aggregate_state;
      aggregate_state = nullptr;
      Result<ExprPtr> test = BindOperator(op, left_col, right_col, link.location());
      aggregate_state = saved_state;
      if (!test.ok()) return test.status();
      auto expr = std::make_shared<SubqueryExpr>(
          link.sub_link_type() == pg_query::ANY_SUBLINK ? SubqueryExpr::Kind::kAny
                                                        : SubqueryExpr::Kind::kAll,
          plan, types::oid::kBool, true);
      expr->lhs = std::move(lhs);
      expr->test = std::move(test).value();
      return ExprPtr(std::move(expr));
    }
    case pg_query::ARRAY_SUBLINK: {
      if (sub->columns.size() != 1) {
        return Status::Error(sqlstate::kSyntaxError, "subquery must return only one column")
            .WithPosition(link.location() + 1);
      }
      Oid element = sub->columns[0].type;
      const types::TypeInfo* array = ctx_.registries->types.ArrayOf(element);
      if (array == nullptr) {
        return Status::Error(sqlstate::kUndefinedObject,
                             "could not find array type for data type " +
                                 types::FormatType(ctx_.registries->types, element, -1))
            .WithPosition(link.location() + 1);
      }
      return ExprPtr(std::make_shared<ArraySubqueryExpr>(plan, element, array->oid, correlated));
    }
    default: break;
  }
  return NotSupported("subquery form " + pg_query::SubLinkType_Name(link.sub_link_type()),
                      link.location());
}

}  // namespace db9::sql

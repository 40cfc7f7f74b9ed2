// Binding of scalar expressions: names, literals, operators, casts,
// CASE/COALESCE/NULLIF/GREATEST/LEAST, boolean logic, subqueries.
#include "daemon/catalog/system/reg_name_resolver.h"
#include "daemon/functions/type_resolution.h"
#include "daemon/sql/binder/aggregate_binding.h"
#include "daemon/sql/exec/subscript_expr.h"

namespace db9::sql {
namespace {

using functions::CoercionContext;

std::string TypeName(const BindContext& ctx, Oid type) {
  return types::FormatType(ctx.registries->types, type, -1);
}

ExprPtr MakeNot(ExprPtr e) {
  return std::make_shared<BoolExpr>(BoolExpr::Kind::kNot, std::vector<ExprPtr>{std::move(e)});
}

ExprPtr MakeBool(BoolExpr::Kind kind, std::vector<ExprPtr> args) {
  return std::make_shared<BoolExpr>(kind, std::move(args));
}

// ROW(a, b) op ROW(c, d), as PostgreSQL's make_row_comparison_op: = is the
// AND of the pairs, <> their OR, and the ordering operators compare
// lexicographically, a < c OR (a = c AND b < d), which also gives
// PostgreSQL's NULL answers. `apply(op, left, right)` binds one pair.
template <typename BindFn, typename ApplyFn>
Result<ExprPtr> RowComparison(const pg_query::A_Expr& e, const std::string& op, BindFn&& bind,
                              ApplyFn&& apply) {
  const auto& left = e.lexpr().row_expr().args();
  const auto& right = e.rexpr().row_expr().args();
  if (left.size() != right.size()) {
    return Status::Error(sqlstate::kSyntaxError, "unequal number of entries in row expressions")
        .WithPosition(e.location() + 1);
  }
  if (left.empty()) {
    return Status::Error(sqlstate::kFeatureNotSupported, "cannot compare rows of zero length")
        .WithPosition(e.location() + 1);
  }
  bool ordering = op == "<" || op == "<=" || op == ">" || op == ">=";
  if (op != "=" && op != "<>" && !ordering) {
    return Status::Error(sqlstate::kUndefinedFunction,
                         "could not determine interpretation of row comparison operator " + op)
        .WithPosition(e.location() + 1);
  }
  std::vector<ExprPtr> l, r;
  for (int i = 0; i < left.size(); ++i) {
    DB9_ASSIGN_OR_RETURN(ExprPtr a, bind(left[i]));
    DB9_ASSIGN_OR_RETURN(ExprPtr b, bind(right[i]));
    l.push_back(std::move(a));
    r.push_back(std::move(b));
  }
  if (!ordering) {
    std::vector<ExprPtr> pairs;
    for (size_t i = 0; i < l.size(); ++i) {
      DB9_ASSIGN_OR_RETURN(ExprPtr p, apply(op, l[i], r[i]));
      pairs.push_back(std::move(p));
    }
    return MakeBool(op == "=" ? BoolExpr::Kind::kAnd : BoolExpr::Kind::kOr, std::move(pairs));
  }
  const std::string strict = op.substr(0, 1);  // "<=" decides earlier columns by "<"
  DB9_ASSIGN_OR_RETURN(ExprPtr result, apply(op, l.back(), r.back()));
  for (size_t i = l.size() - 1; i-- > 0;) {
    DB9_ASSIGN_OR_RETURN(ExprPtr before, apply(strict, l[i], r[i]));
    DB9_ASSIGN_OR_RETURN(ExprPtr equal, apply("=", l[i], r[i]));
    result = MakeBool(BoolExpr::Kind::kOr,
                      {std::move(before), MakeBool(BoolExpr::Kind::kAnd, {std::move(equal), std::move(result)})});
  }
  return result;
}

}  // namespace

Result<ExprPtr> Binder::BindExpr(const pg_query::Node& node, const Scope& scope) {
  if (aggregate_state != nullptr && !aggregate_state->in_aggregate_args) {
    return BindGrouped(node, scope);
  }
  return BindNode(node, scope);
}

Result<ExprPtr> Binder::BindNode(const pg_query::Node& node, const Scope& scope) {
  switch (node.node_case()) {
    case pg_query::Node::kColumnRef: return BindColumnRef(node.column_ref(), scope);
    case pg_query::Node::kAConst: return BindConst(node.a_const());
    case pg_query::Node::kParamRef: return BindParam(node.param_ref());
    case pg_query::Node::kAExpr: return BindAExpr(node.a_expr(), scope);
    case pg_query::Node::kFuncCall: return BindFuncCall(node.func_call(), scope);
    case pg_query::Node::kTypeCast: return BindTypeCast(node.type_cast(), scope);
    case pg_query::Node::kSubLink: return BindSubLink(node.sub_link(), scope);
    case pg_query::Node::kCaseExpr: return BindCase(node.case_expr(), scope);
    case pg_query::Node::kSqlvalueFunction: return BindSqlValueFunction(node.sqlvalue_function());
    case pg_query::Node::kCollateClause: return BindExpr(node.collate_clause().arg(), scope);
    case pg_query::Node::kBoolExpr: {
      const pg_query::BoolExpr& b = node.bool_expr();
      std::vector<ExprPtr> args;
      for (const pg_query::Node& arg : b.args()) {
        DB9_ASSIGN_OR_RETURN(ExprPtr e, BindExpr(arg, scope));
        DB9_ASSIGN_OR_RETURN(e, Coerce(std::move(e), types::oid::kBool, -1,
                                       CoercionContext::kImplicit, b.location()));
        args.push_back(std::move(e));
      }
      BoolExpr::Kind kind = b.boolop() == pg_query::AND_EXPR  ? BoolExpr::Kind::kAnd
                            : b.boolop() == pg_query::OR_EXPR ? BoolExpr::Kind::kOr
                                                              : BoolExpr::Kind::kNot;
      return ExprPtr(std::make_shared<BoolExpr>(kind, std::move(args)));
    }
    case pg_query::Node::kNullTest: {
      const pg_query::NullTest& t = node.null_test();
      TestExpr::Kind kind =
          t.nulltesttype() == pg_query::IS_NULL ? TestExpr::Kind::kIsNull : TestExpr::Kind::kIsNotNull;
      if (t.arg().has_row_expr()) {
        // A row IS NULL when every field is, IS NOT NULL when none is.
        std::vector<ExprPtr> tests;
        for (const pg_query::Node& field : t.arg().row_expr().args()) {
          DB9_ASSIGN_OR_RETURN(ExprPtr arg, BindExpr(field, scope));
          tests.push_back(std::make_shared<TestExpr>(kind, std::move(arg)));
        }
        return MakeBool(BoolExpr::Kind::kAnd, std::move(tests));
      }
      DB9_ASSIGN_OR_RETURN(ExprPtr arg, BindExpr(t.arg(), scope));
      return ExprPtr(std::make_shared<TestExpr>(kind, std::move(arg)));
    }
    case pg_query::Node::kBooleanTest: {
      const pg_query::BooleanTest& t = node.boolean_test();
      DB9_ASSIGN_OR_RETURN(ExprPtr arg, BindExpr(t.arg(), scope));
      DB9_ASSIGN_OR_RETURN(arg, Coerce(std::move(arg), types::oid::kBool, -1,
                                       CoercionContext::kImplicit, t.location()));
      TestExpr::Kind kind;
      switch (t.booltesttype()) {
        case pg_query::IS_TRUE: kind = TestExpr::Kind::kIsTrue; break;
        case pg_query::IS_NOT_TRUE: kind = TestExpr::Kind::kIsNotTrue; break;
        case pg_query::IS_FALSE: kind = TestExpr::Kind::kIsFalse; break;
        case pg_query::IS_NOT_FALSE: kind = TestExpr::Kind::kIsNotFalse; break;
        case pg_query::IS_UNKNOWN: kind = TestExpr::Kind::kIsNull; break;
        default: kind = TestExpr::Kind::kIsNotNull; break;
      }
      return ExprPtr(std::make_shared<TestExpr>(kind, std::move(arg)));
    }
    case pg_query::Node::kCoalesceExpr: {
      std::vector<const pg_query::Node*> nodes;
      for (const pg_query::Node& arg : node.coalesce_expr().args()) nodes.push_back(&arg);
      Oid type;
      DB9_ASSIGN_OR_RETURN(std::vector<ExprPtr> args, BindCommon(nodes, scope, "COALESCE", &type));
      return ExprPtr(std::make_shared<CoalesceExpr>(std::move(args), type));
    }
    case pg_query::Node::kMinMaxExpr: {
      const pg_query::MinMaxExpr& m = node.min_max_expr();
      std::vector<const pg_query::Node*> nodes;
      for (const pg_query::Node& arg : m.args()) nodes.push_back(&arg);
      bool greatest = m.op() == pg_query::IS_GREATEST;
      Oid type;
      DB9_ASSIGN_OR_RETURN(std::vector<ExprPtr> args,
                           BindCommon(nodes, scope, greatest ? "GREATEST" : "LEAST", &type));
      return ExprPtr(std::make_shared<MinMaxExpr>(greatest, std::move(args), type));
    }
    case pg_query::Node::kAArrayExpr: {
      const pg_query::A_ArrayExpr& a = node.a_array_expr();
      std::vector<const pg_query::Node*> nodes;
      for (const pg_query::Node& el : a.elements()) nodes.push_back(&el);
      if (nodes.empty()) {
        return Status::Error(sqlstate::kIndeterminateDatatype, "cannot determine type of empty array")
            .WithHint("Explicitly cast to the desired type, for example ARRAY[]::integer[].")
            .WithPosition(a.location() + 1);
      }
      Oid element;
      DB9_ASSIGN_OR_RETURN(std::vector<ExprPtr> elements, BindCommon(nodes, scope, "ARRAY", &element));
      if (element == types::oid::kUnknown) element = types::oid::kText;
      for (ExprPtr& el : elements) {
        DB9_ASSIGN_OR_RETURN(el, Coerce(std::move(el), element, -1, CoercionContext::kImplicit, a.location()));
      }
      const types::TypeInfo* array = ctx_.registries->types.ArrayOf(element);
      if (array == nullptr) return NotSupported("arrays of this type", a.location());
      return ExprPtr(std::make_shared<ArrayExpr>(std::move(elements), element, array->oid));
    }
    case pg_query::Node::kAIndirection: {
      const pg_query::A_Indirection& ind = node.a_indirection();
      DB9_ASSIGN_OR_RETURN(ExprPtr array, BindExpr(ind.arg(), scope));
      const types::TypeInfo* info = ctx_.registries->types.Find(array->type);
      if (info == nullptr || info->element == nullptr) {
        return Status::Error(sqlstate::kDatatypeMismatch,
                             "cannot subscript type " + TypeName(ctx_, array->type) +
                                 " because it does not support subscripting");
      }
      std::vector<SubscriptExpr::Index> indexes;
      bool slice = false;
      auto bind_index = [&](const pg_query::Node& n) -> Result<ExprPtr> {
        DB9_ASSIGN_OR_RETURN(ExprPtr e, BindExpr(n, scope));
        return Coerce(std::move(e), types::oid::kInt4, -1, CoercionContext::kImplicit, 0);
      };
      for (const pg_query::Node& item : ind.indirection()) {
        if (!item.has_a_indices()) return NotSupported("field selection from this expression");
        const pg_query::A_Indices& ix = item.a_indices();
        SubscriptExpr::Index index;
        index.slice = ix.is_slice();
        slice |= ix.is_slice();
        if (ix.has_lidx()) {
          DB9_ASSIGN_OR_RETURN(index.lower, bind_index(ix.lidx()));
        }
        if (ix.has_uidx()) {
          DB9_ASSIGN_OR_RETURN(index.upper, bind_index(ix.uidx()));
        }
        indexes.push_back(std::move(index));
      }
      Oid type = slice ? array->type : info->element_oid;
      return ExprPtr(std::make_shared<SubscriptExpr>(std::move(array), std::move(indexes), slice, type));
    }
    case pg_query::Node::kSetToDefault:
      return Status::Error(sqlstate::kSyntaxError, "DEFAULT is not allowed in this context")
          .WithPosition(node.set_to_default().location() + 1);
    default: break;
  }
  return NotSupported(NodeTypeName(node));
}

Result<ExprPtr> Binder::BindParam(const pg_query::ParamRef& p) {
  int index = p.number() - 1;
  if (index < 0 || index >= 65535) {
    return Status::Error(sqlstate::kUndefinedParameter,
                         "there is no parameter $" + std::to_string(p.number()))
        .WithPosition(p.location() + 1);
  }
  std::vector<Oid>& types = *ctx_.param_types;
  if (static_cast<size_t>(index) >= types.size()) types.resize(index + 1, 0);
  Oid type = types[index] == 0 ? types::oid::kUnknown : types[index];
  return ExprPtr(std::make_shared<ParamExpr>(index, type));
}

Result<ExprPtr> Binder::BindConst(const pg_query::A_Const& c) {
  if (c.isnull()) return ExprPtr(std::make_shared<ConstExpr>(Value::Null(types::oid::kUnknown)));
  switch (c.val_case()) {
    case pg_query::A_Const::kIval: return ExprPtr(std::make_shared<ConstExpr>(Value::Int4(c.ival().ival())));
    case pg_query::A_Const::kFval: {
      const std::string& text = c.fval().fval();
      // Integer literals too large for int4 arrive as Float: int8 if they fit.
      bool integral = !text.empty() && text.find_first_not_of("-+0123456789") == std::string::npos;
      if (integral) {
        errno = 0;
        char* end = nullptr;
        long long v = std::strtoll(text.c_str(), &end, 10);
        if (errno == 0 && end && *end == '\0') {
          return ExprPtr(std::make_shared<ConstExpr>(Value::Int8(v)));
        }
      }
      DB9_ASSIGN_OR_RETURN(Value v, types::ParseText(ctx_.registries->types, types::oid::kNumeric,
                                                     text, -1, *ctx_.io));
      return ExprPtr(std::make_shared<ConstExpr>(std::move(v)));
    }
    case pg_query::A_Const::kBoolval:
      return ExprPtr(std::make_shared<ConstExpr>(Value::Bool(c.boolval().boolval())));
    case pg_query::A_Const::kSval:
      return ExprPtr(std::make_shared<ConstExpr>(
          Value::OfString(types::oid::kUnknown, c.sval().sval())));
    case pg_query::A_Const::kBsval: {
      // B'101' arrives as "b101", X'1F' as "x1F": bit's input reads both.
      DB9_ASSIGN_OR_RETURN(Value v, types::ParseText(ctx_.registries->types, types::oid::kBit,
                                                     c.bsval().bsval(), -1, *ctx_.io));
      return ExprPtr(std::make_shared<ConstExpr>(std::move(v)));
    }
    default: break;
  }
  // An A_Const without a value is an integer 0 in the protobuf form.
  return ExprPtr(std::make_shared<ConstExpr>(Value::Int4(0)));
}

Result<ExprPtr> Binder::BindColumnRef(const pg_query::ColumnRef& ref, const Scope& scope) {
  std::vector<std::string> parts;
  for (const pg_query::Node& f : ref.fields()) {
    if (f.has_a_star()) return NotSupported("* in this position", ref.location());
    parts.push_back(StringValue(f));
  }
  std::string column = parts.back();
  std::string relation = parts.size() >= 2 ? parts[parts.size() - 2] : "";
  bool relation_seen = relation.empty();
  int levels = 0;
  for (const Scope* s = &scope; s != nullptr; s = s->parent, ++levels) {
    int found = -1;
    for (size_t i = 0; i < s->columns.size(); ++i) {
      const ScopeColumn& c = s->columns[i];
      if (!relation.empty()) {
        if (c.relation != relation) continue;
        relation_seen = true;
      }
      if ((c.hidden && relation.empty()) || c.name != column) continue;
      if (found >= 0) {
        return Status::Error(sqlstate::kAmbiguousColumn,
                             "column reference \"" + column + "\" is ambiguous")
            .WithPosition(ref.location() + 1);
      }
      found = static_cast<int>(i);
    }
    if (found >= 0) {
      const ScopeColumn& c = s->columns[found];
      if (levels == 0) referenced_.insert(found);
      if (levels > 0) {
        ++outer_references_;
        outer_scopes_read.insert(s);
      }
      return ExprPtr(std::make_shared<ColumnExpr>(found, levels, c.type, c.typmod));
    }
  }
  if (!relation_seen) {
    return Status::Error(sqlstate::kUndefinedTable,
                         "missing FROM-clause entry for table \"" + relation + "\"")
        .WithPosition(ref.location() + 1);
  }
  std::string shown = relation.empty() ? "\"" + column + "\"" : relation + "." + column;
  return Status::Error(sqlstate::kUndefinedColumn, "column " + shown + " does not exist")
      .WithPosition(ref.location() + 1);
}

Result<ExprPtr> Binder::Coerce(ExprPtr expr, Oid target, int32_t typmod,
                               CoercionContext context, int location) {
  if (target == types::oid::kUnknown || target == types::oid::kAny) return expr;
  if (expr->type == target && (typmod < 0 || typmod == expr->typmod)) return expr;
  // Untyped parameters take the type the context wants.
  if (auto* param = dynamic_cast<const ParamExpr*>(expr.get());
      param != nullptr && param->type == types::oid::kUnknown) {
    (*ctx_.param_types)[param->index] = target;
    ExprPtr typed = std::make_shared<ParamExpr>(param->index, target);
    if (typmod < 0) return typed;
    return ExprPtr(std::make_shared<CastExpr>(std::move(typed), target, typmod, context));
  }
  // Untyped literals are parsed now, once.
  if (auto* c = dynamic_cast<const ConstExpr*>(expr.get());
      c != nullptr && c->type == types::oid::kUnknown) {
    if (c->value.is_null()) return ExprPtr(std::make_shared<ConstExpr>(Value::Null(target), typmod));
    Result<Value> v = functions::ReadUnknownLiteral(ctx_.registries->types, *ctx_.io,
                                                    c->value.as_string(), target, typmod, context);
    if (!v.ok()) return WithLocation(v.status(), location);
    return ExprPtr(std::make_shared<ConstExpr>(std::move(v).value(), typmod));
  }
  if (!ctx_.registries->casts.CanCoerce(expr->type, target, context, ctx_.registries->types)) {
    if (context == CoercionContext::kExplicit) {
      return Status::Error(sqlstate::kCannotCoerce, "cannot cast type " + TypeName(ctx_, expr->type) +
                                                        " to " + TypeName(ctx_, target))
          .WithPosition(location + 1);
    }
    return Status::Error(sqlstate::kDatatypeMismatch,
                         "argument of type " + TypeName(ctx_, expr->type) +
                             " cannot be converted to " + TypeName(ctx_, target))
        .WithPosition(location + 1);
  }
  return ExprPtr(std::make_shared<CastExpr>(std::move(expr), target, typmod, context));
}

Result<ExprPtr> Binder::BindOperator(const std::string& name, ExprPtr left, ExprPtr right,
                                     int location) {
  Oid lt = left ? left->type : types::oid::kInvalid;
  Result<functions::OperatorMatch> match =
      ctx_.registries->operators.Resolve(name, lt, right->type, *ctx_.registries);
  if (!match.ok()) return WithLocation(match.status(), location);
  std::vector<ExprPtr> args;
  if (left) {
    DB9_ASSIGN_OR_RETURN(left, Coerce(std::move(left), match->left_type, -1,
                                      CoercionContext::kImplicit, location));
    args.push_back(std::move(left));
  }
  DB9_ASSIGN_OR_RETURN(right, Coerce(std::move(right), match->right_type, -1,
                                     CoercionContext::kImplicit, location));
  args.push_back(std::move(right));
  return ExprPtr(std::make_shared<OpExpr>(match->op, std::move(args), match->result_type));
}

Result<ExprPtr> Binder::BindAExpr(const pg_query::A_Expr& e, const Scope& scope) {
  std::string op = e.name_size() > 0 ? StringValue(e.name(e.name_size() - 1)) : "";
  auto bind_side = [&](const pg_query::Node& n) { return BindExpr(n, scope); };
  switch (e.kind()) {
    case pg_query::AEXPR_OP:
    case pg_query::AEXPR_LIKE:
    case pg_query::AEXPR_ILIKE:
    case pg_query::AEXPR_SIMILAR: {  // x ~ similar_to_escape(pattern), from the parser
      if (e.has_lexpr() && e.lexpr().has_row_expr() && e.rexpr().has_row_expr()) {
        return RowComparison(e, op, bind_side, [&](const std::string& name, ExprPtr a, ExprPtr b) {
          return BindOperator(name, std::move(a), std::move(b), e.location());
        });
      }
      ExprPtr left;
      if (e.has_lexpr()) {
        DB9_ASSIGN_OR_RETURN(left, bind_side(e.lexpr()));
      }
      DB9_ASSIGN_OR_RETURN(ExprPtr right, bind_side(e.rexpr()));
      return BindOperator(op, std::move(left), std::move(right), e.location());
    }
    case pg_query::AEXPR_DISTINCT:
    case pg_query::AEXPR_NOT_DISTINCT:
    case pg_query::AEXPR_NULLIF: {
      DB9_ASSIGN_OR_RETURN(ExprPtr left, bind_side(e.lexpr()));
      DB9_ASSIGN_OR_RETURN(ExprPtr right, bind_side(e.rexpr()));
      DB9_ASSIGN_OR_RETURN(ExprPtr eq, BindOperator("=", left, right, e.location()));
      auto* op_expr = static_cast<const OpExpr*>(eq.get());
      if (e.kind() == pg_query::AEXPR_NULLIF) {
        return ExprPtr(std::make_shared<NullIfExpr>(op_expr->op, op_expr->args[0], op_expr->args[1]));
      }
      return ExprPtr(std::make_shared<DistinctExpr>(op_expr->op, op_expr->args[0], op_expr->args[1],
                                                    e.kind() == pg_query::AEXPR_NOT_DISTINCT));
    }
    case pg_query::AEXPR_IN:
    case pg_query::AEXPR_OP_ANY:
    case pg_query::AEXPR_OP_ALL: {
      // x IN (a, b) is x = a OR x = b; x op ANY (ARRAY[a, b]) likewise; ALL
      // and NOT IN (op "<>") combine with AND. Three-valued logic comes out
      // exactly as SQL defines it.
      const google::protobuf::RepeatedPtrField<pg_query::Node>* items = nullptr;
      if (e.rexpr().has_list()) {
        items = &e.rexpr().list().items();
      } else if (e.rexpr().has_a_array_expr()) {
        items = &e.rexpr().a_array_expr().elements();
      } else {
        return BindArrayComparison(e, op, scope);
      }
      bool conjunction = e.kind() == pg_query::AEXPR_OP_ALL ||
                         (e.kind() == pg_query::AEXPR_IN && op == "<>");
      DB9_ASSIGN_OR_RETURN(ExprPtr left, bind_side(e.lexpr()));
      std::vector<ExprPtr> tests;
      for (const pg_query::Node& item : *items) {
        DB9_ASSIGN_OR_RETURN(ExprPtr right, bind_side(item));
        DB9_ASSIGN_OR_RETURN(ExprPtr t, BindOperator(op, left, std::move(right), e.location()));
        tests.push_back(std::move(t));
      }
      if (tests.empty()) return ExprPtr(std::make_shared<ConstExpr>(Value::Bool(conjunction)));
      if (tests.size() == 1) return tests[0];
      return ExprPtr(std::make_shared<BoolExpr>(
          conjunction ? BoolExpr::Kind::kAnd : BoolExpr::Kind::kOr, std::move(tests)));
    }
    case pg_query::AEXPR_BETWEEN:
    case pg_query::AEXPR_NOT_BETWEEN:
    case pg_query::AEXPR_BETWEEN_SYM:
    case pg_query::AEXPR_NOT_BETWEEN_SYM: {
      const auto& bounds = e.rexpr().list().items();
      if (bounds.size() != 2) return Status::Internal("BETWEEN without two bounds");
      DB9_ASSIGN_OR_RETURN(ExprPtr x, bind_side(e.lexpr()));
      DB9_ASSIGN_OR_RETURN(ExprPtr lo, bind_side(bounds[0]));
      DB9_ASSIGN_OR_RETURN(ExprPtr hi, bind_side(bounds[1]));
      auto between = [&](ExprPtr a, ExprPtr b) -> Result<ExprPtr> {
        DB9_ASSIGN_OR_RETURN(ExprPtr ge, BindOperator(">=", x, std::move(a), e.location()));
        DB9_ASSIGN_OR_RETURN(ExprPtr le, BindOperator("<=", x, std::move(b), e.location()));
        return ExprPtr(std::make_shared<BoolExpr>(BoolExpr::Kind::kAnd,
                                                  std::vector<ExprPtr>{std::move(ge), std::move(le)}));
      };
      DB9_ASSIGN_OR_RETURN(ExprPtr result, between(lo, hi));
      bool symmetric = e.kind() == pg_query::AEXPR_BETWEEN_SYM ||
                       e.kind() == pg_query::AEXPR_NOT_BETWEEN_SYM;
      if (symmetric) {
        DB9_ASSIGN_OR_RETURN(ExprPtr swapped, between(hi, lo));
        result = std::make_shared<BoolExpr>(BoolExpr::Kind::kOr,
                                            std::vector<ExprPtr>{std::move(result), std::move(swapped)});
      }
      bool negated = e.kind() == pg_query::AEXPR_NOT_BETWEEN ||
                     e.kind() == pg_query::AEXPR_NOT_BETWEEN_SYM;
      return negated ? MakeNot(std::move(result)) : result;
    }
    default: break;
  }
  return NotSupported("operator form " + pg_query::A_Expr_Kind_Name(e.kind()), e.location());
}

Result<ExprPtr> Binder::BindArrayComparison(const pg_query::A_Expr& e, const std::string& op,
                                            const Scope& scope) {
  DB9_ASSIGN_OR_RETURN(ExprPtr left, BindExpr(e.lexpr(), scope));
  DB9_ASSIGN_OR_RETURN(ExprPtr array, BindExpr(e.rexpr(), scope));
  const types::TypeRegistry& types = ctx_.registries->types;
  if (array->type == types::oid::kUnknown) {
    // An untyped parameter or literal: an array of the left side's type.
    Oid left_type = left->type == types::oid::kUnknown ? types::oid::kText : left->type;
    const types::TypeInfo* array_type = types.ArrayOf(left_type);
    if (array_type == nullptr) return NotSupported("arrays of this type", e.location());
    DB9_ASSIGN_OR_RETURN(array, Coerce(std::move(array), array_type->oid, -1,
                                       CoercionContext::kImplicit, e.location()));
  }
  const types::TypeInfo* info = types.Find(array->type);
  if (info == nullptr || info->element_oid == types::oid::kInvalid) {
    return Status::Error(sqlstate::kWrongObjectType, "op ANY/ALL (array) requires array on right side")
        .WithPosition(e.location() + 1);
  }
  Oid element = info->element_oid;
  Result<functions::OperatorMatch> match =
      ctx_.registries->operators.Resolve(op, left->type, element, *ctx_.registries);
  if (!match.ok()) return WithLocation(match.status(), e.location());
  DB9_ASSIGN_OR_RETURN(left, Coerce(std::move(left), match->left_type, -1, CoercionContext::kImplicit,
                                    e.location()));
  if (match->right_type != element) {
    const types::TypeInfo* wanted = types.ArrayOf(match->right_type);
    if (wanted == nullptr) return NotSupported("this array comparison", e.location());
    DB9_ASSIGN_OR_RETURN(array, Coerce(std::move(array), wanted->oid, -1, CoercionContext::kImplicit,
                                       e.location()));
    element = match->right_type;
  }
  return ExprPtr(std::make_shared<ScalarArrayOpExpr>(match->op, e.kind() == pg_query::AEXPR_OP_ANY,
                                                     std::move(left), std::move(array), element));
}

Result<ExprPtr> Binder::BindTypeCast(const pg_query::TypeCast& cast, const Scope& scope) {
  DB9_ASSIGN_OR_RETURN(auto type, ResolveTypeName(cast.type_name()));
  const pg_query::Node& arg_node = cast.arg();
  // Name-to-OID casts of literals need the catalog ('users'::regclass,
  // 'int[]'::regtype, 'public'::regnamespace, 'now'::regproc): resolved
  // now, against the statement's catalog snapshot and search path.
  bool reg_type = type.first == types::oid::kRegclass || type.first == types::oid::kRegtype ||
                  type.first == types::oid::kRegnamespace || type.first == types::oid::kRegproc;
  if (reg_type && ctx_.catalog != nullptr && arg_node.has_a_const() &&
      arg_node.a_const().has_sval()) {
    const std::string& name = arg_node.a_const().sval().sval();
    std::string_view digits = name;
    bool numeric = !digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos;
    if (!numeric && name != "-") {
      catalog::system::CatalogRegNameResolver resolver(*ctx_.catalog, ctx_.session->search_path);
      Result<Oid> oid = resolver.Lookup(type.first, name);
      if (!oid.ok()) return WithLocation(oid.status(), cast.location());
      return ExprPtr(std::make_shared<ConstExpr>(Value::OfInt(type.first, *oid)));
    }
  }
  DB9_ASSIGN_OR_RETURN(ExprPtr arg, BindExpr(arg_node, scope));
  return Coerce(std::move(arg), type.first, type.second, CoercionContext::kExplicit,
                cast.location());
}

Result<std::vector<ExprPtr>> Binder::BindCommon(const std::vector<const pg_query::Node*>& nodes,
                                                const Scope& scope, const char* context,
                                                Oid* type) {
  std::vector<ExprPtr> exprs;
  std::vector<Oid> types;
  for (const pg_query::Node* n : nodes) {
    DB9_ASSIGN_OR_RETURN(ExprPtr e, BindExpr(*n, scope));
    types.push_back(e->type);
    exprs.push_back(std::move(e));
  }
  DB9_ASSIGN_OR_RETURN(*type, functions::SelectCommonType(types, context, *ctx_.registries));
  for (ExprPtr& e : exprs) {
    DB9_ASSIGN_OR_RETURN(e, Coerce(std::move(e), *type, -1, CoercionContext::kImplicit, -1));
  }
  return exprs;
}

Result<ExprPtr> Binder::BindCase(const pg_query::CaseExpr& c, const Scope& scope) {
  ExprPtr subject;
  if (c.has_arg()) {
    DB9_ASSIGN_OR_RETURN(subject, BindExpr(c.arg(), scope));
  }
  std::vector<const pg_query::Node*> result_nodes;
  std::vector<ExprPtr> conditions;
  for (const pg_query::Node& w : c.args()) {
    const pg_query::CaseWhen& when = w.case_when();
    DB9_ASSIGN_OR_RETURN(ExprPtr cond, BindExpr(when.expr(), scope));
    if (subject) {
      DB9_ASSIGN_OR_RETURN(cond, BindOperator("=", subject, std::move(cond), when.location()));
    }
    DB9_ASSIGN_OR_RETURN(cond, Coerce(std::move(cond), types::oid::kBool, -1,
                                      CoercionContext::kImplicit, when.location()));
    conditions.push_back(std::move(cond));
    result_nodes.push_back(&when.result());
  }
  if (c.has_defresult()) result_nodes.push_back(&c.defresult());
  Oid type;
  DB9_ASSIGN_OR_RETURN(std::vector<ExprPtr> results, BindCommon(result_nodes, scope, "CASE", &type));
  std::vector<CaseExpr::When> whens;
  for (size_t i = 0; i < conditions.size(); ++i) whens.push_back({conditions[i], results[i]});
  ExprPtr otherwise = c.has_defresult() ? results.back() : nullptr;
  return ExprPtr(std::make_shared<CaseExpr>(std::move(whens), std::move(otherwise), type));
}

Result<ExprPtr> Binder::BindSqlValueFunction(const pg_query::SQLValueFunction& f) {
  auto text_const = [&](const std::string& s) {
    return ExprPtr(std::make_shared<ConstExpr>(Value::OfString(types::oid::kName, s)));
  };
  switch (f.op()) {
    case pg_query::SVFOP_CURRENT_TIMESTAMP:
    case pg_query::SVFOP_CURRENT_TIMESTAMP_N:
      return CallFunctionByName("now", {}, f.location());
    case pg_query::SVFOP_CURRENT_DATE:
    case pg_query::SVFOP_LOCALTIMESTAMP:
    case pg_query::SVFOP_LOCALTIMESTAMP_N:
    case pg_query::SVFOP_CURRENT_TIME:
    case pg_query::SVFOP_CURRENT_TIME_N:
    case pg_query::SVFOP_LOCALTIME:
    case pg_query::SVFOP_LOCALTIME_N: {
      DB9_ASSIGN_OR_RETURN(ExprPtr now, CallFunctionByName("now", {}, f.location()));
      Oid target = f.op() == pg_query::SVFOP_CURRENT_DATE ? types::oid::kDate
                   : (f.op() == pg_query::SVFOP_LOCALTIMESTAMP ||
                      f.op() == pg_query::SVFOP_LOCALTIMESTAMP_N)
                       ? types::oid::kTimestamp
                       : types::oid::kTime;
      return Coerce(std::move(now), target, -1, CoercionContext::kExplicit, f.location());
    }
    case pg_query::SVFOP_CURRENT_ROLE:
    case pg_query::SVFOP_CURRENT_USER:
    case pg_query::SVFOP_USER:
    case pg_query::SVFOP_SESSION_USER: return text_const(ctx_.session->user);
    case pg_query::SVFOP_CURRENT_CATALOG: return text_const(ctx_.session->database);
    case pg_query::SVFOP_CURRENT_SCHEMA: {
      for (const std::string& s : ctx_.session->search_path) {
        if (ctx_.catalog->FindNamespace(s)) return text_const(s);
      }
      return ExprPtr(std::make_shared<ConstExpr>(Value::Null(types::oid::kName)));
    }
    default: break;
  }
  return NotSupported(pg_query::SQLValueFunctionOp_Name(f.op()), f.location());
}

}  // namespace db9::sql

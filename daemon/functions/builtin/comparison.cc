// = <> < <= > >= for every orderable type, built from the type entry's
// compare function (so a module's type gets its operators by registering
// with this helper too). varchar compares through text, as in PostgreSQL.
#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/comparison.h"

namespace db9::functions {

Status RegisterComparisonOperatorsFor(Registries& r, Oid type) {
  const types::TypeInfo* t = r.types.Find(type);
  if (t == nullptr || t->compare == nullptr) {
    return Status::Internal("comparison operators for a type without compare");
  }
  struct Op {
    const char* name;
    OperatorKind kind;
    bool (*test)(int);
  };
  static const Op kOps[] = {
      {"=", OperatorKind::kEqual, [](int c) { return c == 0; }},
      {"<>", OperatorKind::kNotEqual, [](int c) { return c != 0; }},
      {"<", OperatorKind::kLess, [](int c) { return c < 0; }},
      {"<=", OperatorKind::kLessEqual, [](int c) { return c <= 0; }},
      {">", OperatorKind::kGreater, [](int c) { return c > 0; }},
      {">=", OperatorKind::kGreaterEqual, [](int c) { return c >= 0; }},
  };
  for (const Op& op : kOps) {
    auto test = op.test;
    DB9_RETURN_IF_ERROR(AddOperator(
        r, op.name, type, type, types::oid::kBool,
        [t, test](FunctionContext&, std::span<const Value> args) -> Result<Value> {
          return Value::Bool(test(t->compare(*t, args[0], args[1])));
        },
        op.kind));
  }
  return Status::OK();
}

namespace {

// True when `type` is an alias of oid: binary-coercible to and from it by
// implicit casts (regclass, regtype, regproc, regnamespace). PostgreSQL's
// pg_operator has no comparison operators for these; they compare through
// oid's after relabelling. Giving them their own would make `oid =
// regclass` ambiguous (oid = oid and regclass = regclass both need one
// implicit cast), which is what SQLAlchemy's and psycopg's catalog queries hit.
bool IsOidAlias(const Registries& r, Oid type) {
  auto binary_implicit = [&](Oid s, Oid t) {
    const CastInfo* c = r.casts.Find(s, t);
    return c != nullptr && c->method == CastMethod::kBinary &&
           c->context == CoercionContext::kImplicit;
  };
  return type != types::oid::kOid && binary_implicit(type, types::oid::kOid) &&
         binary_implicit(types::oid::kOid, type);
}

}  // namespace

Status RegisterComparisonOperators(Registries& r) {
  std::vector<Oid> orderable;
  for (const auto& t : r.types.all()) {
    if (t->compare == nullptr || t->oid == types::oid::kVarchar ||
        t->category == types::category::kPseudo || t->oid == types::oid::kUnknown ||
        IsOidAlias(r, t->oid)) {
      continue;
    }
    orderable.push_back(t->oid);
  }
  for (Oid type : orderable) DB9_RETURN_IF_ERROR(RegisterComparisonOperatorsFor(r, type));
  return Status::OK();
}

}  // namespace db9::functions

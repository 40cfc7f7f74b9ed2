// Functions, operators, casts and aggregates against results recorded from
// PostgreSQL 15 (pg15_function_cases.inc): overload/operator resolution
// (checked through the result type), values, and error SQLSTATEs/messages.
#include "test_support.h"

namespace db9::testing {
namespace {

struct FnCase {
  const char* kind;
  const char* name;
  const char* arg_types;
  const char* arg_values;
  bool ok;
  const char* text;
  const char* result_type;
  const char* sqlstate;
  const char* message;
};

const FnCase kCases[] = {
#include "pg15_function_cases.inc"
};

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '|') {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

using functions::CoercionContext;
using functions::FunctionContext;
using types::Value;

struct Outcome {
  Status status;
  Value value;
  types::Oid type = types::oid::kInvalid;
};

Outcome Fail(Status s) {
  Outcome o;
  o.status = std::move(s);
  return o;
}

Outcome Done(Value v, types::Oid type) {
  Outcome o;
  o.value = std::move(v);
  o.type = type;
  return o;
}

class Evaluator {
 public:
  Evaluator() {
    QVERIFY(io_.SetTimeZone("UTC").ok());
    ctx_.registries = &Reg();
    ctx_.io = &io_;
  }

  Outcome Run(const FnCase& c) {
    std::vector<std::string> types = Split(c.arg_types);
    std::vector<std::string> values = Split(c.arg_values);
    std::vector<Value> args;
    std::vector<types::Oid> arg_types;
    for (size_t i = 0; i < types.size(); ++i) {
      Result<Value> v = Literal(types[i], values[i]);
      if (!v.ok()) return Fail(v.status());
      arg_types.push_back(v->type());
      args.push_back(*v);
    }
    std::string kind = c.kind;
    if (kind == "c") return Cast(c.name, args[0]);
    if (kind == "a") return Aggregate(c.name, args, arg_types[0]);
    if (kind == "f") {
      Result<functions::FunctionMatch> m = Reg().functions.Resolve(c.name, arg_types, Reg());
      if (!m.ok()) return Fail(m.status());
      return Call(m->arg_types, m->return_type, args, [&](FunctionContext& ctx, std::span<const Value> a) {
        return functions::CallFunction(*m->function, ctx, a);
      });
    }
    bool prefix = kind == "p";
    Result<functions::OperatorMatch> m = Reg().operators.Resolve(
        c.name, prefix ? types::oid::kInvalid : arg_types[0], arg_types.back(), Reg());
    if (!m.ok()) return Fail(m.status());
    std::vector<types::Oid> want = prefix ? std::vector<types::Oid>{m->right_type}
                                          : std::vector<types::Oid>{m->left_type, m->right_type};
    return Call(want, m->result_type, args, [&](FunctionContext& ctx, std::span<const Value> a) {
      return functions::CallOperator(*m->op, ctx, a);
    });
  }

 private:
  Result<Value> Literal(const std::string& type, const std::string& text) {
    bool null = text == "\x01";
    if (type == "unknown") return null ? Value::Null(types::oid::kUnknown) : Value::OfString(types::oid::kUnknown, text);
    TypeSpec spec = ParseSpec(type);
    if (spec.type == nullptr) return Status::Internal("no type " + type);
    if (null) return Value::Null(spec.type->oid);
    return spec.type->input(*spec.type, text, spec.typmod, io_);
  }

  template <typename F>
  Outcome Call(const std::vector<types::Oid>& want, types::Oid result, std::vector<Value> args, F call) {
    for (size_t i = 0; i < args.size(); ++i) {
      Result<Value> v = Reg().casts.Cast(ctx_, args[i], want[i], -1, CoercionContext::kImplicit);
      if (!v.ok()) return Fail(v.status());
      args[i] = *v;
    }
    FunctionContext ctx = ctx_;
    ctx.result_type = result;
    ctx.arg_types = want;
    Result<Value> r = call(ctx, args);
    if (!r.ok()) return Fail(r.status());
    return Done(*r, result);
  }

  Outcome Cast(const std::string& target, const Value& v) {
    TypeSpec spec = ParseSpec(target);
    if (spec.type == nullptr) return Fail(Status::Internal("no type " + target));
    Result<Value> r = Reg().casts.Cast(ctx_, v, spec.type->oid, spec.typmod, CoercionContext::kExplicit);
    if (!r.ok()) return Fail(r.status());
    return Done(*r, spec.type->oid);
  }

  Outcome Aggregate(const std::string& name, const std::vector<Value>& rows, types::Oid type) {
    std::vector<types::Oid> arg_types = {type};
    Result<functions::AggregateMatch> m = Reg().aggregates.Resolve(name, arg_types, Reg());
    if (!m.ok()) return Fail(m.status());
    FunctionContext ctx = ctx_;
    ctx.result_type = m->return_type;
    ctx.arg_types = m->arg_types;
    std::unique_ptr<functions::AggregateState> state = m->aggregate->create(ctx);
    for (const Value& row : rows) {
      Result<Value> v = Reg().casts.Cast(ctx_, row, m->arg_types[0], -1, CoercionContext::kImplicit);
      if (!v.ok()) return Fail(v.status());
      Status s = state->Add(ctx, std::span<const Value>(&*v, 1));
      if (!s.ok()) return Fail(s);
    }
    Result<Value> r = state->Finish(ctx);
    if (!r.ok()) return Fail(r.status());
    return Done(*r, m->return_type);
  }

  types::IoContext io_;
  FunctionContext ctx_;
};

}  // namespace

class FunctionsTest : public QObject {
  Q_OBJECT

 private slots:
  void MatchesPostgres_data() {
    QTest::addColumn<int>("index");
    for (size_t i = 0; i < std::size(kCases); ++i) {
      std::string label = std::string(kCases[i].kind) + " " + kCases[i].name + " (" + kCases[i].arg_types + ") " + kCases[i].arg_values;
      QTest::newRow(label.c_str()) << static_cast<int>(i);
    }
  }

  void MatchesPostgres() {
    QFETCH(int, index);
    const FnCase& c = kCases[index];
    Evaluator eval;
    Outcome out = eval.Run(c);
    if (!c.ok) {
      QVERIFY2(!out.status.ok(), "PostgreSQL raises an error here");
      DB9_COMPARE_STR(std::string(out.status.sqlstate()), std::string(c.sqlstate));
      DB9_COMPARE_STR(std::string(out.status.message()), std::string(c.message));
      return;
    }
    QVERIFY2(out.status.ok(), out.status.ToString().c_str());
    DB9_COMPARE_STR(types::FormatType(Reg().types, out.type, -1), std::string(c.result_type));
    if (std::string(c.text) == "\x01") {
      QVERIFY(out.value.is_null());
      return;
    }
    QVERIFY(!out.value.is_null());
    types::IoContext io;
    Result<std::string> text = types::FormatText(Reg().types, out.value, io);
    QVERIFY2(text.ok(), text.status().ToString().c_str());
    DB9_COMPARE_STR(*text, std::string(c.text));
  }

  void StrictFunctionsReturnNullWithoutCalling() {
    Result<functions::FunctionMatch> m =
        Reg().functions.Resolve("length", std::vector<types::Oid>{types::oid::kText}, Reg());
    QVERIFY(m.ok());
    types::IoContext io;
    FunctionContext ctx;
    ctx.registries = &Reg();
    ctx.io = &io;
    ctx.result_type = m->return_type;
    Value null_arg = Value::Null(types::oid::kText);
    Result<Value> r = functions::CallFunction(*m->function, ctx, std::span<const Value>(&null_arg, 1));
    QVERIFY(r.ok());
    QVERIFY(r->is_null());
    QCOMPARE(r->type(), types::oid::kInt4);
  }

  void UnknownFunctionHasPostgresHint() {
    Result<functions::FunctionMatch> m =
        Reg().functions.Resolve("lower", std::vector<types::Oid>{types::oid::kInt4}, Reg());
    DB9_COMPARE_STR(std::string(m.status().sqlstate()), std::string("42883"));
    DB9_COMPARE_STR(std::string(m.status().message()), std::string("function lower(integer) does not exist"));
    Result<functions::OperatorMatch> op =
        Reg().operators.Resolve("+", types::oid::kInt4, types::oid::kText, Reg());
    DB9_COMPARE_STR(std::string(op.status().message()), std::string("operator does not exist: integer + text"));
  }

  void ImplicitCoercionRules() {
    const auto& casts = Reg().casts;
    const auto& t = Reg().types;
    using types::oid::kInt2;
    QVERIFY(casts.CanCoerce(kInt2, types::oid::kInt8, CoercionContext::kImplicit, t));
    QVERIFY(casts.CanCoerce(kInt2, types::oid::kOid, CoercionContext::kImplicit, t));
    QVERIFY(!casts.CanCoerce(types::oid::kInt8, types::oid::kInt4, CoercionContext::kImplicit, t));
    QVERIFY(casts.CanCoerce(types::oid::kInt8, types::oid::kInt4, CoercionContext::kAssignment, t));
    QVERIFY(!casts.CanCoerce(types::oid::kInt4, types::oid::kText, CoercionContext::kImplicit, t));
    QVERIFY(casts.CanCoerce(types::oid::kInt4, types::oid::kText, CoercionContext::kAssignment, t));
    QVERIFY(casts.CanCoerce(types::oid::kText, types::oid::kInt4, CoercionContext::kExplicit, t));
    QVERIFY(casts.CanCoerce(types::oid::kUnknown, types::oid::kUuid, CoercionContext::kImplicit, t));
  }

  void CommonTypeSelection() {
    auto common = [](std::vector<types::Oid> in) {
      return functions::SelectCommonType(in, "CASE", Reg());
    };
    QCOMPARE(*common({types::oid::kInt4, types::oid::kInt8}), types::oid::kInt8);
    QCOMPARE(*common({types::oid::kInt4, types::oid::kNumeric, types::oid::kUnknown}), types::oid::kNumeric);
    QCOMPARE(*common({types::oid::kUnknown, types::oid::kUnknown}), types::oid::kText);
    // PostgreSQL keeps varchar here: text and varchar coerce both ways.
    QCOMPARE(*common({types::oid::kVarchar, types::oid::kText}), types::oid::kVarchar);
    QCOMPARE(*common({types::oid::kInt4, types::oid::kFloat8}), types::oid::kFloat8);
    Result<types::Oid> bad = common({types::oid::kInt4, types::oid::kText});
    DB9_COMPARE_STR(std::string(bad.status().sqlstate()), std::string("42804"));
    DB9_COMPARE_STR(std::string(bad.status().message()), std::string("CASE types integer and text cannot be matched"));
  }

  void CountStarAndDistinctFreeInterface() {
    Result<functions::AggregateMatch> m =
        Reg().aggregates.Resolve("count", std::vector<types::Oid>{}, Reg());
    QVERIFY(m.ok());
    types::IoContext io;
    FunctionContext ctx;
    ctx.registries = &Reg();
    ctx.io = &io;
    auto state = m->aggregate->create(ctx);
    for (int i = 0; i < 3; ++i) QVERIFY(state->Add(ctx, {}).ok());
    QCOMPARE(state->Finish(ctx)->as_int(), int64_t{3});
  }

  void GenRandomUuidIsVersion4() {
    Result<functions::FunctionMatch> m =
        Reg().functions.Resolve("gen_random_uuid", std::vector<types::Oid>{}, Reg());
    QVERIFY(m.ok());
    QCOMPARE(m->function->volatility, functions::Volatility::kVolatile);
    types::IoContext io;
    FunctionContext ctx;
    ctx.registries = &Reg();
    ctx.io = &io;
    Value a = *functions::CallFunction(*m->function, ctx, {});
    Value b = *functions::CallFunction(*m->function, ctx, {});
    QVERIFY(a.as_string() != b.as_string());
    std::string text = *types::FormatText(Reg().types, a, io);
    QCOMPARE(text.size(), size_t{36});
    QCOMPARE(text[14], '4');
  }
};

}  // namespace db9::testing

QTEST_APPLESS_MAIN(db9::testing::FunctionsTest)
#include "functions_test.moc"

// The built-in vector type against pgvector 0.8's definitions (src/vector.c,
// sql/vector.sql): text and binary I/O, typmods, the operators, functions,
// casts and aggregates through the registries (as the executor calls them),
// errors with their SQLSTATEs, and ordering/hashing/key encoding. PostgreSQL
// 15 here has no pgvector, so expected values are computed from the
// definitions: float32 sums in element order, results printed as float8.
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "daemon/functions/function_context.h"
#include "daemon/types/vector_value.h"
#include "test_support.h"

namespace db9::testing {
namespace {

using functions::CoercionContext;
using types::Value;
namespace oid = types::oid;

const types::TypeInfo& VectorType() { return *Reg().types.Find(oid::kVector); }

types::IoContext& Io() {
  static types::IoContext io;
  return io;
}

functions::FunctionContext Ctx() {
  functions::FunctionContext ctx;
  ctx.registries = &Reg();
  ctx.io = &Io();
  return ctx;
}

// A value's text, or "ERROR <sqlstate>: <message>".
std::string Show(const Result<Value>& r) {
  if (!r.ok()) {
    return "ERROR " + std::string(r.status().sqlstate()) + ": " + std::string(r.status().message());
  }
  if (r->is_null()) return "NULL";
  Result<std::string> text = types::FormatText(Reg().types, *r, Io());
  return text.ok() ? *text : "output failed";
}

Result<Value> In(const std::string& text, int32_t typmod = -1) {
  return VectorType().input(VectorType(), text, typmod, Io());
}

Value V(const std::string& text) {
  Result<Value> v = In(text);
  if (!v.ok()) qFatal("bad vector literal %s", text.c_str());
  return *v;
}

std::string Op(const char* name, const std::string& a, const std::string& b) {
  Result<functions::OperatorMatch> m = Reg().operators.Resolve(name, oid::kVector, oid::kVector, Reg());
  if (!m.ok()) return Show(m.status());
  functions::FunctionContext ctx = Ctx();
  ctx.result_type = m->result_type;
  std::vector<Value> args = {V(a), V(b)};
  return Show(functions::CallOperator(*m->op, ctx, args));
}

std::string Fn(const char* name, std::vector<Value> args) {
  std::vector<types::Oid> arg_types;
  for (const Value& a : args) arg_types.push_back(a.type());
  Result<functions::FunctionMatch> m = Reg().functions.Resolve(name, arg_types, Reg());
  if (!m.ok()) return Show(m.status());
  functions::FunctionContext ctx = Ctx();
  ctx.result_type = m->return_type;
  return Show(functions::CallFunction(*m->function, ctx, args));
}

std::string Agg(const char* name, const std::vector<Value>& rows) {
  std::vector<types::Oid> arg_types = {oid::kVector};
  Result<functions::AggregateMatch> m = Reg().aggregates.Resolve(name, arg_types, Reg());
  if (!m.ok()) return Show(m.status());
  functions::FunctionContext ctx = Ctx();
  ctx.result_type = m->return_type;
  std::unique_ptr<functions::AggregateState> state = m->aggregate->create(ctx);
  for (const Value& row : rows) {
    Status s = state->Add(ctx, std::span<const Value>(&row, 1));
    if (!s.ok()) return Show(s);
  }
  return Show(state->Finish(ctx));
}

// Casts the value of type `from` written as `text` to `to` (e.g. "vector(3)").
std::string CastText(const std::string& from, const std::string& text, const std::string& to,
                     CoercionContext context = CoercionContext::kExplicit) {
  TypeSpec source = ParseSpec(from), target = ParseSpec(to);
  Result<Value> v = source.type->input(*source.type, text, source.typmod, Io());
  if (!v.ok()) return Show(v);
  functions::FunctionContext ctx = Ctx();
  return Show(Reg().casts.Cast(ctx, *v, target.type->oid, target.typmod, context));
}

std::string Hex(const Value& v) { return testing::Hex(*VectorType().send(VectorType(), v, Io())); }

}  // namespace

class VectorTest : public QObject {
  Q_OBJECT

 private slots:
  void TextInputAndOutput_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("typmod");
    QTest::addColumn<QString>("expected");
    auto row = [](const char* in, int typmod, const char* expected) {
      QTest::newRow(in) << QString(in) << typmod << QString(expected);
    };
    row("[1,2.5,3]", -1, "[1,2.5,3]");
    row(" [ 1 ,\t2 ]\n", -1, "[1,2]");
    row("[1.0000001,0.1,1e-7,123456789,-0]", -1, "[1.0000001,0.1,1e-07,1.2345679e+08,-0]");
    row("[+3.5e2,0x1p3]", -1, "[350,8]");  // strtof's syntax, as pgvector reads it
    row("[1,2,3]", 3, "[1,2,3]");
    row("[1,2]", 3, "ERROR 22000: expected 3 dimensions, not 2");
    row("[]", -1, "ERROR 22000: vector must have at least 1 dimension");
    row("[ ]", -1, "ERROR 22000: vector must have at least 1 dimension");
    row("", -1, "ERROR 22P02: invalid input syntax for type vector: \"\"");
    row("1,2", -1, "ERROR 22P02: invalid input syntax for type vector: \"1,2\"");
    row("[1,2", -1, "ERROR 22P02: invalid input syntax for type vector: \"[1,2\"");
    row("[1,,2]", -1, "ERROR 22P02: invalid input syntax for type vector: \"[1,,2]\"");
    row("[1 2]", -1, "ERROR 22P02: invalid input syntax for type vector: \"[1 2]\"");
    row("[1,a]", -1, "ERROR 22P02: invalid input syntax for type vector: \"[1,a]\"");
    row("[1,2]x", -1, "ERROR 22P02: invalid input syntax for type vector: \"[1,2]x\"");
    row("[1,NaN]", -1, "ERROR 22000: NaN not allowed in vector");
    row("[-inf]", -1, "ERROR 22000: infinite value not allowed in vector");
    row("[1e39]", -1, "ERROR 22003: \"1e39\" is out of range for type vector");
    row("[ -4e50,1]", -1, "ERROR 22003: \"-4e50\" is out of range for type vector");
  }
  void TextInputAndOutput() {
    QFETCH(QString, input);
    QFETCH(int, typmod);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(Show(In(input.toStdString(), typmod))), expected);
  }

  void SyntaxErrorsCarryPgvectorsDetail() {
    DB9_COMPARE_STR(std::string(In("(1,2)").status().detail()),
                    "Vector contents must start with \"[\".");
    DB9_COMPARE_STR(std::string(In("[1] 2").status().detail()), "Junk after closing right brace.");
  }

  void AtMost16000Dimensions() {
    std::string many = "[0";
    for (int i = 1; i < types::kVectorMaxDims; ++i) many += ",0";
    QCOMPARE(types::VectorDims(*In(many + "]")), 16000);
    DB9_COMPARE_STR(Show(In(many + ",0]")),
                    "ERROR 54000: vector cannot have more than 16000 dimensions");
  }

  void BinarySendAndReceive() {
    // pgvector's vector_send: int16 dims, int16 unused, big-endian float4s.
    DB9_COMPARE_STR(Hex(V("[1,2.5,3]")), "00030000" "3f800000" "40200000" "40400000");
    const types::TypeInfo& t = VectorType();
    auto recv = [&](const std::string& hex, int32_t typmod = -1) {
      return Show(t.receive(t, Unhex(hex), typmod, Io()));
    };
    DB9_COMPARE_STR(recv("000200003f800000c0200000"), "[1,-2.5]");
    DB9_COMPARE_STR(recv("000200003f800000c0200000", 3), "ERROR 22000: expected 3 dimensions, not 2");
    DB9_COMPARE_STR(recv("00000000"), "ERROR 22000: vector must have at least 1 dimension");
    DB9_COMPARE_STR(recv("ffff0000"), "ERROR 22000: vector must have at least 1 dimension");
    DB9_COMPARE_STR(recv("000100013f800000"), "ERROR 22000: expected unused to be 0, not 1");
    DB9_COMPARE_STR(recv("000100007fc00000"), "ERROR 22000: NaN not allowed in vector");
    DB9_COMPARE_STR(recv("000100007f800000"), "ERROR 22000: infinite value not allowed in vector");
    DB9_COMPARE_STR(recv("000200003f800000"), "ERROR 22P03: insufficient data left in message");
    DB9_COMPARE_STR(recv("00010000"), "ERROR 22P03: insufficient data left in message");
    DB9_COMPARE_STR(recv("000100003f80000000"), "ERROR 22P03: incorrect binary data format");
  }

  void TypmodAndTypeName() {
    const types::TypeInfo& t = VectorType();
    QCOMPARE(*t.typmod_in(t, {3}), 3);
    DB9_COMPARE_STR(std::string(t.typmod_in(t, {0}).status().message()),
                    "dimensions for type vector must be at least 1");
    DB9_COMPARE_STR(std::string(t.typmod_in(t, {16001}).status().message()),
                    "dimensions for type vector cannot exceed 16000");
    DB9_COMPARE_STR(std::string(t.typmod_in(t, {1, 2}).status().sqlstate()), "22023");
    DB9_COMPARE_STR(types::FormatType(Reg().types, oid::kVector, 3), "vector(3)");
    DB9_COMPARE_STR(types::FormatType(Reg().types, oid::kVectorArray, -1), "vector[]");
    // Explicit or not, a vector(n) cast only checks the dimension count.
    DB9_COMPARE_STR(CastText("vector", "[1,2]", "vector(2)"), "[1,2]");
    DB9_COMPARE_STR(CastText("vector", "[1,2]", "vector(3)"), "ERROR 22000: expected 3 dimensions, not 2");
  }

  void ArrayOfVectors() {
    DB9_COMPARE_STR(CastText("text", "{\"[1,2]\",NULL,\"[3]\"}", "vector[]"),
                    "{\"[1,2]\",NULL,[3]}");
  }

  void DistanceOperators() {
    // The float32 sums of pgvector, widened to float8.
    DB9_COMPARE_STR(Op("<->", "[1,2,3]", "[3,2,1]"), "2.8284271247461903");
    DB9_COMPARE_STR(Op("<#>", "[1,2,3]", "[4,5,6]"), "-32");
    DB9_COMPARE_STR(Op("<=>", "[1,2,3]", "[4,5,6]"), "0.025368153802923787");
    DB9_COMPARE_STR(Op("<+>", "[1,2,3]", "[4,5,6]"), "9");
    DB9_COMPARE_STR(Op("<->", "[0.1,0.2,0.3]", "[0.4,-0.5,0.6]"), "0.8185352509725258");
    DB9_COMPARE_STR(Op("<#>", "[0.1,0.2,0.3]", "[0.4,-0.5,0.6]"), "-0.12000000476837158");
    DB9_COMPARE_STR(Op("<=>", "[0.1,0.2,0.3]", "[0.4,-0.5,0.6]"), "0.6345130730008435");
    DB9_COMPARE_STR(Op("<+>", "[0.1,0.2,0.3]", "[0.4,-0.5,0.6]"), "1.2999999523162842");
    DB9_COMPARE_STR(Op("<=>", "[1,1]", "[0,0]"), "NaN");
    DB9_COMPARE_STR(Op("<=>", "[1,1]", "[2,2]"), "0");
    DB9_COMPARE_STR(Op("<->", "[1,2]", "[1,2,3]"), "ERROR 22000: different vector dimensions 2 and 3");
    DB9_COMPARE_STR(Op("<=>", "[1,2,3]", "[1]"), "ERROR 22000: different vector dimensions 3 and 1");
  }

  void DistanceFunctions() {
    Value a = V("[1,2,3]"), b = V("[4,5,6]");
    DB9_COMPARE_STR(Fn("l2_distance", {a, b}), "5.196152422706632");
    DB9_COMPARE_STR(Fn("inner_product", {a, b}), "32");
    DB9_COMPARE_STR(Fn("cosine_distance", {a, b}), "0.025368153802923787");
    DB9_COMPARE_STR(Fn("l1_distance", {a, b}), "9");
    DB9_COMPARE_STR(Fn("l1_distance", {a, V("[1]")}), "ERROR 22000: different vector dimensions 3 and 1");
    // Strict: NULL in, NULL out, never an error.
    DB9_COMPARE_STR(Fn("l2_distance", {a, Value::Null(oid::kVector)}), "NULL");
  }

  void KernelsOfTheContract() {
    float a[] = {1, 2, 3}, b[] = {3, 2, 1};
    QCOMPARE(types::L2Distance(a, b), std::sqrt(8.0));
    QCOMPARE(types::NegativeInnerProduct(a, b), -10.0);
    QCOMPARE(types::L1Distance(a, b), 4.0);
    QCOMPARE(types::CosineDistance(a, a), 0.0);
    Value v = types::MakeVector(a);
    QCOMPARE(v.type(), oid::kVector);
    QCOMPARE(types::VectorDims(v), 3);
    QCOMPARE(types::VectorElements(v)[2], 3.0f);
    QCOMPARE(v.as_string().size(), 12u);
  }

  void ElementWiseArithmetic() {
    DB9_COMPARE_STR(Op("+", "[1,2,3]", "[4,5,6]"), "[5,7,9]");
    DB9_COMPARE_STR(Op("-", "[1,2,3]", "[4,5,6]"), "[-3,-3,-3]");
    DB9_COMPARE_STR(Op("*", "[1,2,3]", "[4,5,6]"), "[4,10,18]");
    DB9_COMPARE_STR(Op("||", "[1,2]", "[3]"), "[1,2,3]");
    DB9_COMPARE_STR(Op("+", "[1,2]", "[3]"), "ERROR 22000: different vector dimensions 2 and 1");
    DB9_COMPARE_STR(Op("+", "[3e38]", "[3e38]"), "ERROR 22003: value out of range: overflow");
    DB9_COMPARE_STR(Op("-", "[-3e38]", "[3e38]"), "ERROR 22003: value out of range: overflow");
    DB9_COMPARE_STR(Op("*", "[1e-30]", "[1e-30]"), "ERROR 22003: value out of range: underflow");
    DB9_COMPARE_STR(Op("*", "[0]", "[1e-30]"), "[0]");
  }

  void Comparisons() {
    // vector_cmp: element by element, then the shorter one first; no
    // dimension check.
    DB9_COMPARE_STR(Op("<", "[1,2]", "[1,2,3]"), "t");
    DB9_COMPARE_STR(Op(">", "[1,3]", "[1,2,3]"), "t");
    DB9_COMPARE_STR(Op("=", "[1,2]", "[1,2.0]"), "t");
    DB9_COMPARE_STR(Op("=", "[0]", "[-0]"), "t");
    DB9_COMPARE_STR(Op("<>", "[1]", "[1,0]"), "t");
    DB9_COMPARE_STR(Op(">=", "[2]", "[1,9]"), "t");
    DB9_COMPARE_STR(Op("<=", "[-1,5]", "[-2]"), "f");
  }

  void OrderHashAndKeysAgree() {
    const types::TypeInfo& t = VectorType();
    std::vector<std::string> sorted = {"[-3e38]", "[-1,5]", "[-0.5]", "[0]", "[0,-1]", "[0,0]",
                                       "[0,0,0]", "[1e-45]", "[1,2]", "[1,2,3]", "[1,3]", "[2]"};
    for (auto dir : {keyenc::Direction::kAscending, keyenc::Direction::kDescending}) {
      for (size_t i = 0; i < sorted.size(); ++i) {
        for (size_t j = 0; j < sorted.size(); ++j) {
          Value a = V(sorted[i]), b = V(sorted[j]);
          int expected = i < j ? -1 : (i > j ? 1 : 0);
          QCOMPARE(t.compare(t, a, b), expected);
          std::string ka, kb;
          t.key_encode(t, a, dir, &ka);
          t.key_encode(t, b, dir, &kb);
          int keys = ka < kb ? -1 : (ka > kb ? 1 : 0);
          QCOMPARE(keys, dir == keyenc::Direction::kAscending ? expected : -expected);
        }
        std::string key;
        t.key_encode(t, V(sorted[i]), dir, &key);
        key += "suffix";
        keyenc::KeyDecoder in(key);
        Result<Value> back = t.key_decode(t, in, dir);
        QVERIFY(back.ok());
        QCOMPARE(t.compare(t, *back, V(sorted[i])), 0);
        DB9_COMPARE_STR(std::string(in.rest()), "suffix");
      }
    }
    QCOMPARE(t.hash(t, V("[0,-0]")), t.hash(t, V("[-0,0]")));
    QVERIFY(t.hash(t, V("[1,2]")) != t.hash(t, V("[2,1]")));
  }

  void Utilities() {
    DB9_COMPARE_STR(Fn("vector_dims", {V("[1,2,3]")}), "3");
    DB9_COMPARE_STR(Fn("vector_norm", {V("[3,4]")}), "5");
    DB9_COMPARE_STR(Fn("l2_normalize", {V("[3,4]")}), "[0.6,0.8]");
    DB9_COMPARE_STR(Fn("l2_normalize", {V("[0,0]")}), "[0,0]");
    auto sub = [](const char* v, int start, int count) {
      return Fn("subvector", {V(v), Value::Int4(start), Value::Int4(count)});
    };
    DB9_COMPARE_STR(sub("[1,2,3,4,5]", 2, 3), "[2,3,4]");
    DB9_COMPARE_STR(sub("[1,2,3]", 0, 2), "[1]");
    DB9_COMPARE_STR(sub("[1,2,3]", 3, 5), "[3]");
    DB9_COMPARE_STR(sub("[1,2,3]", 2, 2147483647), "[2,3]");
    DB9_COMPARE_STR(sub("[1,2,3]", 4, 1), "ERROR 22000: vector must have at least 1 dimension");
    DB9_COMPARE_STR(sub("[1,2,3]", -5, 2), "ERROR 22000: vector must have at least 1 dimension");
    DB9_COMPARE_STR(sub("[1,2,3]", 1, 0), "ERROR 22000: vector must have at least 1 dimension");
    DB9_COMPARE_STR(Fn("binary_quantize", {V("[1,-2,0,3]")}), "1001");
  }

  void CastsFromArraysAndToReal() {
    DB9_COMPARE_STR(CastText("int4[]", "{1,2,3}", "vector"), "[1,2,3]");
    DB9_COMPARE_STR(CastText("float4[]", "{1.5,-2}", "vector"), "[1.5,-2]");
    DB9_COMPARE_STR(CastText("float8[]", "{0.1,16777217}", "vector"), "[0.1,1.6777216e+07]");
    DB9_COMPARE_STR(CastText("numeric[]", "{1.25,3}", "vector"), "[1.25,3]");
    DB9_COMPARE_STR(CastText("int4[]", "{1,2,3}", "vector(3)"), "[1,2,3]");
    DB9_COMPARE_STR(CastText("int4[]", "{1,2}", "vector(3)"), "ERROR 22000: expected 3 dimensions, not 2");
    DB9_COMPARE_STR(CastText("int4[]", "{}", "vector"), "ERROR 22000: vector must have at least 1 dimension");
    DB9_COMPARE_STR(CastText("int4[]", "{{1,2},{3,4}}", "vector"), "ERROR 22000: array must be 1-D");
    DB9_COMPARE_STR(CastText("int4[]", "{1,NULL}", "vector"), "ERROR 22004: array must not contain nulls");
    DB9_COMPARE_STR(CastText("float8[]", "{1,NaN}", "vector"), "ERROR 22000: NaN not allowed in vector");
    DB9_COMPARE_STR(CastText("float8[]", "{1e300}", "vector"),
                    "ERROR 22000: infinite value not allowed in vector");
    DB9_COMPARE_STR(CastText("int8[]", "{1}", "vector"), "ERROR 42846: cannot cast type bigint[] to vector");
    DB9_COMPARE_STR(CastText("vector", "[1,2.5]", "float4[]"), "{1,2.5}");
    DB9_COMPARE_STR(CastText("text", "[1, 2]", "vector"), "[1,2]");
    DB9_COMPARE_STR(CastText("vector", "[1,2]", "text"), "[1,2]");
    // pgvector's contexts: arrays in assignment, vector -> real[] anywhere.
    const functions::CastRegistry& casts = Reg().casts;
    QVERIFY(casts.CanCoerce(oid::kInt4Array, oid::kVector, CoercionContext::kAssignment, Reg().types));
    QVERIFY(!casts.CanCoerce(oid::kInt4Array, oid::kVector, CoercionContext::kImplicit, Reg().types));
    QVERIFY(casts.CanCoerce(oid::kNumericArray, oid::kVector, CoercionContext::kAssignment, Reg().types));
    QVERIFY(casts.CanCoerce(oid::kVector, oid::kFloat4Array, CoercionContext::kImplicit, Reg().types));
  }

  void Aggregates() {
    Value null = Value::Null(oid::kVector);
    DB9_COMPARE_STR(Agg("avg", {V("[1,2]"), null, V("[2,3]"), V("[4,5]")}), "[2.3333333,3.3333333]");
    DB9_COMPARE_STR(Agg("sum", {V("[1,2]"), null, V("[2,3]"), V("[4,5]")}), "[7,10]");
    DB9_COMPARE_STR(Agg("avg", {}), "NULL");
    DB9_COMPARE_STR(Agg("sum", {null}), "NULL");
    DB9_COMPARE_STR(Agg("avg", {V("[1,2]"), V("[1]")}), "ERROR 22000: expected 2 dimensions, not 1");
    DB9_COMPARE_STR(Agg("sum", {V("[1,2]"), V("[1]")}), "ERROR 22000: different vector dimensions 2 and 1");
    DB9_COMPARE_STR(Agg("sum", {V("[3e38]"), V("[3e38]")}), "ERROR 22003: value out of range: overflow");
    // avg sums in double: no overflow where the float sum would.
    DB9_COMPARE_STR(Agg("avg", {V("[3e38]"), V("[3e38]")}), "[3e+38]");
  }
};

}  // namespace db9::testing

QTEST_APPLESS_MAIN(db9::testing::VectorTest)
#include "vector_test.moc"

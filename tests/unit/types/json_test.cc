// jsonb's value model: parsing and normalization (keys deduplicated, last
// wins, sorted shorter-first), payload round trips, PostgreSQL's btree
// order through compare and key encoding, containment, and hostile input
// (deep nesting, huge numbers, bad escapes, invalid UTF-8, corrupt payloads).
#include <string>
#include <vector>

#include "daemon/functions/function_context.h"
#include "daemon/types/json_order.h"
#include "daemon/types/json_text.h"
#include "test_support.h"

namespace db9::testing {

namespace {

const types::TypeInfo& Jsonb() { return *Reg().types.Find(types::oid::kJsonb); }
types::IoContext& Io() {
  static types::IoContext io;
  return io;
}

types::Value In(const std::string& text) {
  Result<types::Value> v = Jsonb().input(Jsonb(), text, -1, Io());
  if (!v.ok()) {
    qFatal("jsonb input failed for %s: %s", text.c_str(),
           std::string(v.status().message()).c_str());
  }
  return *v;
}

std::string Out(const types::Value& v) { return *Jsonb().output(Jsonb(), v, Io()); }

std::string Sqlstate(const std::string& text) {
  Result<types::Value> v = Jsonb().input(Jsonb(), text, -1, Io());
  return v.ok() ? "" : std::string(v.status().sqlstate());
}

// Calls a registered operator on two jsonb literals.
bool Op(const char* name, const std::string& a, const std::string& b) {
  const functions::OperatorInfo* op =
      Reg().operators.Find(name, types::oid::kJsonb, types::oid::kJsonb);
  if (op == nullptr) qFatal("no operator %s", name);
  functions::FunctionContext ctx;
  ctx.registries = &Reg();
  ctx.io = &Io();
  std::vector<types::Value> args = {In(a), In(b)};
  Result<types::Value> r = functions::CallOperator(*op, ctx, args);
  if (!r.ok()) qFatal("operator %s failed", name);
  return r->as_bool();
}

}  // namespace

class JsonTest : public QObject {
  Q_OBJECT

 private slots:
  void NormalizesKeysAndNumbers() {
    DB9_COMPARE_STR(Out(In("{\"b\":1, \"a\":2, \"b\":3}")), "{\"a\": 2, \"b\": 3}");
    DB9_COMPARE_STR(Out(In("{\"aa\":1,\"b\":2,\"c\":{\"zz\":[1,2.50],\"y\":null}}")),
                    "{\"b\": 2, \"c\": {\"y\": null, \"zz\": [1, 2.50]}, \"aa\": 1}");
    DB9_COMPARE_STR(Out(In("1e2")), "100");
    DB9_COMPARE_STR(Out(In("-0.0")), "0.0");
    DB9_COMPARE_STR(Out(In("\"\\u00e9\\t\\\"\"")), "\"\u00e9\\t\\\"\"");
    DB9_COMPARE_STR(Out(In("\"\\ud83d\\ude00\"")), "\"\U0001F600\"");
    DB9_COMPARE_STR(Out(In("  [ ]  ")), "[]");
  }

  void PayloadRoundTrips() {
    for (const char* text : {"null", "true", "[1, [2, [3]], {}]", "{\"k\": {\"k\": \"v\"}}"}) {
      types::Value v = In(text);
      Result<types::JsonValue> doc = types::DecodeJsonb(v.as_string());
      QVERIFY(doc.ok());
      QCOMPARE(types::EncodeJsonb(*doc), v.as_string());
      // Binary send is version 1 + text; receive reads it back.
      std::string wire = *Jsonb().send(Jsonb(), v, Io());
      QCOMPARE(wire[0], '\1');
      Result<types::Value> back = Jsonb().receive(Jsonb(), wire, -1, Io());
      QVERIFY(back.ok());
      QCOMPARE(back->as_string(), v.as_string());
    }
  }

  void RejectsBadInput() {
    const std::pair<std::string, const char*> kCases[] = {
        {"{bad", "22P02"},           {"01", "22P02"},
        {"[1,]", "22P02"},           {"\"\\x\"", "22P02"},
        {"\"\\u12\"", "22P02"},      {"\"\\udc00\"", "22P02"},
        {"\"\\ud800x\"", "22P02"},   {"\"\\u0000\"", "22P05"},
        {"\"a\nb\"", "22P02"},       {"\"\xff\"", "22021"},
        {"1e1000000", "22003"},      {"", "22P02"},
        {std::string(100000, '['), "54001"},
    };
    for (const auto& [input, sqlstate] : kCases) {
      DB9_COMPARE_STR(Sqlstate(input), std::string(sqlstate));
    }
    // json keeps "\u0000" (it only validates) but checks everything else.
    QVERIFY(types::ValidateJson("[\"\\u0000\", 1e1000000]").ok());
    QVERIFY(!types::ValidateJson("[1] 2").ok());
  }

  void CorruptPayloadsFailCleanly() {
    std::string good = In("{\"a\": [1, \"x\"]}").as_string();
    const auto& t = Jsonb();
    types::Value whole = types::Value::OfString(types::oid::kJsonb, good);
    for (size_t cut = 0; cut < good.size(); ++cut) {
      QVERIFY(!types::DecodeJsonb(good.substr(0, cut)).ok());
      // Ordering, hashing and keys stay total and never crash on them.
      types::Value bad = types::Value::OfString(types::oid::kJsonb, good.substr(0, cut));
      QVERIFY(t.compare(t, bad, whole) != 0);
      QCOMPARE(t.compare(t, bad, bad), 0);
      t.hash(t, bad);
      std::string key;
      t.key_encode(t, bad, keyenc::Direction::kAscending, &key);
    }
    std::string huge_count = good;
    huge_count[2] = '\x7f';  // the object's member count
    QVERIFY(!types::DecodeJsonb(huge_count).ok());
  }

  // Ascending in PostgreSQL's jsonb btree order (checked against PG 15);
  // compare() and the keys must both follow it.
  void OrderFollowsPostgres() {
    const std::vector<std::string> sorted = {
        "[]",   "null", "\"\"", "\"a\"", "\"ab\"", "\"b\"", "-1", "1", "2.5", "false", "true",
        "[0]",  "[1]",  "[[1]]", "[{}]",   "[\"x\", 3]", "[1, 2]",
        "{}",   "{\"a\": 1}",   "{\"b\": 0}", "{\"a\": 1, \"c\": 0}", "{\"a\": 5, \"b\": 0}",
        "{\"a\": [2], \"c\": 0}", "{\"a\": [1, {\"b\": \"x\"}], \"c\": 0}",
        "{\"a\": [1, {\"b\": \"y\"}], \"c\": 0}", "{\"a\": {}, \"c\": 0}"};
    // Raw scalars sort inside the array class: below '[0]' but, being one
    // element long, above '[]'.
    QVERIFY(Op(">", "1", "[]"));
    QVERIFY(Op("<", "1", "[0]"));
    QVERIFY(Op("<", "1", "[1]"));
    const auto& t = Jsonb();
    for (size_t i = 0; i < sorted.size(); ++i) {
      for (size_t j = 0; j < sorted.size(); ++j) {
        types::Value a = In(sorted[i]), b = In(sorted[j]);
        int c = t.compare(t, a, b);
        bool same_text = Out(a) == Out(b);
        int want = same_text ? 0 : (i < j ? -1 : 1);
        if ((c > 0) - (c < 0) != want) {
          std::string pair = "compare(" + sorted[i] + ", " + sorted[j] + ")";
          QFAIL(qPrintable(QString::fromStdString(pair)));
        }
        std::string ka, kb;
        t.key_encode(t, a, keyenc::Direction::kAscending, &ka);
        t.key_encode(t, b, keyenc::Direction::kAscending, &kb);
        QCOMPARE((ka > kb) - (ka < kb), want);
        std::string da, db;
        t.key_encode(t, a, keyenc::Direction::kDescending, &da);
        t.key_encode(t, b, keyenc::Direction::kDescending, &db);
        QCOMPARE((da > db) - (da < db), -want);
      }
    }
  }

  void EqualValuesHashAndKeyAlike() {
    const auto& t = Jsonb();
    types::Value a = In("{\"n\": 1.0, \"a\": [1]}"), b = In("{\"a\": [1.000], \"n\": 1}");
    QCOMPARE(t.compare(t, a, b), 0);
    QCOMPARE(t.hash(t, a), t.hash(t, b));
    for (auto dir : {keyenc::Direction::kAscending, keyenc::Direction::kDescending}) {
      std::string key;
      t.key_encode(t, a, dir, &key);
      keyenc::KeyDecoder in(key);
      Result<types::Value> back = t.key_decode(t, in, dir);
      QVERIFY(back.ok());
      QVERIFY(in.done());
      DB9_COMPARE_STR(Out(*back), "{\"a\": [1], \"n\": 1}");
    }
  }

  void Containment() {
    QVERIFY(Op("@>", "{\"a\": 1, \"b\": {\"c\": [1, 2]}}", "{\"b\": {\"c\": [2]}}"));
    QVERIFY(Op("@>", "{\"a\": 1.0}", "{\"a\": 1}"));
    QVERIFY(!Op("@>", "{\"a\": [1, 2]}", "{\"a\": 1}"));
    QVERIFY(Op("@>", "[1, [2, 3], {\"x\": 1}]", "[[3], {}]"));
    QVERIFY(!Op("@>", "[[1, 2]]", "[1]"));
    QVERIFY(Op("@>", "[1, 2]", "1"));
    QVERIFY(!Op("@>", "1", "[1]"));
    QVERIFY(!Op("@>", "[]", "{}"));
    QVERIFY(Op("<@", "{\"a\": 1}", "{\"a\": 1, \"b\": 2}"));
  }
};

}  // namespace db9::testing

QTEST_GUILESS_MAIN(db9::testing::JsonTest)
#include "json_test.moc"

// Key encoding agrees with compare(): for every pair of values of a type,
// the memcmp order of their ascending keys is the sign of compare(), the
// descending keys order the other way, and decoding gives an equal value.
#include "test_support.h"

namespace db9::testing {

class KeyOrderTest : public QObject {
  Q_OBJECT

 private slots:
  void KeysOrderLikeCompare_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("inputs");
    auto row = [](const char* type, QStringList inputs) {
      QTest::newRow(type) << QString(type) << inputs;
    };
    row("bool", {"f", "t"});
    row("int2", {"-32768", "-1", "0", "1", "32767"});
    row("int4", {"-2147483648", "-5", "0", "7", "2147483647"});
    row("int8", {"-9223372036854775808", "-1", "0", "42", "9223372036854775807"});
    row("float8", {"-Infinity", "-1e300", "-1.5", "-0", "0", "1e-300", "2.5", "Infinity", "NaN"});
    row("float4", {"-1.5", "0", "3.25", "NaN"});
    row("numeric", {"-Infinity", "-1000", "-999.5", "-1.50", "-1.5", "-1", "-0.001", "0", "0.000",
                    "0.001", "0.5", "1", "1.0", "1.05", "1.5", "2", "10", "99.99", "100",
                    "123456789012345678901234567890", "Infinity", "NaN"});
    row("text", {"", "a", "ab", "a\u00e9", "b", "ba", "\u00e9"});
    row("bpchar", {"a", "a  ", "ab", "b"});
    row("bytea", {"\\x", "\\x00", "\\x0000", "\\x01", "\\xff"});
    row("date", {"-infinity", "0044-03-15 BC", "1999-12-31", "2000-01-01", "2024-02-29", "infinity"});
    row("timestamp", {"-infinity", "1999-12-31 23:59:59.999999", "2000-01-01", "2024-01-05 10:00", "infinity"});
    row("timestamptz", {"2024-01-05 10:00+02", "2024-01-05 09:00+00", "2024-01-05 10:00+00"});
    row("time", {"00:00", "00:00:00.000001", "12:00", "24:00"});
    row("interval", {"-1 year", "-1 day", "-00:00:01", "0", "1 second", "1 day", "24 hours",
                     "30 days", "1 mon", "1 mon 1 second", "1 year"});
    row("uuid", {"00000000-0000-0000-0000-000000000000", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                 "ffffffff-ffff-ffff-ffff-ffffffffffff"});
    row("int4[]", {"{}", "{1}", "{1,2}", "{1,NULL}", "{2}", "{NULL}"});
    row("text[]", {"{}", "{a}", "{a,b}", "{ab}", "{b}"});
  }

  void KeysOrderLikeCompare() {
    QFETCH(QString, type);
    QFETCH(QStringList, inputs);
    types::IoContext io;
    TypeSpec spec = ParseSpec(type.toStdString());
    QVERIFY(spec.type != nullptr);
    const types::TypeInfo& t = *spec.type;
    std::vector<types::Value> values;
    for (const QString& in : inputs) {
      Result<types::Value> v = t.input(t, in.toStdString(), -1, io);
      QVERIFY2(v.ok(), v.status().ToString().c_str());
      values.push_back(*v);
    }
    using keyenc::Direction;
    for (const types::Value& a : values) {
      std::string ka, kda;
      t.key_encode(t, a, Direction::kAscending, &ka);
      t.key_encode(t, a, Direction::kDescending, &kda);
      for (const types::Value& b : values) {
        std::string kb, kdb;
        t.key_encode(t, b, Direction::kAscending, &kb);
        t.key_encode(t, b, Direction::kDescending, &kdb);
        int c = t.compare(t, a, b);
        int k = ka.compare(kb);
        int kd = kda.compare(kdb);
        QCOMPARE((k > 0) - (k < 0), c);
        QCOMPARE((kd > 0) - (kd < 0), -c);
      }
      for (Direction dir : {Direction::kAscending, Direction::kDescending}) {
        std::string key = dir == Direction::kAscending ? ka : kda;
        key += "tail";  // decoding stops at the value's end
        keyenc::KeyDecoder dec(key);
        Result<types::Value> back = t.key_decode(t, dec, dir);
        QVERIFY2(back.ok(), back.status().ToString().c_str());
        QCOMPARE(back->type(), t.oid);
        QCOMPARE(t.compare(t, a, *back), 0);
        DB9_COMPARE_STR(std::string(dec.rest()), std::string("tail"));
      }
    }
    // compare() is consistent with sorting: the inputs are listed ascending
    // (equal neighbours allowed).
    for (size_t i = 1; i < values.size(); ++i) QVERIFY(t.compare(t, values[i - 1], values[i]) <= 0);
  }

  void EqualValuesHashEqual() {
    types::IoContext io;
    struct Pair {
      const char* type;
      const char* a;
      const char* b;
    };
    for (Pair p : {Pair{"numeric", "1.5", "1.500"}, Pair{"float8", "-0", "0"},
                   Pair{"bpchar", "ab", "ab   "}, Pair{"interval", "1 day", "24 hours"},
                   Pair{"float8", "NaN", "NaN"}}) {
      TypeSpec spec = ParseSpec(p.type);
      const types::TypeInfo& t = *spec.type;
      types::Value a = *t.input(t, p.a, -1, io), b = *t.input(t, p.b, -1, io);
      QCOMPARE(t.compare(t, a, b), 0);
      QCOMPARE(t.hash(t, a), t.hash(t, b));
    }
  }

  void CorruptKeysAreErrors() {
    const types::TypeInfo& t = *Reg().types.Find(types::oid::kNumeric);
    std::string garbage = "\x01\x02";
    keyenc::KeyDecoder dec(garbage);
    Result<types::Value> v = t.key_decode(t, dec, keyenc::Direction::kAscending);
    QVERIFY(!v.ok());
    DB9_COMPARE_STR(std::string(v.status().sqlstate()), std::string("XX001"));
  }
};

}  // namespace db9::testing

QTEST_APPLESS_MAIN(db9::testing::KeyOrderTest)
#include "key_order_test.moc"

// Text and binary I/O of every built-in type against output recorded from
// PostgreSQL 15 (pg15_io_cases.inc): input -> text output, binary send
// bytes, binary receive of those bytes, and error SQLSTATE + message.
#include "test_support.h"

namespace db9::testing {
namespace {

struct IoCase {
  const char* zone;
  const char* type;
  const char* input;
  bool ok;
  const char* text;
  const char* send_hex;
  const char* sqlstate;
  const char* message;
};

const IoCase kCases[] = {
#include "pg15_io_cases.inc"
};

}  // namespace

class TypeIoTest : public QObject {
  Q_OBJECT

 private slots:
  void MatchesPostgres_data() {
    QTest::addColumn<int>("index");
    for (size_t i = 0; i < std::size(kCases); ++i) {
      QTest::newRow((std::string(kCases[i].zone) + " " + kCases[i].type + " '" + kCases[i].input + "'").c_str())
          << static_cast<int>(i);
    }
  }

  void MatchesPostgres() {
    QFETCH(int, index);
    const IoCase& c = kCases[index];
    types::IoContext io;
    QVERIFY(io.SetTimeZone(c.zone).ok());
    TypeSpec spec = ParseSpec(c.type);
    QVERIFY2(spec.type != nullptr, c.type);
    const types::TypeInfo& t = *spec.type;
    Result<types::Value> v = t.input(t, c.input, spec.typmod, io);
    if (!c.ok) {
      QVERIFY2(!v.ok(), "PostgreSQL rejects this input");
      DB9_COMPARE_STR(std::string(v.status().sqlstate()), std::string(c.sqlstate));
      DB9_COMPARE_STR(std::string(v.status().message()), std::string(c.message));
      return;
    }
    QVERIFY2(v.ok(), v.status().ToString().c_str());
    QCOMPARE(v->type(), t.oid);
    Result<std::string> text = t.output(t, *v, io);
    QVERIFY(text.ok());
    DB9_COMPARE_STR(*text, std::string(c.text));
    Result<std::string> sent = t.send(t, *v, io);
    QVERIFY(sent.ok());
    DB9_COMPARE_STR(Hex(*sent), std::string(c.send_hex));
    // Binary round trip: receive PostgreSQL's bytes, print the same text.
    Result<types::Value> back = t.receive(t, Unhex(c.send_hex), spec.typmod, io);
    QVERIFY2(back.ok(), back.status().ToString().c_str());
    Result<std::string> text2 = t.output(t, *back, io);
    QVERIFY(text2.ok());
    DB9_COMPARE_STR(*text2, std::string(c.text));
    // Text round trip: the output reads back to an equal value.
    Result<types::Value> again = t.input(t, *text, spec.typmod, io);
    QVERIFY2(again.ok(), again.status().ToString().c_str());
    if (t.compare != nullptr) QCOMPARE(t.compare(t, *v, *again), 0);
  }

  void VarcharExplicitCastTruncates() {
    TypeSpec spec = ParseSpec("varchar(3)");
    const types::TypeInfo& t = *spec.type;
    Result<types::Value> cut = t.apply_typmod(t, types::Value::OfString(t.oid, "abcdef"), spec.typmod, true);
    QVERIFY(cut.ok());
    DB9_COMPARE_STR(cut->as_string(), std::string("abc"));
    Result<types::Value> err = t.apply_typmod(t, types::Value::OfString(t.oid, "abcdef"), spec.typmod, false);
    DB9_COMPARE_STR(std::string(err.status().sqlstate()), std::string("22001"));
    DB9_COMPARE_STR(std::string(err.status().message()), std::string("value too long for type character varying(3)"));
  }

  void FormatTypeNames() {
    const auto& types = Reg().types;
    DB9_COMPARE_STR(types::FormatType(types, types::oid::kInt4, -1), std::string("integer"));
    QCOMPARE(types::FormatType(types, types::oid::kVarchar, ParseSpec("varchar(10)").typmod),
             std::string("character varying(10)"));
    QCOMPARE(types::FormatType(types, types::oid::kNumeric, ParseSpec("numeric(10,2)").typmod),
             std::string("numeric(10,2)"));
    DB9_COMPARE_STR(types::FormatType(types, types::oid::kInt4Array, -1), std::string("integer[]"));
    QCOMPARE(types::FormatType(types, types::oid::kTimestamptz, 3),
             std::string("timestamp(3) with time zone"));
    DB9_COMPARE_STR(types::FormatType(types, 999999, -1), std::string("???"));
  }

  void RegistryLookups() {
    const auto& types = Reg().types;
    QCOMPARE(types.FindByName("integer")->oid, types::oid::kInt4);
    QCOMPARE(types.FindByName("double precision")->oid, types::oid::kFloat8);
    QCOMPARE(types.FindByName("_int4")->oid, types::oid::kInt4Array);
    QCOMPARE(types.ArrayOf(types::oid::kText)->oid, types::oid::kTextArray);
    QCOMPARE(types.Find(types::oid::kInt4Array)->element->oid, types::oid::kInt4);
    QVERIFY(types.Find(4242) == nullptr);
    DB9_COMPARE_STR(std::string(types.Get(4242).status().sqlstate()), std::string("42704"));
  }

  void FloatOutputWithExtraFloatDigits() {
    const auto* f8 = Reg().types.Find(types::oid::kFloat8);
    types::IoContext io;
    io.extra_float_digits = 0;
    DB9_COMPARE_STR(*f8->output(*f8, types::Value::Float8(0.1), io), std::string("0.1"));
    DB9_COMPARE_STR(*f8->output(*f8, types::Value::Float8(1.0 / 3), io), std::string("0.333333333333333"));
    io.extra_float_digits = 1;
    DB9_COMPARE_STR(*f8->output(*f8, types::Value::Float8(1.0 / 3), io), std::string("0.3333333333333333"));
  }

  void NowLiteralsUseTransactionStart() {
    types::IoContext io;
    QVERIFY(io.SetTimeZone("Europe/Berlin").ok());
    const types::TypeInfo& tstz = *Reg().types.Find(types::oid::kTimestamptz);
    const types::TypeInfo& date = *Reg().types.Find(types::oid::kDate);
    // 2024-01-05 23:30 UTC is already the 6th in Berlin.
    Result<types::Value> base = tstz.input(tstz, "2024-01-05 23:30:00+00", -1, io);
    QVERIFY(base.ok());
    io.now_micros = base->as_int();
    QCOMPARE(tstz.input(tstz, "now", -1, io)->as_int(), io.now_micros);
    DB9_COMPARE_STR(*date.output(date, *date.input(date, "today", -1, io), io), std::string("2024-01-06"));
    DB9_COMPARE_STR(*date.output(date, *date.input(date, "tomorrow", -1, io), io), std::string("2024-01-07"));
    DB9_COMPARE_STR(*tstz.output(tstz, *tstz.input(tstz, "yesterday", -1, io), io),
                    std::string("2024-01-05 00:00:00+01"));
  }

  void BadTimeZoneSetting() {
    types::IoContext io;
    Status s = io.SetTimeZone("Nowhere/Special");
    DB9_COMPARE_STR(std::string(s.sqlstate()), std::string("22023"));
    // POSIX convention, as PostgreSQL: "+05:30" is west of Greenwich.
    QVERIFY(io.SetTimeZone("+05:30").ok());
    QCOMPARE(io.fixed_offset_seconds, -(5 * 3600 + 30 * 60));
  }
};

}  // namespace db9::testing

QTEST_APPLESS_MAIN(db9::testing::TypeIoTest)
#include "type_io_test.moc"

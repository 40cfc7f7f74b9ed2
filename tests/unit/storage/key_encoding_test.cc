// Key encoding: every primitive round-trips, and bytewise order of encodings
// equals the order of the values, alone, composed, descending, with NULLs.
#include "daemon/storage/encoding/key_encoding.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace db9::keyenc;

namespace {

constexpr Direction kDirs[] = {Direction::kAscending, Direction::kDescending};

// Values compared the way PostgreSQL orders them: NaN above everything and
// equal to itself, -0 == 0.
int CompareDouble(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) - std::isnan(b);
  return (a > b) - (a < b);
}

int Sign(int v) { return (v > 0) - (v < 0); }

int CompareBytes(const std::string& a, const std::string& b) { return Sign(a.compare(b)); }

std::string EncInt(int64_t v, Direction d = Direction::kAscending) {
  std::string s;
  AppendInt64(&s, v, d);
  return s;
}

std::string EncDouble(double v, Direction d = Direction::kAscending) {
  std::string s;
  AppendDouble(&s, v, d);
  return s;
}

std::string EncBytes(const std::string& v, Direction d = Direction::kAscending) {
  std::string s;
  AppendBytes(&s, v, d);
  return s;
}

std::string RandomBytes(std::mt19937_64& rng) {
  // Small alphabet with 0x00 and 0xFF so escapes and prefixes are common.
  static const char kAlphabet[] = {'\0', '\x01', 'a', 'b', '\xfe', '\xff'};
  std::string s(rng() % 6, '\0');
  for (char& c : s) c = kAlphabet[rng() % sizeof(kAlphabet)];
  return s;
}

int64_t RandomInt(std::mt19937_64& rng) {
  static const int64_t kEdges[] = {
      0,   1,   -1, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(),
      255, -256};
  return rng() % 3 == 0 ? kEdges[rng() % 7] : static_cast<int64_t>(rng());
}

double RandomDouble(std::mt19937_64& rng) {
  static const double kEdges[] = {0.0,
                                  -0.0,
                                  std::numeric_limits<double>::infinity(),
                                  -std::numeric_limits<double>::infinity(),
                                  std::numeric_limits<double>::quiet_NaN(),
                                  -std::numeric_limits<double>::quiet_NaN(),
                                  std::numeric_limits<double>::denorm_min(),
                                  -std::numeric_limits<double>::max(),
                                  1.5,
                                  -1.5};
  if (rng() % 3 == 0) return kEdges[rng() % 10];
  return std::ldexp(static_cast<double>(static_cast<int64_t>(rng())),
                    static_cast<int>(rng() % 200) - 100);
}

}  // namespace

class KeyEncodingTest : public QObject {
  Q_OBJECT

 private slots:
  void intRoundTripAndOrder() {
    std::mt19937_64 rng(1);
    for (Direction d : kDirs) {
      for (int i = 0; i < 20000; ++i) {
        int64_t a = RandomInt(rng), b = RandomInt(rng);
        std::string ea = EncInt(a, d), eb = EncInt(b, d);
        KeyDecoder dec(ea);
        auto back = dec.ReadInt64(d);
        QVERIFY(back.ok());
        QCOMPARE(*back, a);
        QVERIFY(dec.done());
        int expect = (a > b) - (a < b);
        if (d == Direction::kDescending) expect = -expect;
        QCOMPARE(CompareBytes(ea, eb), expect);
      }
    }
  }

  void doubleRoundTripAndOrder() {
    std::mt19937_64 rng(2);
    for (Direction d : kDirs) {
      for (int i = 0; i < 20000; ++i) {
        double a = RandomDouble(rng), b = RandomDouble(rng);
        std::string ea = EncDouble(a, d), eb = EncDouble(b, d);
        KeyDecoder dec(ea);
        auto back = dec.ReadDouble(d);
        QVERIFY(back.ok());
        QCOMPARE(CompareDouble(*back, a), 0);
        int expect = CompareDouble(a, b);
        if (d == Direction::kDescending) expect = -expect;
        QCOMPARE(CompareBytes(ea, eb), expect);
      }
    }
    // The PostgreSQL rules spelled out.
    QCOMPARE(EncDouble(-0.0), EncDouble(0.0));
    QCOMPARE(EncDouble(std::nan("1")), EncDouble(-std::numeric_limits<double>::quiet_NaN()));
    QVERIFY(EncDouble(std::numeric_limits<double>::quiet_NaN()) >
            EncDouble(std::numeric_limits<double>::infinity()));
  }

  void bytesRoundTripAndOrder() {
    std::mt19937_64 rng(3);
    for (Direction d : kDirs) {
      for (int i = 0; i < 20000; ++i) {
        std::string a = RandomBytes(rng), b = RandomBytes(rng);
        std::string ea = EncBytes(a, d), eb = EncBytes(b, d);
        KeyDecoder dec(ea);
        auto back = dec.ReadBytes(d);
        QVERIFY(back.ok());
        QCOMPARE(*back, a);
        QVERIFY(dec.done());
        int expect = CompareBytes(a, b);
        if (d == Direction::kDescending) expect = -expect;
        QCOMPARE(CompareBytes(ea, eb), expect);
      }
    }
  }

  void boolOrder() {
    for (Direction d : kDirs) {
      std::string f, t;
      AppendBool(&f, false, d);
      AppendBool(&t, true, d);
      QCOMPARE(f < t, d == Direction::kAscending);
      KeyDecoder dec(t);
      auto back = dec.ReadBool(d);
      QVERIFY(back.ok() && *back);
    }
  }

  // Composite keys (nullable text, int) order component by component, NULLs
  // placed as asked, in every direction combination.
  void compositeOrderWithNulls() {
    struct Row {
      std::optional<std::string> text;
      std::optional<int64_t> num;
    };
    std::mt19937_64 rng(4);
    for (Direction d1 : kDirs) {
      for (Direction d2 : kDirs) {
        const NullsOrder n1 = DefaultNullsOrder(d1), n2 = DefaultNullsOrder(d2);
        auto encode = [&](const Row& r) {
          std::string k;
          if (r.text) {
            AppendNotNullMarker(&k);
            AppendBytes(&k, *r.text, d1);
          } else {
            AppendNullMarker(&k, n1);
          }
          if (r.num) {
            AppendNotNullMarker(&k);
            AppendInt64(&k, *r.num, d2);
          } else {
            AppendNullMarker(&k, n2);
          }
          return k;
        };
        // Reference comparator: PostgreSQL semantics for ORDER BY text d1, num d2.
        auto cmp_component = [](auto& a, auto& b, Direction d, NullsOrder n) {
          if (!a || !b) {
            if (!a && !b) return 0;
            int null_side = n == NullsOrder::kLast ? 1 : -1;
            return !a ? null_side : -null_side;
          }
          int c = (*a > *b) - (*a < *b);
          return d == Direction::kAscending ? c : -c;
        };
        for (int i = 0; i < 5000; ++i) {
          auto rnd = [&] {
            Row r;
            if (rng() % 4) r.text = RandomBytes(rng);
            if (rng() % 4) r.num = static_cast<int64_t>(rng() % 5) - 2;
            return r;
          };
          Row a = rnd(), b = rnd();
          int expect = cmp_component(a.text, b.text, d1, n1);
          if (expect == 0) expect = cmp_component(a.num, b.num, d2, n2);
          std::string ea = encode(a), eb = encode(b);
          QCOMPARE(CompareBytes(ea, eb), expect);
          // Decode back.
          KeyDecoder dec(ea);
          auto null1 = dec.ReadNullMarker();
          QVERIFY(null1.ok());
          QCOMPARE(*null1, !a.text.has_value());
          if (a.text) QCOMPARE(*dec.ReadBytes(d1), *a.text);
          auto null2 = dec.ReadNullMarker();
          QVERIFY(null2.ok());
          QCOMPARE(*null2, !a.num.has_value());
          if (a.num) QCOMPARE(*dec.ReadInt64(d2), *a.num);
          QVERIFY(dec.done());
        }
      }
    }
  }

  void prefixesAndSuccessor() {
    std::string p = KeyPrefix(Keyspace::kTable, 0x01020304);
    QCOMPARE(p, std::string("\x10\x01\x02\x03\x04", 5));
    QCOMPARE(p.size(), kKeyPrefixSize);
    const std::string with_rest = p + "rest";
    KeyDecoder dec(with_rest);
    auto id = dec.ReadKeyPrefix(Keyspace::kTable);
    QVERIFY(id.ok());
    QCOMPARE(*id, 0x01020304u);
    QCOMPARE(dec.rest(), std::string_view("rest"));
    KeyDecoder wrong(p);
    auto bad = wrong.ReadKeyPrefix(Keyspace::kIndex);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.status().sqlstate(), std::string_view("XX001"));
    QCOMPARE(wrong.position(), size_t{0});

    QCOMPARE(PrefixSuccessor(std::string("ab", 2)), std::string("ac"));
    QCOMPARE(PrefixSuccessor(std::string("a\xff\xff", 3)), std::string("b"));
    QCOMPARE(PrefixSuccessor(std::string("\xff\xff", 2)), std::string());
    QCOMPARE(PrefixSuccessor(""), std::string());
    // Every key under the prefix sorts below the successor; the next table's
    // prefix is not below it.
    std::string end = PrefixSuccessor(p);
    QVERIFY(p + std::string(10, '\xff') < end);
    QVERIFY(KeyPrefix(Keyspace::kTable, 0x01020305) >= end);
  }

  // Splitting a range of integer keys lands in the middle of its values;
  // keys with nothing between them give none.
  void keyBetweenSplitsARange() {
    std::string prefix = KeyPrefix(Keyspace::kTable, 16384);
    auto key = [&](int64_t v) {
      std::string k = prefix;
      AppendInt64(&k, v);
      return k;
    };
    std::optional<std::string> mid = KeyBetween(key(5000), key(105000));
    QVERIFY(mid.has_value());
    QVERIFY(key(54999) < *mid && *mid < key(55001));
    mid = KeyBetween(key(7), PrefixSuccessor(prefix));
    QVERIFY(mid.has_value() && key(7) < *mid && *mid < PrefixSuccessor(prefix));
    QVERIFY(KeyBetween(std::string("\x01\x80", 2), std::string("\x01\x81", 2)).has_value());
    QVERIFY(!KeyBetween("ab", "ab").has_value());
    QVERIFY(!KeyBetween("b", "a").has_value());
    // "a" and "a\0" have no key between them.
    QVERIFY(!KeyBetween("a", std::string("a\0", 2)).has_value());
  }

  // A decoder made from a temporary string keeps its own copy.
  void decoderOwnsTemporaries() {
    std::string key;
    AppendInt64(&key, -7);
    AppendBytes(&key, "tail");
    KeyDecoder dec(key.substr(0));  // a temporary, as in `d(s.substr(0, 8))`
    key.assign(key.size(), 'x');
    QCOMPARE(*dec.ReadInt64(), int64_t{-7});
    QCOMPARE(*dec.ReadBytes(), std::string("tail"));
    QVERIFY(dec.done());
  }

  // Malformed keys give XX001 and never read past the end.
  void corruptKeysReportErrors() {
    KeyDecoder empty("");
    QCOMPARE(empty.ReadInt64().status().sqlstate(), std::string_view("XX001"));
    QCOMPARE(empty.ReadNullMarker().status().sqlstate(), std::string_view("XX001"));
    QCOMPARE(empty.ReadBool().status().sqlstate(), std::string_view("XX001"));
    KeyDecoder unterminated(std::string_view("ab\0", 3));
    QCOMPARE(unterminated.ReadBytes().status().sqlstate(), std::string_view("XX001"));
    KeyDecoder bad_escape(std::string_view("a\0\x07", 3));
    QCOMPARE(bad_escape.SkipBytes().sqlstate(), std::string_view("XX001"));
    KeyDecoder bad_marker("\x09");
    QCOMPARE(bad_marker.ReadNullMarker().status().sqlstate(), std::string_view("XX001"));
    // Random garbage: every read either succeeds or fails cleanly.
    std::mt19937_64 rng(5);
    for (int i = 0; i < 20000; ++i) {
      std::string junk = RandomBytes(rng) + RandomBytes(rng);
      KeyDecoder dec(junk);
      while (!dec.done()) {
        size_t before = dec.position();
        bool ok = false;
        switch (rng() % 5) {
          case 0:
            ok = dec.ReadBytes(rng() % 2 ? Direction::kAscending : Direction::kDescending).ok();
            break;
          case 1:
            ok = dec.ReadInt64().ok();
            break;
          case 2:
            ok = dec.ReadNullMarker().ok();
            break;
          case 3:
            ok = dec.ReadDouble().ok();
            break;
          default:
            ok = dec.ReadBool().ok();
            break;
        }
        if (!ok) {
          QCOMPARE(dec.position(), before);
          break;
        }
      }
    }
  }
};

QTEST_GUILESS_MAIN(KeyEncodingTest)
#include "key_encoding_test.moc"

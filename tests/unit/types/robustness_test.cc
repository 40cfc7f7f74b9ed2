// No crash on any input: every type's text input and binary receive, and
// key decoding, are fed mutated and random data. Each call must return a
// value or a Status; successful text input must print and read back.
#include <random>

#include "test_support.h"

namespace db9::testing {

class RobustnessTest : public QObject {
  Q_OBJECT

 private slots:
  void GarbageInEveryType() {
    const char* seeds[] = {"", " ", "0", "-", "+", "1e", "1e999999", "-1e-999999", "NaN", "{",
                           "}", "{}", "{{", "{{1},{2,3}}", "[1:0]={}", "[0:1]={1}", "\"", "\\",
                           "\\x", "\\x1", "2024-", "2024-02-30", "24:00:01", "99999999-01-01",
                           "1 year 2", "P", "PT", "@", "ago", "1e308 years", "nan days",
                           "{\"a\":", "[[[[[[[[", "0000-00-00", "-infinity", "Infinity",
                           "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "4294967296",
                           "\xff\xfe", "10:00+99", "2024-01-01 10:00 Mars/Phobos", "1.2.3",
                           "{1,\"", "[999999999:1]={1}", "allballs", "epoch", "today"};
    std::mt19937 gen(12345);
    types::IoContext io;
    const char kAlphabet[] = "0123456789-+.:eE{}[]\",\\ xXtTnN/aAPpYMDHS@";
    for (const auto& entry : Reg().types.all()) {
      const types::TypeInfo& t = *entry;
      if (t.input == nullptr) continue;
      std::vector<std::string> inputs(std::begin(seeds), std::end(seeds));
      for (int i = 0; i < 300; ++i) {
        std::string s = inputs[gen() % inputs.size()];
        int edits = 1 + gen() % 4;
        for (int e = 0; e < edits; ++e) {
          size_t pos = s.empty() ? 0 : gen() % (s.size() + 1);
          s.insert(pos, 1, kAlphabet[gen() % (sizeof kAlphabet - 1)]);
        }
        inputs.push_back(s);
      }
      inputs.push_back(std::string(200, '['));
      inputs.push_back(std::string(10000, '[') + std::string(10000, ']'));
      for (const std::string& in : inputs) {
        Result<types::Value> v = t.input(t, in, -1, io);
        if (!v.ok()) {
          QVERIFY(!v.status().sqlstate().empty());
          continue;
        }
        Result<std::string> text = t.output(t, *v, io);
        QVERIFY2(text.ok(), (t.name + " '" + in + "'").c_str());
        Result<types::Value> again = t.input(t, *text, -1, io);
        QVERIFY2(again.ok(), (t.name + " '" + in + "' -> '" + *text + "'").c_str());
        if (t.send != nullptr && t.receive != nullptr) {
          Result<std::string> bytes = t.send(t, *v, io);
          QVERIFY(bytes.ok());
          QVERIFY2(t.receive(t, *bytes, -1, io).ok(), (t.name + " '" + in + "'").c_str());
        }
      }
      // Random bytes into receive and key decode.
      for (int i = 0; i < 300; ++i) {
        std::string bytes(gen() % 40, '\0');
        for (char& c : bytes) c = static_cast<char>(gen());
        if (t.receive != nullptr) (void)t.receive(t, bytes, -1, io);
        if (t.key_decode != nullptr) {
          keyenc::KeyDecoder dec(bytes);
          (void)t.key_decode(t, dec, keyenc::Direction::kAscending);
        }
      }
    }
  }
};

}  // namespace db9::testing

QTEST_APPLESS_MAIN(db9::testing::RobustnessTest)
#include "robustness_test.moc"

// The wire codec on its own: messages built and decoded again, framing of
// truncated and oversized input, and the builder's sticky error.
#include <QTest>

#include <deque>

#include "daemon/net/pgproto/backend_messages.h"
#include "daemon/net/pgproto/frontend_messages.h"
#include "daemon/net/pgproto/message_builder.h"
#include "daemon/net/pgproto/message_reader.h"
#include "daemon/net/pgproto/protocol.h"
#include "shared/base/sqlstate.h"

using namespace db9;
using namespace db9::pgproto;

namespace {

std::string Bytes(std::initializer_list<int> bytes) {
  std::string s;
  for (int b : bytes) s.push_back(static_cast<char>(b));
  return s;
}

// The one complete typed frame in `bytes`. Frames are views: the bytes are
// kept for the whole test run.
Frame OnlyFrame(std::string bytes) {
  static std::deque<std::string> kept;
  const std::string& wire = kept.emplace_back(std::move(bytes));
  auto frame = NextTypedFrame(wire);
  if (!frame.ok() || !frame->has_value()) qFatal("no complete frame");
  if ((*frame)->wire_size != wire.size()) qFatal("frame does not span the input");
  return **frame;
}

}  // namespace

class PgprotoTest : public QObject {
  Q_OBJECT
 private slots:
  void builderWritesBigEndianWithLength() {
    MessageBuilder b;
    b.Begin('Z');
    b.PutByte('I');
    b.End();
    QCOMPARE(std::string(b.finished()), Bytes({'Z', 0, 0, 0, 5, 'I'}));
    b.Begin('X');
    b.PutInt16(-2);
    b.PutInt32(0x01020304);
    b.End();
    QCOMPARE(std::string(b.finished().substr(6)),
             Bytes({'X', 0, 0, 0, 10, 0xff, 0xfe, 1, 2, 3, 4}));
    QVERIFY(b.ok());
  }

  void builderErrorIsSticky() {
    MessageBuilder b;
    b.PutInt32(1);  // outside a message
    QVERIFY(!b.ok());
    QCOMPARE(b.status().sqlstate(), std::string_view(sqlstate::kProtocolViolation));
    std::string first(b.status().message());
    b.Begin('Q');
    b.PutCString("select 1");
    b.End();
    QVERIFY(b.finished().empty());  // everything after the error is ignored
    QCOMPARE(std::string(b.status().message()), first);

    MessageBuilder nul;
    nul.Begin('Q');
    nul.PutCString(std::string_view("a\0b", 3));
    nul.End();
    QVERIFY(!nul.ok());

    MessageBuilder small(16);
    small.Begin('d');
    small.PutBytes(std::string(32, 'x'));
    small.End();
    QVERIFY(!small.ok());
    QVERIFY(small.finished().empty());

    MessageBuilder nested;
    nested.Begin('a');
    nested.Begin('b');
    QVERIFY(!nested.ok());
  }

  void abandonDropsOnlyTheOpenMessage() {
    MessageBuilder b;
    WriteReadyForQuery(b, 'I');
    b.Begin('D');
    b.PutInt16(3);
    b.Abandon();
    QVERIFY(b.ok());
    QCOMPARE(std::string(b.finished()), Bytes({'Z', 0, 0, 0, 5, 'I'}));
    QCOMPARE(b.size(), size_t{6});
  }

  void consumeKeepsTheRest() {
    MessageBuilder b;
    WriteReadyForQuery(b, 'T');
    WriteEmptyMessage(b, backend::kParseComplete);
    b.Consume(6);
    QCOMPARE(std::string(b.finished()), Bytes({'1', 0, 0, 0, 4}));
  }

  void parseRoundTrip() {
    MessageBuilder b;
    b.Begin(frontend::kParse);
    b.PutCString("s1");
    b.PutCString("select $1::int + $2");
    b.PutInt16(2);
    b.PutInt32(23);
    b.PutInt32(0);
    b.End();
    Frame f = OnlyFrame(std::string(b.finished()));
    QCOMPARE(f.type, 'P');
    auto m = DecodeParse(f.payload);
    QVERIFY(m.ok());
    QCOMPARE(std::string(m->statement), std::string("s1"));
    QCOMPARE(std::string(m->query), std::string("select $1::int + $2"));
    QCOMPARE(m->parameter_types, (std::vector<uint32_t>{23, 0}));
  }

  void bindRoundTripWithNullAndBinary() {
    MessageBuilder b;
    b.Begin(frontend::kBind);
    b.PutCString("p");
    b.PutCString("s1");
    b.PutInt16(2);
    b.PutInt16(0);
    b.PutInt16(1);
    b.PutInt16(2);
    b.PutCounted(std::string_view("42"));
    b.PutCounted(std::nullopt);
    b.PutInt16(1);
    b.PutInt16(1);
    b.End();
    auto m = DecodeBind(OnlyFrame(std::string(b.finished())).payload);
    QVERIFY2(m.ok(), m.status().ToString().c_str());
    QCOMPARE(std::string(m->portal), std::string("p"));
    QCOMPARE(m->parameter_formats, (std::vector<int16_t>{0, 1}));
    QCOMPARE(m->parameters.size(), size_t{2});
    QCOMPARE(std::string(*m->parameters[0]), std::string("42"));
    QVERIFY(!m->parameters[1].has_value());
    QCOMPARE(m->result_formats, (std::vector<int16_t>{1}));
  }

  void bindRejectsBadFormatsAndCounts() {
    auto bind = [](int16_t nformats, int16_t format, int16_t nparams) {
      MessageBuilder b;
      b.Begin(frontend::kBind);
      b.PutCString("");
      b.PutCString("");
      b.PutInt16(nformats);
      for (int i = 0; i < nformats; ++i) b.PutInt16(format);
      b.PutInt16(nparams);
      for (int i = 0; i < nparams; ++i) b.PutCounted(std::string_view("1"));
      b.PutInt16(0);
      b.End();
      return DecodeBind(OnlyFrame(std::string(b.finished())).payload);
    };
    QVERIFY(bind(1, 0, 3).ok());
    QVERIFY(!bind(2, 0, 3).ok());  // two formats for three parameters
    QVERIFY(!bind(1, 7, 1).ok());  // no such format
    // A value length running past the message end.
    MessageBuilder b;
    b.Begin(frontend::kBind);
    b.PutCString("");
    b.PutCString("");
    b.PutInt16(0);
    b.PutInt16(1);
    b.PutInt32(1000);
    b.PutBytes("abc");
    b.End();
    auto m = DecodeBind(OnlyFrame(std::string(b.finished())).payload);
    QVERIFY(!m.ok());
    QCOMPARE(m.status().sqlstate(), std::string_view("08P01"));
  }

  void describeExecuteClose() {
    MessageBuilder b;
    b.Begin(frontend::kDescribe);
    b.PutByte('P');
    b.PutCString("portal");
    b.End();
    auto d = DecodeTarget(OnlyFrame(std::string(b.finished())).payload, 'D');
    QVERIFY(d.ok());
    QCOMPARE(d->kind, 'P');
    QCOMPARE(std::string(d->name), std::string("portal"));
    QVERIFY(!DecodeTarget(Bytes({'X', 'a', 0}), 'D').ok());
    QVERIFY(!DecodeTarget(Bytes({'S', 'a'}), 'C').ok());  // unterminated

    MessageBuilder e;
    e.Begin(frontend::kExecute);
    e.PutCString("");
    e.PutInt32(10);
    e.End();
    auto x = DecodeExecute(OnlyFrame(std::string(e.finished())).payload);
    QVERIFY(x.ok());
    QCOMPARE(x->max_rows, 10);
    QVERIFY(!DecodeExecute(Bytes({0, 0, 0})).ok());               // truncated
    QVERIFY(!DecodeExecute(Bytes({0, 0, 0, 0, 1, 9})).ok());      // trailing bytes
  }

  void startupPacketKinds() {
    MessageBuilder b;
    b.Begin(0);
    b.PutInt32(kProtocolVersion3);
    b.PutCString("user");
    b.PutCString("x.admin");
    b.PutCString("database");
    b.PutCString("postgres");
    b.PutByte(0);
    b.End();
    std::string wire(b.finished());
    auto frame = NextStartupFrame(wire);
    QVERIFY(frame.ok() && frame->has_value());
    auto packet = DecodeStartupPacket((*frame)->payload);
    QVERIFY(packet.ok());
    QCOMPARE(packet->kind, StartupPacket::Kind::kStartup);
    QCOMPARE(packet->parameters.size(), size_t{2});
    QCOMPARE(std::string(packet->parameters[0].second), std::string("x.admin"));

    auto ssl = DecodeStartupPacket(Bytes({0x04, 0xd2, 0x16, 0x2f}));
    QVERIFY(ssl.ok());
    QCOMPARE(ssl->kind, StartupPacket::Kind::kSslRequest);
    auto gss = DecodeStartupPacket(Bytes({0x04, 0xd2, 0x16, 0x30}));
    QCOMPARE(gss->kind, StartupPacket::Kind::kGssEncRequest);
    auto cancel = DecodeStartupPacket(Bytes({0x04, 0xd2, 0x16, 0x2e, 0, 0, 0, 7, 0, 0, 0, 9}));
    QVERIFY(cancel.ok());
    QCOMPARE(cancel->kind, StartupPacket::Kind::kCancel);
    QCOMPARE(cancel->cancel_process_id, 7);
    QCOMPARE(cancel->cancel_secret_key, 9);
    // Protocol 2.0: decoded, the version is left for the caller to refuse.
    auto v2 = DecodeStartupPacket(Bytes({0, 2, 0, 0}));
    QVERIFY(v2.ok());
    QCOMPARE(ProtocolMajor(v2->version), 2);
    // Missing final terminator, odd parameter list, empty name.
    QVERIFY(!DecodeStartupPacket(Bytes({0, 3, 0, 0, 'u', 0, 'x', 0})).ok());
    QVERIFY(!DecodeStartupPacket(Bytes({0, 3, 0, 0, 'u', 0, 0})).ok());
    QVERIFY(!DecodeStartupPacket(Bytes({0, 3, 0, 0, 0, 'x', 0, 0})).ok());
  }

  void truncatedInputWaitsForMore() {
    MessageBuilder b;
    b.Begin(frontend::kQuery);
    b.PutCString("select 1");
    b.End();
    std::string wire(b.finished());
    for (size_t n = 0; n < wire.size(); ++n) {
      auto frame = NextTypedFrame(std::string_view(wire).substr(0, n));
      QVERIFY(frame.ok());
      QVERIFY(!frame->has_value());
    }
    QVERIFY(NextTypedFrame(wire)->has_value());
    QVERIFY(!NextStartupFrame(Bytes({0, 0, 0}))->has_value());
  }

  void badLengthsRejected() {
    auto tiny = NextTypedFrame(Bytes({'Q', 0, 0, 0, 3}));
    QVERIFY(!tiny.ok());
    QCOMPARE(tiny.status().sqlstate(), std::string_view("08P01"));
    // Oversized is refused from the header alone, before any payload arrives.
    auto huge = NextTypedFrame(Bytes({'d', 0x7f, 0xff, 0xff, 0xff}));
    QVERIFY(!huge.ok());
    auto over_limit = NextTypedFrame(Bytes({'Q', 0, 0, 1, 0}), 200);
    QVERIFY(!over_limit.ok());
    QVERIFY(!NextStartupFrame(Bytes({0, 0, 0, 4})).ok());
    QVERIFY(!NextStartupFrame(Bytes({0, 1, 0, 0})).ok());  // 65536 > 10000
  }

  void errorResponseFields() {
    MessageBuilder b;
    WriteErrorOrNotice(b, Status::Error("42601", "syntax error at or near \"x\"")
                              .WithDetail("d")
                              .WithHint("h")
                              .WithPosition(8));
    Frame f = OnlyFrame(std::string(b.finished()));
    QCOMPARE(f.type, 'E');
    std::string expected;
    for (auto [code, value] : std::initializer_list<std::pair<char, std::string>>{
             {'S', "ERROR"}, {'V', "ERROR"}, {'C', "42601"}, {'M', "syntax error at or near \"x\""},
             {'D', "d"}, {'H', "h"}, {'P', "8"}}) {
      expected += code;
      expected += value;
      expected += '\0';
    }
    expected += '\0';
    QCOMPARE(std::string(f.payload), expected);

    MessageBuilder n;
    WriteErrorOrNotice(n, Status::Notice(std::string("with\0nul", 8)));
    Frame nf = OnlyFrame(std::string(n.finished()));
    QCOMPARE(nf.type, 'N');
    QVERIFY(n.ok());  // the NUL is cut, not fatal
  }

  void rowDescriptionLayout() {
    MessageBuilder b;
    WriteRowDescription(b, {FieldDescription{"id", 16384, 1, 23, 4, -1, 0}});
    Frame f = OnlyFrame(std::string(b.finished()));
    PayloadReader r(f.payload, 'T');
    QCOMPARE(r.ReadInt16(), int16_t{1});
    QCOMPARE(std::string(r.ReadCString()), std::string("id"));
    QCOMPARE(r.ReadInt32(), 16384);
    QCOMPARE(r.ReadInt16(), int16_t{1});
    QCOMPARE(r.ReadInt32(), 23);
    QCOMPARE(r.ReadInt16(), int16_t{4});
    QCOMPARE(r.ReadInt32(), -1);
    QCOMPARE(r.ReadInt16(), int16_t{0});
    r.ExpectEnd();
    QVERIFY(r.ok());
  }

  void readerIsStickyAndBounded() {
    // Readers hold views: keep the bytes in variables.
    const std::string short_input = Bytes({0, 1});
    const std::string bad_length = Bytes({0xff, 0xff, 0xff, 0xfe});
    const std::string null_length = Bytes({0xff, 0xff, 0xff, 0xff});
    PayloadReader r(short_input, 'x');
    QCOMPARE(r.ReadInt32(), 0);
    QVERIFY(!r.ok());
    QCOMPARE(r.ReadInt16(), int16_t{0});  // still failed, reads nothing
    PayloadReader counted(bad_length, 'x');
    (void)counted.ReadCounted();          // length -2
    QVERIFY(!counted.ok());
    PayloadReader null_value(null_length, 'x');
    QVERIFY(!null_value.ReadCounted().has_value());
    QVERIFY(null_value.ok());
  }
};

QTEST_GUILESS_MAIN(PgprotoTest)
#include "pgproto_test.moc"

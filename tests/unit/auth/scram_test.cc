// SCRAM-SHA-256: RFC 7677's worked example, a verifier made by PostgreSQL 15,
// and rejection of wrong proofs and malformed messages.
#include <QTest>

#include "daemon/auth/scram.h"
#include "daemon/auth/scram_crypto.h"

using namespace db9::auth;

namespace {

// RFC 7677 section 3: user "user", password "pencil".
constexpr char kRfcSaltB64[] = "W22ZaJ0SNY7soEsUEjb6gQ==";
constexpr char kRfcClientFirst[] = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
constexpr char kRfcServerNonce[] = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
constexpr char kRfcServerFirst[] =
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
constexpr char kRfcClientFinal[] =
    "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
    "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
constexpr char kRfcServerFinal[] = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

// Made by PostgreSQL 15 (password_encryption = scram-sha-256):
//   CREATE ROLE alice LOGIN PASSWORD 'correct horse battery staple';
//   SELECT rolpassword FROM pg_authid WHERE rolname = 'alice';
constexpr char kPgPassword[] = "correct horse battery staple";
constexpr char kPgVerifier[] =
    "SCRAM-SHA-256$4096:zw19Ld2HPnWucrnRulJiIQ==$vfyiIuoHtwepu9MsJqdKs7KJqjUTKsRUjEQBkh/6N+A=:"
    "XP/iKa0RXo57SCY0SN03sGMlnJk11NDz4lT5jBpYwsU=";

std::string RfcVerifier() {
  return MakeScramVerifierWithSalt("pencil", *Base64Decode(kRfcSaltB64), 4096);
}

// The client half of the exchange, as libpq computes it.
std::string ClientFinal(std::string_view password, std::string_view client_first_bare,
                        std::string_view server_first, std::string_view gs2_b64 = "biws") {
  std::string_view rest = server_first;
  std::string nonce(rest.substr(2, rest.find(',') - 2));
  size_t s = rest.find(",s=") + 3;
  size_t i = rest.find(",i=");
  std::string salt = *Base64Decode(rest.substr(s, i - s));
  int iterations = std::stoi(std::string(rest.substr(i + 3)));
  std::string salted = Pbkdf2Sha256(password, salt, iterations);
  std::string client_key = HmacSha256(salted, "Client Key");
  std::string without_proof = "c=" + std::string(gs2_b64) + ",r=" + nonce;
  std::string auth_message = std::string(client_first_bare) + "," + std::string(server_first) +
                             "," + without_proof;
  std::string proof = XorBytes(client_key, HmacSha256(Sha256(client_key), auth_message));
  return without_proof + ",p=" + Base64Encode(proof);
}

}  // namespace

class ScramTest : public QObject {
  Q_OBJECT
 private slots:
  void base64RoundTripAndRejects() {
    QCOMPARE(Base64Encode("pencil"), std::string("cGVuY2ls"));
    QCOMPARE(*Base64Decode("cGVuY2ls"), std::string("pencil"));
    QCOMPARE(*Base64Decode("YQ=="), std::string("a"));
    QCOMPARE(*Base64Decode(""), std::string());
    QVERIFY(!Base64Decode("YQ="));     // bad length
    QVERIFY(!Base64Decode("Y!==").has_value());
    QVERIFY(!Base64Decode("YR=="));    // non-canonical padding bits
    QVERIFY(!Base64Decode("=YQ=").has_value());
  }

  void rfc7677Verifier() {
    // StoredKey and ServerKey follow from the RFC's salt and password; the
    // full exchange below checks them against the RFC's proof and signature.
    std::string v = RfcVerifier();
    QVERIFY(v.rfind("SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$", 0) == 0);
  }

  void rfc7677Exchange() {
    auto server = ScramServer::CreateWithNonce(RfcVerifier(), kRfcServerNonce);
    QVERIFY(server.ok());
    auto first = (*server)->HandleClientFirst(kRfcClientFirst);
    QVERIFY2(first.ok(), first.status().ToString().c_str());
    QCOMPARE(*first, std::string(kRfcServerFirst));
    auto final_message = (*server)->HandleClientFinal(kRfcClientFinal);
    QVERIFY2(final_message.ok(), final_message.status().ToString().c_str());
    QCOMPARE(*final_message, std::string(kRfcServerFinal));
  }

  void postgresVerifierAccepted() {
    auto server = ScramServer::Create(kPgVerifier);
    QVERIFY(server.ok());
    std::string bare = "n=,r=fyko+d2lbbFgONRv9qkxdawL";
    auto first = (*server)->HandleClientFirst("n,," + bare);
    QVERIFY(first.ok());
    auto final_message = (*server)->HandleClientFinal(ClientFinal(kPgPassword, bare, *first));
    QVERIFY2(final_message.ok(), final_message.status().ToString().c_str());
    QVERIFY(final_message->rfind("v=", 0) == 0);
  }

  void ourVerifierMatchesPostgresForSameSalt() {
    std::string salt = *Base64Decode("zw19Ld2HPnWucrnRulJiIQ==");
    QCOMPARE(MakeScramVerifierWithSalt(kPgPassword, salt, 4096), std::string(kPgVerifier));
  }

  void wrongPasswordIs28P01() {
    auto server = ScramServer::Create(MakeScramVerifier("right"));
    QVERIFY(server.ok());
    std::string bare = "n=,r=abcdefgh";
    auto first = (*server)->HandleClientFirst("n,," + bare);
    QVERIFY(first.ok());
    auto final_message = (*server)->HandleClientFinal(ClientFinal("wrong", bare, *first));
    QVERIFY(!final_message.ok());
    QCOMPARE(final_message.status().sqlstate(), std::string_view("28P01"));
  }

  void clientSupportingChannelBindingAccepted() {
    // "y,,": the client could bind but believes we cannot (no SSL): allowed.
    auto server = ScramServer::Create(MakeScramVerifier("pw"));
    std::string bare = "n=,r=nonce1";
    auto first = (*server)->HandleClientFirst("y,," + bare);
    QVERIFY(first.ok());
    auto final_message = (*server)->HandleClientFinal(ClientFinal("pw", bare, *first, "eSws"));
    QVERIFY2(final_message.ok(), final_message.status().ToString().c_str());
  }

  void malformedMessagesRejected() {
    const char* firsts[] = {"", "x,,n=,r=a", "p=tls-server-end-point,,n=,r=a", "n,a=bob,n=,r=a",
                            "n,,", "n,,n=", "n,,n=,r=", "n,,n=,q=abc", "n", "n,,m=ext,n=,r=a"};
    for (const char* message : firsts) {
      auto server = ScramServer::Create(MakeScramVerifier("pw"));
      auto first = (*server)->HandleClientFirst(message);
      QVERIFY2(!first.ok(), message);
    }
    auto server = ScramServer::Create(MakeScramVerifier("pw"));
    auto first = (*server)->HandleClientFirst("n,,n=,r=abc");
    QVERIFY(first.ok());
    std::string nonce = first->substr(2, first->find(',') - 2);
    const std::string finals[] = {"",
                                  "c=biws",
                                  "c=biws,r=" + nonce,
                                  "c=eSws,r=" + nonce + ",p=AAAA",
                                  "c=biws,r=wrong,p=" + Base64Encode(std::string(32, 'x')),
                                  "c=biws,r=" + nonce + ",p=notbase64!"};
    for (const std::string& message : finals) {
      auto again = ScramServer::Create(MakeScramVerifier("pw"));
      QVERIFY((*again)->HandleClientFirst("n,,n=,r=abc").ok());
      QVERIFY2(!(*again)->HandleClientFinal(message).ok(), message.c_str());
    }
    // Out of order.
    auto fresh = ScramServer::Create(MakeScramVerifier("pw"));
    QVERIFY(!(*fresh)->HandleClientFinal("c=biws,r=x,p=AAAA").ok());
  }

  void badVerifiersRejected() {
    const char* verifiers[] = {"", "md5abc", "SCRAM-SHA-256$", "SCRAM-SHA-256$x:AAAA$AAAA:AAAA",
                               "SCRAM-SHA-256$4096:zw19Ld2HPnWucrnRulJiIQ==$AAAA:AAAA"};
    for (const char* v : verifiers) QVERIFY2(!ScramServer::Create(v).ok(), v);
  }
};

QTEST_GUILESS_MAIN(ScramTest)
#include "scram_test.moc"

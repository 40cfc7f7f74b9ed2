// SCRAM-SHA-256 server side, following RFC 5802/7677 and PostgreSQL's
// auth-scram.c behaviour: the user name in the SCRAM message is ignored (the
// startup packet's user counts), channel binding is never offered ("y" and "n"
// accepted, "p" refused), and authorization identities are not supported.
//
// SASLprep: PostgreSQL normalises non-ASCII passwords with NFKC before hashing;
// we use them byte for byte, which is identical for ASCII passwords (the only
// kind db9 generates) and for any password NFKC leaves unchanged.
#include "daemon/auth/scram.h"

#include <charconv>

#include "daemon/auth/scram_crypto.h"
#include "shared/base/sqlstate.h"

namespace db9::auth {

namespace {

constexpr size_t kSaltLength = 16;       // PostgreSQL's SCRAM_DEFAULT_SALT_LEN
constexpr size_t kRawNonceLength = 18;   // PostgreSQL's SCRAM_RAW_NONCE_LEN
constexpr std::string_view kPrefix = "SCRAM-SHA-256$";

Status Malformed(std::string detail) {
  return Status::Error(sqlstate::kProtocolViolation, "malformed SCRAM message")
      .WithDetail(std::move(detail));
}

struct Verifier {
  int iterations = 0;
  std::string salt;  // raw
  std::string stored_key;
  std::string server_key;
};

Result<Verifier> ParseVerifier(std::string_view text) {
  Status bad = Status::Error(sqlstate::kInvalidPassword,
                             "stored password is not a valid SCRAM-SHA-256 verifier");
  if (text.substr(0, kPrefix.size()) != kPrefix) return bad;
  text.remove_prefix(kPrefix.size());
  size_t colon = text.find(':');
  size_t dollar = text.find('$');
  size_t colon2 = dollar == std::string_view::npos ? dollar : text.find(':', dollar);
  if (colon == std::string_view::npos || dollar == std::string_view::npos || colon > dollar ||
      colon2 == std::string_view::npos) {
    return bad;
  }
  Verifier v;
  std::string_view iterations = text.substr(0, colon);
  auto [end, ec] = std::from_chars(iterations.data(), iterations.data() + iterations.size(),
                                   v.iterations);
  if (ec != std::errc() || end != iterations.data() + iterations.size() || v.iterations <= 0) {
    return bad;
  }
  auto salt = Base64Decode(text.substr(colon + 1, dollar - colon - 1));
  auto stored = Base64Decode(text.substr(dollar + 1, colon2 - dollar - 1));
  auto server = Base64Decode(text.substr(colon2 + 1));
  if (!salt || salt->empty() || !stored || stored->size() != kScramKeyLength || !server ||
      server->size() != kScramKeyLength) {
    return bad;
  }
  v.salt = std::move(*salt);
  v.stored_key = std::move(*stored);
  v.server_key = std::move(*server);
  return v;
}

// Splits "k=value" off the front of `message` (up to the next ','); checks
// the attribute letter.
Result<std::string_view> TakeAttribute(std::string_view& message, char attribute) {
  if (message.size() < 2 || message[0] != attribute || message[1] != '=') {
    return Malformed(std::string("Expected attribute \"") + attribute + "\".");
  }
  size_t comma = message.find(',');
  std::string_view value = message.substr(2, comma == std::string_view::npos ? comma : comma - 2);
  message.remove_prefix(comma == std::string_view::npos ? message.size() : comma + 1);
  return value;
}

bool IsPrintableNonce(std::string_view nonce) {
  if (nonce.empty()) return false;
  for (char c : nonce) {
    if (c < 0x21 || c > 0x7e || c == ',') return false;
  }
  return true;
}

class ScramServerImpl : public ScramServer {
 public:
  ScramServerImpl(Verifier verifier, std::string server_nonce)
      : verifier_(std::move(verifier)), server_nonce_(std::move(server_nonce)) {}

  Result<std::string> HandleClientFirst(std::string_view message) override {
    if (state_ != State::kStart) return Malformed("Unexpected client-first-message.");
    state_ = State::kFailed;
    // gs2-header: cbind-flag "," [authzid] ","
    if (message.empty()) return Malformed("Empty client-first-message.");
    char flag = message[0];
    if (flag == 'p') {
      return Malformed("The client selected SCRAM-SHA-256 without channel binding, but the "
                       "SCRAM message includes channel binding data.");
    }
    if ((flag != 'n' && flag != 'y') || message.size() < 2 || message[1] != ',') {
      return Malformed("Unexpected channel-binding flag.");
    }
    std::string_view rest = message.substr(2);
    if (!rest.empty() && rest[0] == 'a') {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "client uses authorization identity, but it is not supported");
    }
    if (rest.empty() || rest[0] != ',') return Malformed("Unexpected attribute in gs2 header.");
    gs2_header_ = std::string(message.substr(0, 3));
    rest.remove_prefix(1);
    client_first_bare_ = std::string(rest);
    if (!rest.empty() && rest[0] == 'm') {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "client requires an unsupported SCRAM extension");
    }
    DB9_ASSIGN_OR_RETURN(std::string_view user, TakeAttribute(rest, 'n'));
    (void)user;  // PostgreSQL ignores it: the startup packet named the user.
    DB9_ASSIGN_OR_RETURN(std::string_view client_nonce, TakeAttribute(rest, 'r'));
    if (!IsPrintableNonce(client_nonce)) return Malformed("Invalid client nonce.");
    nonce_ = std::string(client_nonce) + server_nonce_;
    server_first_ = "r=" + nonce_ + ",s=" + Base64Encode(verifier_.salt) +
                    ",i=" + std::to_string(verifier_.iterations);
    state_ = State::kSentFirst;
    return server_first_;
  }

  Result<std::string> HandleClientFinal(std::string_view message) override {
    if (state_ != State::kSentFirst) return Malformed("Unexpected client-final-message.");
    state_ = State::kFailed;
    std::string_view rest = message;
    DB9_ASSIGN_OR_RETURN(std::string_view binding, TakeAttribute(rest, 'c'));
    auto decoded = Base64Decode(binding);
    if (!decoded || *decoded != gs2_header_) {
      return Malformed("SCRAM channel binding check failed.");
    }
    DB9_ASSIGN_OR_RETURN(std::string_view nonce, TakeAttribute(rest, 'r'));
    if (nonce != nonce_) return Malformed("Nonce does not match.");
    // Optional extensions, then the proof, which must be last.
    size_t proof_at = message.rfind(",p=");
    if (proof_at == std::string_view::npos || proof_at < message.size() - rest.size() - 1) {
      return Malformed("Could not find proof in client-final-message.");
    }
    std::string_view without_proof = message.substr(0, proof_at);
    auto proof = Base64Decode(message.substr(proof_at + 3));
    if (!proof || proof->size() != kScramKeyLength) {
      return Malformed("Malformed proof in client-final-message.");
    }

    std::string auth_message = client_first_bare_ + "," + server_first_ + "," +
                               std::string(without_proof);
    std::string client_signature = HmacSha256(verifier_.stored_key, auth_message);
    std::string client_key = XorBytes(*proof, client_signature);
    if (!SecureEqual(Sha256(client_key), verifier_.stored_key)) {
      return Status::Error(sqlstate::kInvalidPassword, "password authentication failed");
    }
    state_ = State::kDone;
    return "v=" + Base64Encode(HmacSha256(verifier_.server_key, auth_message));
  }

 private:
  enum class State { kStart, kSentFirst, kDone, kFailed };
  State state_ = State::kStart;
  Verifier verifier_;
  std::string server_nonce_;
  std::string gs2_header_;
  std::string client_first_bare_;
  std::string server_first_;
  std::string nonce_;
};

}  // namespace

std::string MakeScramVerifierWithSalt(std::string_view password, std::string_view salt,
                                      int iterations) {
  std::string salted = Pbkdf2Sha256(password, salt, iterations);
  std::string client_key = HmacSha256(salted, "Client Key");
  std::string server_key = HmacSha256(salted, "Server Key");
  return std::string(kPrefix) + std::to_string(iterations) + ":" + Base64Encode(salt) + "$" +
         Base64Encode(Sha256(client_key)) + ":" + Base64Encode(server_key);
}

std::string MakeScramVerifier(std::string_view password, int iterations) {
  auto salt = RandomBytes(kSaltLength);
  if (!salt) return std::string();
  return MakeScramVerifierWithSalt(password, *salt, iterations);
}

Result<std::unique_ptr<ScramServer>> ScramServer::CreateWithNonce(std::string_view verifier,
                                                                  std::string server_nonce) {
  if (!IsPrintableNonce(server_nonce)) {
    return Status::Internal("SCRAM server nonce must be printable and contain no comma");
  }
  DB9_ASSIGN_OR_RETURN(Verifier parsed, ParseVerifier(verifier));
  return std::unique_ptr<ScramServer>(
      std::make_unique<ScramServerImpl>(std::move(parsed), std::move(server_nonce)));
}

Result<std::unique_ptr<ScramServer>> ScramServer::Create(std::string_view verifier) {
  auto raw = RandomBytes(kRawNonceLength);
  if (!raw) return Status::Internal("could not generate a random SCRAM nonce");
  return CreateWithNonce(verifier, Base64Encode(*raw));
}

}  // namespace db9::auth

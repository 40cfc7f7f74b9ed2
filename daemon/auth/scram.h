// SCRAM-SHA-256 (RFC 5802/7677) as PostgreSQL uses it: verifiers are stored,
// passwords are not needed to authenticate.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::auth {

// PostgreSQL's text form: "SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>"
// (base64 fields), the format of pg_authid.rolpassword.
// Empty only if the system's random generator fails.
// Passwords are used as given: ASCII ones are what SASLprep would make of
// them; non-ASCII ones are not NFKC-normalised (see scram.cc).
std::string MakeScramVerifier(std::string_view password, int iterations = 4096);
// With a chosen salt (raw bytes), for tests against known verifiers.
std::string MakeScramVerifierWithSalt(std::string_view password, std::string_view salt,
                                      int iterations);

// Server side of one SCRAM exchange.
class ScramServer {
 public:
  // REQUIRES: `verifier` was made by MakeScramVerifier.
  static Result<std::unique_ptr<ScramServer>> Create(std::string_view verifier);
  // With a fixed server nonce (printable, no ','), for tests against RFC 7677.
  static Result<std::unique_ptr<ScramServer>> CreateWithNonce(std::string_view verifier,
                                                              std::string server_nonce);
  virtual ~ScramServer() = default;
  // client-first-message -> server-first-message (08P01 if malformed).
  virtual Result<std::string> HandleClientFirst(std::string_view message) = 0;
  // client-final-message -> server-final-message; 28P01 if the proof is wrong.
  virtual Result<std::string> HandleClientFinal(std::string_view message) = 0;
};

}  // namespace db9::auth

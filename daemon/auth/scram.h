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
std::string MakeScramVerifier(std::string_view password, int iterations = 4096);

// Server side of one SCRAM exchange.
class ScramServer {
 public:
  // REQUIRES: `verifier` was made by MakeScramVerifier.
  static Result<std::unique_ptr<ScramServer>> Create(std::string_view verifier);
  virtual ~ScramServer() = default;
  // client-first-message -> server-first-message (08P01 if malformed).
  virtual Result<std::string> HandleClientFirst(std::string_view message) = 0;
  // client-final-message -> server-final-message; 28P01 if the proof is wrong.
  virtual Result<std::string> HandleClientFinal(std::string_view message) = 0;
};

}  // namespace db9::auth

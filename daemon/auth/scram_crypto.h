// The primitives SCRAM-SHA-256 is made of, on OpenSSL: SHA-256, HMAC,
// PBKDF2 (RFC 5802 "Hi"), base64 and random bytes. Byte strings are
// std::string. Shared by the server exchange and by test clients.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace db9::auth {

inline constexpr size_t kScramKeyLength = 32;  // SHA-256 output

std::string Sha256(std::string_view data);
std::string HmacSha256(std::string_view key, std::string_view data);
std::string Pbkdf2Sha256(std::string_view password, std::string_view salt, int iterations);
std::string XorBytes(std::string_view a, std::string_view b);  // REQUIRES: equal sizes

std::string Base64Encode(std::string_view data);
// nullopt when `text` is not canonical padded base64.
std::optional<std::string> Base64Decode(std::string_view text);

// Cryptographically strong random bytes (RAND_bytes); nullopt if the RNG fails.
std::optional<std::string> RandomBytes(size_t n);

// Constant-time comparison, so proof checks leak no timing.
bool SecureEqual(std::string_view a, std::string_view b);

}  // namespace db9::auth

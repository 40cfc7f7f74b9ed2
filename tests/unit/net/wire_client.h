// A blocking protocol client for the server tests: raw messages over a TCP
// socket, plus the SCRAM-SHA-256 client side of a login.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace db9::testing {

struct Message {
  char type = 0;
  std::string payload;
};

class WireClient {
 public:
  WireClient() = default;
  ~WireClient();
  WireClient(const WireClient&) = delete;
  WireClient& operator=(const WireClient&) = delete;

  bool Connect(uint16_t port);
  void Close();

  void SendRaw(const std::string& bytes);
  void Send(char type, const std::string& payload);
  void SendStartup(const std::vector<std::pair<std::string, std::string>>& parameters,
                   int32_t version = 3 << 16);
  // One message; nullopt on end of stream or after `timeout_ms`.
  std::optional<Message> Read(int timeout_ms = 5000);
  // A single byte outside any message (the answer to SSLRequest).
  std::optional<char> ReadByte(int timeout_ms = 5000);
  // Messages up to and including ReadyForQuery (or the stream's end).
  std::vector<Message> ReadUntilReady(int timeout_ms = 5000);
  // True once the server closed the connection.
  bool Closed(int timeout_ms = 5000);

  // Startup plus SCRAM; the messages after the last SASL step (up to
  // ReadyForQuery, or the FATAL error).
  std::vector<Message> Login(const std::string& user, const std::string& password,
                             const std::string& database = "postgres");

  // The BackendKeyData seen during Login.
  int32_t process_id = 0;
  int32_t secret_key = 0;

 private:
  bool Fill(size_t n, int timeout_ms);
  int fd_ = -1;
  std::string in_;
};

// Message payload helpers.
std::string CString(const std::string& s);
std::string Int16(int16_t v);
std::string Int32(int32_t v);
int32_t ReadInt32At(const std::string& s, size_t pos);
// Field `code` of an ErrorResponse/NoticeResponse payload ("" if absent).
std::string ErrorField(const Message& m, char code);
// "TDDC Z" style summary of message types, for compact assertions.
std::string Types(const std::vector<Message>& messages);

}  // namespace db9::testing

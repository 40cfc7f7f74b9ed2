// MessageBuilder: appends protocol messages to one output buffer. Errors are
// sticky: once a write fails (a message too long, a C string with a NUL in it,
// Put without Begin), every later write is ignored and status() says what went
// wrong first, so a caller writes many messages and checks once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/net/pgproto/protocol.h"
#include "shared/base/status.h"

namespace db9::pgproto {

class MessageBuilder {
 public:
  explicit MessageBuilder(uint32_t max_message_length = kMaxMessageLength)
      : max_message_length_(max_message_length) {}

  // Starts a message with a type byte; `type` 0 starts an untyped one (the
  // startup packet, which only clients send; tests use it).
  void Begin(char type);
  void PutByte(uint8_t value);
  void PutInt16(int16_t value);
  void PutInt32(int32_t value);
  // NUL-terminated string. REQUIRES: no NUL inside `value`.
  void PutCString(std::string_view value);
  void PutBytes(std::string_view value);
  // Int32 length then the bytes; nullopt writes length -1 (SQL NULL).
  void PutCounted(std::optional<std::string_view> value);
  // Fills in the length word of the open message.
  void End();
  // Drops the open message (a value failed to encode half way through it).
  void Abandon();

  // Bytes outside any message (the 'N' answering SSLRequest).
  void PutRaw(std::string_view bytes);

  const Status& status() const { return status_; }
  bool ok() const { return status_.ok(); }
  bool in_message() const { return message_start_ != kNone; }
  // Bytes of finished messages (an open message is not included).
  std::string_view finished() const { return std::string_view(buffer_).substr(0, finished_size_); }
  size_t size() const { return buffer_.size(); }
  // Drops `n` finished bytes from the front (after they were written out).
  void Consume(size_t n);
  // Frees the buffer's memory when it grew large (idle connections stay small).
  void ShrinkIfIdle(size_t keep_capacity);

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);
  bool Writable();
  void Fail(std::string message);

  uint32_t max_message_length_;
  std::string buffer_;
  size_t message_start_ = kNone;  // offset of the open message's length word
  size_t finished_size_ = 0;
  Status status_;
};

}  // namespace db9::pgproto

// Decoding of incoming bytes: cutting a byte stream into messages (frames)
// and reading the fields of one message's payload. Both reject bad input with
// 08P01 protocol_violation and never read past the bytes they were given.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/net/pgproto/protocol.h"
#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::pgproto {

struct Frame {
  char type = 0;             // 0 for an untyped (startup-phase) packet
  std::string_view payload;  // bytes after the length word
  size_t wire_size = 0;      // bytes the whole frame takes in the stream
};

// The first complete frame at the front of `buffer`; nullopt if more bytes
// are needed. An invalid or oversized length word is an error: the stream
// cannot be resynchronised after it, so the connection must end.
Result<std::optional<Frame>> NextTypedFrame(std::string_view buffer,
                                            uint32_t max_length = kMaxMessageLength);
// Startup-phase packets have no type byte (StartupMessage, SSLRequest,
// GSSENCRequest, CancelRequest).
Result<std::optional<Frame>> NextStartupFrame(std::string_view buffer);

// Reads fields from one payload. Errors are sticky like MessageBuilder's: a
// read past the end yields zero values, status() keeps the first failure.
class PayloadReader {
 public:
  PayloadReader(std::string_view payload, char message_type)
      : data_(payload), message_type_(message_type) {}

  uint8_t ReadByte();
  int16_t ReadInt16();
  int32_t ReadInt32();
  // Up to the next NUL (which is consumed).
  std::string_view ReadCString();
  std::string_view ReadBytes(size_t n);
  // Int32 length then bytes; length -1 gives nullopt (SQL NULL).
  std::optional<std::string_view> ReadCounted();
  // A count of following items (Int16 read as unsigned, 0..65535).
  int ReadCount16();
  // Fails unless every byte was consumed.
  void ExpectEnd();

  size_t remaining() const { return data_.size() - pos_; }
  const Status& status() const { return status_; }
  bool ok() const { return status_.ok(); }

 private:
  bool Need(size_t n);
  void Fail(std::string what);

  std::string_view data_;
  size_t pos_ = 0;
  char message_type_;
  Status status_;
};

// "invalid message format" style error for a malformed message.
Status ProtocolViolation(std::string message);

}  // namespace db9::pgproto

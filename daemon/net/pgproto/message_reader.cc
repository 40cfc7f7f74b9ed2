#include "daemon/net/pgproto/message_reader.h"

#include "shared/base/sqlstate.h"

namespace db9::pgproto {

namespace {
uint32_t BigEndian32(const char* p) {
  auto b = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | uint32_t{b[3]};
}

std::string Printable(char type) {
  auto c = static_cast<unsigned char>(type);
  if (c >= 32 && c < 127) return std::string(1, type);
  return "\\x" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
}
}  // namespace

Status ProtocolViolation(std::string message) {
  return Status::Error(sqlstate::kProtocolViolation, std::move(message));
}

Result<std::optional<Frame>> NextTypedFrame(std::string_view buffer, uint32_t max_length) {
  if (buffer.size() < 5) return std::optional<Frame>();
  uint32_t length = BigEndian32(buffer.data() + 1);
  if (length < 4) {
    return ProtocolViolation("invalid message length " + std::to_string(length) +
                             " in message of type \"" + Printable(buffer[0]) + "\"");
  }
  if (length > max_length) {
    return ProtocolViolation("message of type \"" + Printable(buffer[0]) + "\" is " +
                             std::to_string(length) + " bytes long; the limit is " +
                             std::to_string(max_length));
  }
  if (buffer.size() < size_t{length} + 1) return std::optional<Frame>();
  return std::optional<Frame>(Frame{buffer[0], buffer.substr(5, length - 4), size_t{length} + 1});
}

Result<std::optional<Frame>> NextStartupFrame(std::string_view buffer) {
  if (buffer.size() < 4) return std::optional<Frame>();
  uint32_t length = BigEndian32(buffer.data());
  // Four bytes of length plus at least the four-byte version or request code.
  if (length < 8 || length > kMaxStartupPacketLength) {
    return ProtocolViolation("invalid length of startup packet");
  }
  if (buffer.size() < length) return std::optional<Frame>();
  return std::optional<Frame>(Frame{0, buffer.substr(4, length - 4), size_t{length}});
}

void PayloadReader::Fail(std::string what) {
  if (!status_.ok()) return;
  std::string message = "invalid message format";
  if (message_type_ != 0) message += " (message type \"" + Printable(message_type_) + "\")";
  status_ = ProtocolViolation(message + ": " + what);
}

bool PayloadReader::Need(size_t n) {
  if (!status_.ok()) return false;
  if (remaining() < n) {
    Fail("message is shorter than its fields");
    return false;
  }
  return true;
}

uint8_t PayloadReader::ReadByte() {
  if (!Need(1)) return 0;
  return static_cast<uint8_t>(data_[pos_++]);
}

int16_t PayloadReader::ReadInt16() {
  if (!Need(2)) return 0;
  auto b = reinterpret_cast<const unsigned char*>(data_.data() + pos_);
  pos_ += 2;
  return static_cast<int16_t>((uint16_t{b[0]} << 8) | b[1]);
}

int32_t PayloadReader::ReadInt32() {
  if (!Need(4)) return 0;
  uint32_t v = BigEndian32(data_.data() + pos_);
  pos_ += 4;
  return static_cast<int32_t>(v);
}

std::string_view PayloadReader::ReadCString() {
  if (!status_.ok()) return {};
  size_t end = data_.find('\0', pos_);
  if (end == std::string_view::npos) {
    Fail("string is not terminated");
    return {};
  }
  std::string_view s = data_.substr(pos_, end - pos_);
  pos_ = end + 1;
  return s;
}

std::string_view PayloadReader::ReadBytes(size_t n) {
  if (!Need(n)) return {};
  std::string_view s = data_.substr(pos_, n);
  pos_ += n;
  return s;
}

std::optional<std::string_view> PayloadReader::ReadCounted() {
  int32_t length = ReadInt32();
  if (!status_.ok()) return std::string_view();
  if (length == -1) return std::nullopt;
  if (length < 0) {
    Fail("invalid value length " + std::to_string(length));
    return std::string_view();
  }
  return ReadBytes(static_cast<size_t>(length));
}

int PayloadReader::ReadCount16() {
  // Unsigned on the wire, as PostgreSQL reads it: up to 65535 items.
  return static_cast<uint16_t>(ReadInt16());
}

void PayloadReader::ExpectEnd() {
  if (status_.ok() && remaining() != 0) Fail("unexpected bytes at the end of the message");
}

}  // namespace db9::pgproto

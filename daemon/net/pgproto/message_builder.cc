#include "daemon/net/pgproto/message_builder.h"

#include <cstring>

#include "shared/base/sqlstate.h"

namespace db9::pgproto {

namespace {
void AppendBigEndian32(std::string& out, uint32_t v) {
  char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
               static_cast<char>(v)};
  out.append(b, 4);
}
}  // namespace

void MessageBuilder::Fail(std::string message) {
  if (status_.ok()) status_ = Status::Error(sqlstate::kProtocolViolation, std::move(message));
}

bool MessageBuilder::Writable() {
  if (!status_.ok()) return false;
  if (message_start_ == kNone) {
    Fail("internal error: protocol data written outside a message");
    return false;
  }
  return true;
}

void MessageBuilder::Begin(char type) {
  if (!status_.ok()) return;
  if (message_start_ != kNone) {
    Fail("internal error: a protocol message was started inside another");
    return;
  }
  if (type != 0) buffer_.push_back(type);
  message_start_ = buffer_.size();
  buffer_.append(4, '\0');
}

void MessageBuilder::PutByte(uint8_t value) {
  if (Writable()) buffer_.push_back(static_cast<char>(value));
}

void MessageBuilder::PutInt16(int16_t value) {
  if (!Writable()) return;
  auto v = static_cast<uint16_t>(value);
  buffer_.push_back(static_cast<char>(v >> 8));
  buffer_.push_back(static_cast<char>(v));
}

void MessageBuilder::PutInt32(int32_t value) {
  if (Writable()) AppendBigEndian32(buffer_, static_cast<uint32_t>(value));
}

void MessageBuilder::PutCString(std::string_view value) {
  if (!Writable()) return;
  if (value.find('\0') != std::string_view::npos) {
    Fail("internal error: a protocol string contains a zero byte");
    return;
  }
  buffer_.append(value);
  buffer_.push_back('\0');
}

void MessageBuilder::PutBytes(std::string_view value) {
  if (Writable()) buffer_.append(value);
}

void MessageBuilder::PutCounted(std::optional<std::string_view> value) {
  if (!Writable()) return;
  if (!value) {
    PutInt32(-1);
    return;
  }
  if (value->size() > max_message_length_) {
    Fail("value of " + std::to_string(value->size()) + " bytes is too large to send");
    return;
  }
  PutInt32(static_cast<int32_t>(value->size()));
  buffer_.append(*value);
}

void MessageBuilder::End() {
  if (!Writable()) return;
  size_t length = buffer_.size() - message_start_;
  if (length > max_message_length_) {
    Fail("message of " + std::to_string(length) + " bytes exceeds the limit of " +
         std::to_string(max_message_length_) + " bytes");
    return;
  }
  auto v = static_cast<uint32_t>(length);
  char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
               static_cast<char>(v)};
  std::memcpy(&buffer_[message_start_], b, 4);
  message_start_ = kNone;
  finished_size_ = buffer_.size();
}

void MessageBuilder::Abandon() {
  if (message_start_ == kNone) return;
  buffer_.resize(finished_size_);
  message_start_ = kNone;
}

void MessageBuilder::PutRaw(std::string_view bytes) {
  if (!status_.ok()) return;
  if (message_start_ != kNone) {
    Fail("internal error: raw bytes were written inside a message");
    return;
  }
  buffer_.append(bytes);
  finished_size_ = buffer_.size();
}

void MessageBuilder::Consume(size_t n) {
  if (n > finished_size_) n = finished_size_;
  buffer_.erase(0, n);
  finished_size_ -= n;
  if (message_start_ != kNone) message_start_ -= n;
}

void MessageBuilder::ShrinkIfIdle(size_t keep_capacity) {
  if (buffer_.empty() && buffer_.capacity() > keep_capacity) {
    std::string().swap(buffer_);
  }
}

}  // namespace db9::pgproto

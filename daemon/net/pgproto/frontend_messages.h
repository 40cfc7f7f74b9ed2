// The messages a client sends, decoded from a frame's payload into plain
// structs. Views point into the payload: they live as long as its buffer.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/base/result.h"

namespace db9::pgproto {

// A startup-phase packet: the version word decides which of these it is.
struct StartupPacket {
  enum class Kind { kStartup, kSslRequest, kGssEncRequest, kCancel };
  Kind kind = Kind::kStartup;
  int32_t version = 0;  // for kStartup
  std::vector<std::pair<std::string_view, std::string_view>> parameters;
  int32_t cancel_process_id = 0;  // for kCancel
  int32_t cancel_secret_key = 0;
};
// Unknown protocol versions are returned as kStartup with `version` set; the
// caller decides (it must reject anything but 3.x with a clear FATAL).
Result<StartupPacket> DecodeStartupPacket(std::string_view payload);

struct SaslInitialResponse {
  std::string_view mechanism;
  std::optional<std::string_view> data;
};
Result<SaslInitialResponse> DecodeSaslInitialResponse(std::string_view payload);

struct ParseMessage {
  std::string_view statement;
  std::string_view query;
  std::vector<uint32_t> parameter_types;
};
Result<ParseMessage> DecodeParse(std::string_view payload);

struct BindMessage {
  std::string_view portal;
  std::string_view statement;
  std::vector<int16_t> parameter_formats;
  std::vector<std::optional<std::string_view>> parameters;
  std::vector<int16_t> result_formats;
};
Result<BindMessage> DecodeBind(std::string_view payload);

// Describe and Close: 'S' (statement) or 'P' (portal) and a name.
struct TargetMessage {
  char kind = 'S';
  std::string_view name;
};
Result<TargetMessage> DecodeTarget(std::string_view payload, char message_type);

struct ExecuteMessage {
  std::string_view portal;
  int32_t max_rows = 0;
};
Result<ExecuteMessage> DecodeExecute(std::string_view payload);

// Query's SQL text, CopyFail's reason: one C string filling the payload.
Result<std::string_view> DecodeSingleString(std::string_view payload, char message_type);

}  // namespace db9::pgproto

#include "daemon/net/pgproto/frontend_messages.h"

#include "daemon/net/pgproto/message_reader.h"
#include "daemon/net/pgproto/protocol.h"

namespace db9::pgproto {

namespace {
// Format codes are 0 (text) or 1 (binary); PostgreSQL rejects others with
// 08P01 as well.
bool ReadFormats(PayloadReader& r, std::vector<int16_t>& out) {
  int n = r.ReadCount16();
  out.reserve(n);
  for (int i = 0; i < n && r.ok(); ++i) out.push_back(r.ReadInt16());
  return r.ok();
}

Status CheckFormats(const std::vector<int16_t>& formats) {
  for (int16_t f : formats) {
    if (f != 0 && f != 1) return ProtocolViolation("unsupported format code: " + std::to_string(f));
  }
  return Status::OK();
}
}  // namespace

Result<StartupPacket> DecodeStartupPacket(std::string_view payload) {
  PayloadReader r(payload, 0);
  StartupPacket packet;
  int32_t code = r.ReadInt32();
  if (code == kSslRequestCode || code == kGssEncRequestCode) {
    packet.kind = code == kSslRequestCode ? StartupPacket::Kind::kSslRequest
                                          : StartupPacket::Kind::kGssEncRequest;
    r.ExpectEnd();
  } else if (code == kCancelRequestCode) {
    packet.kind = StartupPacket::Kind::kCancel;
    packet.cancel_process_id = r.ReadInt32();
    packet.cancel_secret_key = r.ReadInt32();
    r.ExpectEnd();
  } else {
    packet.kind = StartupPacket::Kind::kStartup;
    packet.version = code;
    if (ProtocolMajor(code) != 3) return packet;  // the caller rejects it by version
    // name\0value\0 ... \0
    while (r.ok() && r.remaining() > 1) {
      std::string_view name = r.ReadCString();
      std::string_view value = r.ReadCString();
      if (name.empty()) {
        return ProtocolViolation("invalid startup packet layout: empty parameter name");
      }
      packet.parameters.emplace_back(name, value);
    }
    if (r.ok() && (r.remaining() != 1 || r.ReadByte() != 0)) {
      return ProtocolViolation("invalid startup packet layout: expected terminator as last byte");
    }
  }
  if (!r.ok()) return r.status();
  return packet;
}

Result<SaslInitialResponse> DecodeSaslInitialResponse(std::string_view payload) {
  PayloadReader r(payload, 'p');
  SaslInitialResponse m;
  m.mechanism = r.ReadCString();
  m.data = r.ReadCounted();
  r.ExpectEnd();
  if (!r.ok()) return r.status();
  return m;
}

Result<ParseMessage> DecodeParse(std::string_view payload) {
  PayloadReader r(payload, 'P');
  ParseMessage m;
  m.statement = r.ReadCString();
  m.query = r.ReadCString();
  int n = r.ReadCount16();
  m.parameter_types.reserve(n);
  for (int i = 0; i < n && r.ok(); ++i) {
    m.parameter_types.push_back(static_cast<uint32_t>(r.ReadInt32()));
  }
  r.ExpectEnd();
  if (!r.ok()) return r.status();
  return m;
}

Result<BindMessage> DecodeBind(std::string_view payload) {
  PayloadReader r(payload, 'B');
  BindMessage m;
  m.portal = r.ReadCString();
  m.statement = r.ReadCString();
  ReadFormats(r, m.parameter_formats);
  int n = r.ReadCount16();
  m.parameters.reserve(n);
  for (int i = 0; i < n && r.ok(); ++i) m.parameters.push_back(r.ReadCounted());
  ReadFormats(r, m.result_formats);
  r.ExpectEnd();
  if (!r.ok()) return r.status();
  if (m.parameter_formats.size() > 1 && m.parameter_formats.size() != m.parameters.size()) {
    return ProtocolViolation("bind message has " + std::to_string(m.parameter_formats.size()) +
                             " parameter formats but " + std::to_string(m.parameters.size()) +
                             " parameters");
  }
  DB9_RETURN_IF_ERROR(CheckFormats(m.parameter_formats));
  DB9_RETURN_IF_ERROR(CheckFormats(m.result_formats));
  return m;
}

Result<TargetMessage> DecodeTarget(std::string_view payload, char message_type) {
  PayloadReader r(payload, message_type);
  TargetMessage m;
  m.kind = static_cast<char>(r.ReadByte());
  m.name = r.ReadCString();
  r.ExpectEnd();
  if (!r.ok()) return r.status();
  if (m.kind != 'S' && m.kind != 'P') {
    return ProtocolViolation(std::string("invalid ") +
                             (message_type == 'D' ? "DESCRIBE" : "CLOSE") +
                             " message subtype " + std::to_string(static_cast<int>(m.kind)));
  }
  return m;
}

Result<ExecuteMessage> DecodeExecute(std::string_view payload) {
  PayloadReader r(payload, 'E');
  ExecuteMessage m;
  m.portal = r.ReadCString();
  m.max_rows = r.ReadInt32();
  r.ExpectEnd();
  if (!r.ok()) return r.status();
  return m;
}

Result<std::string_view> DecodeSingleString(std::string_view payload, char message_type) {
  PayloadReader r(payload, message_type);
  std::string_view s = r.ReadCString();
  r.ExpectEnd();
  if (!r.ok()) return r.status();
  return s;
}

}  // namespace db9::pgproto

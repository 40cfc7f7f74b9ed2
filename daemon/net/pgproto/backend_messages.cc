#include "daemon/net/pgproto/backend_messages.h"

#include <string>

#include "daemon/net/pgproto/protocol.h"

namespace db9::pgproto {

namespace {
// Protocol strings cannot hold NUL; text that reaches an error message from
// user input is cut at the first one rather than failing the whole message.
std::string_view UpToNul(std::string_view s) { return s.substr(0, s.find('\0')); }

void PutField(MessageBuilder& b, char code, std::string_view value) {
  b.PutByte(static_cast<uint8_t>(code));
  b.PutCString(UpToNul(value));
}
}  // namespace

void WriteAuthentication(MessageBuilder& b, int32_t code, std::string_view data) {
  b.Begin(backend::kAuthentication);
  b.PutInt32(code);
  b.PutBytes(data);
  b.End();
}

void WriteParameterStatus(MessageBuilder& b, std::string_view name, std::string_view value) {
  b.Begin(backend::kParameterStatus);
  b.PutCString(UpToNul(name));
  b.PutCString(UpToNul(value));
  b.End();
}

void WriteBackendKeyData(MessageBuilder& b, int32_t process_id, int32_t secret_key) {
  b.Begin(backend::kBackendKeyData);
  b.PutInt32(process_id);
  b.PutInt32(secret_key);
  b.End();
}

void WriteReadyForQuery(MessageBuilder& b, char transaction_status) {
  b.Begin(backend::kReadyForQuery);
  b.PutByte(static_cast<uint8_t>(transaction_status));
  b.End();
}

void WriteNegotiateProtocolVersion(MessageBuilder& b, int32_t newest_version,
                                   const std::vector<std::string_view>& unrecognized_options) {
  b.Begin(backend::kNegotiateProtocolVersion);
  b.PutInt32(newest_version);
  b.PutInt32(static_cast<int32_t>(unrecognized_options.size()));
  for (std::string_view option : unrecognized_options) b.PutCString(UpToNul(option));
  b.End();
}

void WriteErrorOrNotice(MessageBuilder& b, const Status& status) {
  Severity severity = status.severity();
  bool is_error = status.ok() || severity == Severity::kError || severity == Severity::kFatal ||
                  severity == Severity::kPanic;
  b.Begin(is_error ? backend::kErrorResponse : backend::kNoticeResponse);
  // S is the localizable severity, V (PostgreSQL 9.6+) the untranslated one.
  PutField(b, 'S', SeverityName(severity));
  PutField(b, 'V', SeverityName(severity));
  PutField(b, 'C', status.ok() ? std::string_view("XX000") : status.sqlstate());
  PutField(b, 'M', status.ok() ? std::string_view("internal error: no error to report")
                               : status.message());
  if (!status.detail().empty()) PutField(b, 'D', status.detail());
  if (!status.hint().empty()) PutField(b, 'H', status.hint());
  if (status.position() > 0) PutField(b, 'P', std::to_string(status.position()));
  b.PutByte(0);
  b.End();
}

void WriteVersion2Fatal(MessageBuilder& b, std::string_view message) {
  std::string text = "EFATAL:  ";
  text.append(UpToNul(message));
  text.append("\n");
  text.push_back('\0');
  b.PutRaw(text);
}

void WriteRowDescription(MessageBuilder& b, const std::vector<FieldDescription>& fields) {
  b.Begin(backend::kRowDescription);
  b.PutInt16(static_cast<int16_t>(fields.size()));
  for (const FieldDescription& f : fields) {
    b.PutCString(UpToNul(f.name));
    b.PutInt32(static_cast<int32_t>(f.table_oid));
    b.PutInt16(f.column_number);
    b.PutInt32(static_cast<int32_t>(f.type_oid));
    b.PutInt16(f.type_size);
    b.PutInt32(f.type_modifier);
    b.PutInt16(f.format);
  }
  b.End();
}

void WriteParameterDescription(MessageBuilder& b, const std::vector<uint32_t>& type_oids) {
  b.Begin(backend::kParameterDescription);
  b.PutInt16(static_cast<int16_t>(type_oids.size()));
  for (uint32_t oid : type_oids) b.PutInt32(static_cast<int32_t>(oid));
  b.End();
}

void WriteCommandComplete(MessageBuilder& b, std::string_view tag) {
  b.Begin(backend::kCommandComplete);
  b.PutCString(UpToNul(tag));
  b.End();
}

void WriteCopyResponse(MessageBuilder& b, char type, int16_t format, int column_count) {
  b.Begin(type);
  b.PutByte(static_cast<uint8_t>(format));
  b.PutInt16(static_cast<int16_t>(column_count));
  for (int i = 0; i < column_count; ++i) b.PutInt16(format);
  b.End();
}

void WriteCopyData(MessageBuilder& b, std::string_view data) {
  b.Begin(backend::kCopyData);
  b.PutBytes(data);
  b.End();
}

void WriteEmptyMessage(MessageBuilder& b, char type) {
  b.Begin(type);
  b.End();
}

}  // namespace db9::pgproto

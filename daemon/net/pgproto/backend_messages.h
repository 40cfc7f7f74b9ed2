// Builders for the messages the server sends. Each appends one complete
// message to a MessageBuilder (whose sticky error covers them all).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "daemon/net/pgproto/message_builder.h"
#include "shared/base/status.h"

namespace db9::pgproto {

// One column of a RowDescription, as the wire has it.
struct FieldDescription {
  std::string_view name;
  uint32_t table_oid = 0;
  int16_t column_number = 0;
  uint32_t type_oid = 0;
  int16_t type_size = -1;
  int32_t type_modifier = -1;
  int16_t format = 0;
};

void WriteAuthentication(MessageBuilder& b, int32_t code, std::string_view data = {});
void WriteParameterStatus(MessageBuilder& b, std::string_view name, std::string_view value);
void WriteBackendKeyData(MessageBuilder& b, int32_t process_id, int32_t secret_key);
void WriteReadyForQuery(MessageBuilder& b, char transaction_status);
// Answer to a 3.x startup with x above what we speak, or with "_pq_." options.
// `newest_version` is the whole version word (3.0: 0x00030000), as PostgreSQL
// sends it.
void WriteNegotiateProtocolVersion(MessageBuilder& b, int32_t newest_version,
                                   const std::vector<std::string_view>& unrecognized_options);
// ErrorResponse, or NoticeResponse when the status's severity is below ERROR.
// Fields S, V, C, M and, when present, D, H, P.
void WriteErrorOrNotice(MessageBuilder& b, const Status& status);
// The error a protocol-2 client can read: 'E', "FATAL:  <message>\n", NUL,
// with no length word (what PostgreSQL 15 answers to a 2.0 startup).
void WriteVersion2Fatal(MessageBuilder& b, std::string_view message);
void WriteRowDescription(MessageBuilder& b, const std::vector<FieldDescription>& fields);
void WriteParameterDescription(MessageBuilder& b, const std::vector<uint32_t>& type_oids);
void WriteCommandComplete(MessageBuilder& b, std::string_view tag);
// Copy{In,Out}Response: overall format and that format for every column.
void WriteCopyResponse(MessageBuilder& b, char type, int16_t format, int column_count);
void WriteCopyData(MessageBuilder& b, std::string_view data);
// Messages without a body: ParseComplete, BindComplete, CloseComplete, NoData,
// PortalSuspended, EmptyQueryResponse, CopyDone.
void WriteEmptyMessage(MessageBuilder& b, char type);

}  // namespace db9::pgproto

// ClientChannel: how statement execution talks back to its client. The wire
// layer (daemon/net) implements it; the SQL layer never sees protocol bytes.
// Value encoding (text or binary per column) is done by the implementation
// through the TypeRegistry, using the format codes in ColumnDescription.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/types/value.h"
#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::sql {

enum class Format : int16_t { kText = 0, kBinary = 1 };

struct ColumnDescription {
  std::string name;
  types::Oid table_oid = 0;    // 0 when the column is not a plain table column
  int16_t column_number = 0;   // attnum in that table, else 0
  types::Oid type_oid = types::oid::kText;
  int16_t type_size = -1;      // pg_type.typlen
  int32_t type_modifier = -1;  // atttypmod
  Format format = Format::kText;
};

class ClientChannel {
 public:
  virtual ~ClientChannel() = default;

  // Announces the columns of the rows that follow. Under the simple protocol
  // `send_description` is true (RowDescription goes out); under Execute it is
  // false (the client asked with Describe, if at all) and only the formats
  // matter.
  virtual void BeginRows(const std::vector<ColumnDescription>& columns, bool send_description) = 0;
  // Fails when the client is gone; execution then stops.
  virtual Status SendDataRow(const std::vector<types::Value>& row) = 0;
  // "SELECT 3", "INSERT 0 1", "BEGIN", ...
  virtual void SendCommandComplete(std::string_view tag) = 0;
  virtual void SendEmptyQueryResponse() = 0;
  // NOTICE/WARNING (Status with that severity).
  virtual void SendNotice(const Status& notice) = 0;
  // Sent when a reported parameter changes (SET application_name, ...).
  virtual void SendParameterStatus(std::string_view name, std::string_view value) = 0;

  // COPY ... FROM STDIN: announces CopyInResponse, then hands out the client's
  // CopyData payloads one by one; nullopt once CopyDone arrives. CopyFail or a
  // lost client gives an error status.
  virtual Status BeginCopyIn(Format format, int column_count) = 0;
  virtual Result<std::optional<std::string>> ReadCopyData() = 0;

  // COPY ... TO STDOUT.
  virtual Status BeginCopyOut(Format format, int column_count) = 0;
  virtual Status SendCopyData(std::string_view data) = 0;
  virtual Status EndCopyOut() = 0;
};

}  // namespace db9::sql

// JSON form of the control-API values (types.h), shared by daemon and client
// so both sides agree by construction. to_json/from_json follow nlohmann's
// ADL convention; Decode() is the exception-free entry point: it turns a
// malformed document into a 08P01 Status instead of a throw.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "shared/base/result.h"
#include "shared/base/sqlstate.h"
#include "shared/base/status.h"
#include "shared/control/types.h"

namespace db9::control {

void to_json(nlohmann::json& j, const HelloInfo& v);
void from_json(const nlohmann::json& j, HelloInfo& v);
void to_json(nlohmann::json& j, const DaemonInfoResult& v);
void from_json(const nlohmann::json& j, DaemonInfoResult& v);
void to_json(nlohmann::json& j, const DatabaseInfo& v);
void from_json(const nlohmann::json& j, DatabaseInfo& v);
void to_json(nlohmann::json& j, const ConnectInfo& v);
void from_json(const nlohmann::json& j, ConnectInfo& v);
void to_json(nlohmann::json& j, const DatabaseStatus& v);
void from_json(const nlohmann::json& j, DatabaseStatus& v);
void to_json(nlohmann::json& j, const TableInfo& v);
void from_json(const nlohmann::json& j, TableInfo& v);
void to_json(nlohmann::json& j, const ColumnInfo& v);
void from_json(const nlohmann::json& j, ColumnInfo& v);
void to_json(nlohmann::json& j, const IndexInfo& v);
void from_json(const nlohmann::json& j, IndexInfo& v);
void to_json(nlohmann::json& j, const TableDescription& v);
void from_json(const nlohmann::json& j, TableDescription& v);
void to_json(nlohmann::json& j, const ResultColumn& v);
void from_json(const nlohmann::json& j, ResultColumn& v);
void to_json(nlohmann::json& j, const QueryResult& v);
void from_json(const nlohmann::json& j, QueryResult& v);
void to_json(nlohmann::json& j, const SortKey& v);
void from_json(const nlohmann::json& j, SortKey& v);
void to_json(nlohmann::json& j, const RowFilter& v);
void from_json(const nlohmann::json& j, RowFilter& v);
void to_json(nlohmann::json& j, const RowsRequest& v);
void from_json(const nlohmann::json& j, RowsRequest& v);
void to_json(nlohmann::json& j, const RowsPage& v);
void from_json(const nlohmann::json& j, RowsPage& v);
void to_json(nlohmann::json& j, const SqlRequest& v);
void from_json(const nlohmann::json& j, SqlRequest& v);
void to_json(nlohmann::json& j, const SqlResult& v);
void from_json(const nlohmann::json& j, SqlResult& v);
void to_json(nlohmann::json& j, const ParameterizedStatement& v);
void from_json(const nlohmann::json& j, ParameterizedStatement& v);
void to_json(nlohmann::json& j, const ExecuteRequest& v);
void from_json(const nlohmann::json& j, ExecuteRequest& v);
void to_json(nlohmann::json& j, const Event& v);  // the whole event line
void from_json(const nlohmann::json& j, Event& v);

// The error object of a failed response, and back. "position" (1-based
// character offset into the statement text) is present when the SQL engine
// knew where the error is.
nlohmann::json ErrorToJson(const Status& status);
Status ErrorFromJson(const nlohmann::json& error);

template <typename T>
Result<T> Decode(const nlohmann::json& j, const char* what) {
  try {
    return j.get<T>();
  } catch (const nlohmann::json::exception& e) {
    return Status::Error(sqlstate::kProtocolViolation,
                         std::string("malformed ") + what + ": " + e.what());
  }
}

}  // namespace db9::control

// How catalog objects are stored: one JSON document per table (with its
// columns, constraints and indexes), sequence, view or schema, under
//   Keyspace::kCatalog, id = record kind, then the object's OID (uint32).
// JSON keeps the records readable in a dump and lets fields be added without
// a format migration (missing fields take their defaults).
#pragma once

#include <string>
#include <string_view>

#include "daemon/catalog/catalog_objects.h"
#include "shared/base/result.h"

namespace db9::catalog {

// Part of the format (docs/storage-format.md): never renumbered, only added.
enum class RecordKind : uint32_t { kTable = 1, kSequence = 2, kView = 3, kNamespace = 4 };

std::string RecordKey(RecordKind kind, Oid oid);
// Every key of one kind starts with this.
std::string RecordPrefix(RecordKind kind);

std::string EncodeTable(const Table& table);
Result<Table> DecodeTable(std::string_view data);
std::string EncodeSequence(const Sequence& sequence);
Result<Sequence> DecodeSequence(std::string_view data);
std::string EncodeView(const View& view);
Result<View> DecodeView(std::string_view data);
std::string EncodeNamespace(const Namespace& ns);
Result<Namespace> DecodeNamespace(std::string_view data);

}  // namespace db9::catalog

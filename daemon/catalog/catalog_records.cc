#include "daemon/catalog/catalog_records.h"

#include <nlohmann/json.hpp>

#include "daemon/storage/encoding/key_encoding.h"

namespace db9::catalog {
namespace {

using nlohmann::json;

Status Corrupt(std::string_view what, const std::exception& e) {
  return Status::Error(sqlstate::kDataCorrupted,
                       std::string("catalog record for a ") + std::string(what) +
                           " is damaged: " + e.what());
}

// Parses a record and fills a T from it; any JSON error (syntax, a missing
// or mistyped field) is XX001 naming what the record describes.
template <typename T, typename Fill>
Result<T> ParseRecord(std::string_view data, std::string_view what, Fill fill) {
  try {
    T object;
    fill(json::parse(data), object);
    return object;
  } catch (const std::exception& e) {
    return Corrupt(what, e);
  }
}

json ColumnToJson(const Column& c) {
  return json{{"name", c.name},           {"attnum", c.attnum},
              {"type", c.type},           {"typmod", c.typmod},
              {"not_null", c.not_null},   {"default", c.default_expr},
              {"identity", std::string(1, static_cast<char>(c.identity))},
              {"identity_sequence", c.identity_sequence},
              {"comment", c.comment}};
}

Column ColumnFromJson(const json& j) {
  Column c;
  c.name = j.at("name").get<std::string>();
  c.attnum = j.at("attnum").get<int16_t>();
  c.type = j.at("type").get<Oid>();
  c.typmod = j.value("typmod", -1);
  c.not_null = j.value("not_null", false);
  c.default_expr = j.value("default", std::string());
  std::string identity = j.value("identity", std::string(1, '\0'));
  c.identity = static_cast<Identity>(identity.empty() ? '\0' : identity[0]);
  c.identity_sequence = j.value("identity_sequence", Oid{0});
  c.comment = j.value("comment", std::string());
  return c;
}

json ConstraintToJson(const Constraint& c) {
  return json{{"oid", c.oid},
              {"name", c.name},
              {"type", std::string(1, static_cast<char>(c.type))},
              {"columns", c.columns},
              {"check", c.check_expr},
              {"index", c.index_oid},
              {"ref_table", c.ref_table},
              {"ref_columns", c.ref_columns},
              {"on_delete", std::string(1, static_cast<char>(c.on_delete))},
              {"on_update", std::string(1, static_cast<char>(c.on_update))}};
}

Constraint ConstraintFromJson(const json& j) {
  Constraint c;
  c.oid = j.at("oid").get<Oid>();
  c.name = j.at("name").get<std::string>();
  c.type = static_cast<ConstraintType>(j.at("type").get<std::string>().at(0));
  c.columns = j.value("columns", std::vector<int16_t>{});
  c.check_expr = j.value("check", std::string());
  c.index_oid = j.value("index", Oid{0});
  c.ref_table = j.value("ref_table", Oid{0});
  c.ref_columns = j.value("ref_columns", std::vector<int16_t>{});
  c.on_delete = static_cast<ForeignKeyAction>(j.value("on_delete", std::string("a")).at(0));
  c.on_update = static_cast<ForeignKeyAction>(j.value("on_update", std::string("a")).at(0));
  return c;
}

json IndexToJson(const Index& index) {
  json columns = json::array();
  for (const IndexColumn& c : index.columns) {
    columns.push_back({{"attnum", c.attnum},
                       {"desc", c.descending},
                       {"nulls_first", c.nulls_first},
                       {"opclass", c.opclass}});
  }
  return json{{"oid", index.oid},       {"name", index.name},   {"namespace", index.namespace_oid},
              {"columns", columns},     {"unique", index.unique}, {"primary", index.primary},
              {"am", index.access_method}, {"options", index.options}};
}

Index IndexFromJson(const json& j, Oid table_oid) {
  Index index;
  index.oid = j.at("oid").get<Oid>();
  index.name = j.at("name").get<std::string>();
  index.table_oid = table_oid;
  index.namespace_oid = j.value("namespace", kPublicNamespace);
  for (const json& c : j.at("columns")) {
    index.columns.push_back({c.at("attnum").get<int16_t>(), c.value("desc", false),
                             c.value("nulls_first", false), c.value("opclass", std::string())});
  }
  index.unique = j.value("unique", false);
  index.primary = j.value("primary", false);
  index.access_method = j.value("am", std::string("btree"));
  index.options = j.value("options", std::vector<std::string>{});
  return index;
}

}  // namespace

std::string RecordPrefix(RecordKind kind) {
  return keyenc::KeyPrefix(keyenc::Keyspace::kCatalog, static_cast<uint32_t>(kind));
}

std::string RecordKey(RecordKind kind, Oid oid) {
  std::string key = RecordPrefix(kind);
  keyenc::AppendUint32(&key, oid);
  return key;
}

std::string EncodeTable(const Table& table) {
  json columns = json::array(), constraints = json::array(), indexes = json::array();
  for (const Column& c : table.columns) columns.push_back(ColumnToJson(c));
  for (const Constraint& c : table.constraints) constraints.push_back(ConstraintToJson(c));
  for (const Index& i : table.indexes) indexes.push_back(IndexToJson(i));
  json j{{"oid", table.oid},         {"name", table.name},
         {"namespace", table.namespace_oid}, {"columns", columns},
         {"next_attnum", table.next_attnum}, {"constraints", constraints},
         {"indexes", indexes},       {"options", table.options},
         {"comment", table.comment}};
  return j.dump();
}

Result<Table> DecodeTable(std::string_view data) {
  return ParseRecord<Table>(data, "table", [](const json& j, Table& t) {
    t.oid = j.at("oid").get<Oid>();
    t.name = j.at("name").get<std::string>();
    t.namespace_oid = j.value("namespace", kPublicNamespace);
    for (const json& c : j.at("columns")) t.columns.push_back(ColumnFromJson(c));
    t.next_attnum = j.value("next_attnum", static_cast<int16_t>(t.columns.size() + 1));
    for (const json& c : j.value("constraints", json::array())) {
      t.constraints.push_back(ConstraintFromJson(c));
    }
    for (const json& i : j.value("indexes", json::array())) {
      t.indexes.push_back(IndexFromJson(i, t.oid));
    }
    t.options = j.value("options", std::vector<std::string>{});
    t.comment = j.value("comment", std::string());
  });
}

std::string EncodeSequence(const Sequence& s) {
  json j{{"oid", s.oid},           {"name", s.name},       {"namespace", s.namespace_oid},
         {"type", s.type},         {"start", s.start},     {"increment", s.increment},
         {"min", s.min_value},     {"max", s.max_value},   {"cycle", s.cycle},
         {"owned_by_table", s.owned_by_table}, {"owned_by_column", s.owned_by_column}};
  return j.dump();
}

Result<Sequence> DecodeSequence(std::string_view data) {
  return ParseRecord<Sequence>(data, "sequence", [](const json& j, Sequence& s) {
    s.oid = j.at("oid").get<Oid>();
    s.name = j.at("name").get<std::string>();
    s.namespace_oid = j.value("namespace", kPublicNamespace);
    s.type = j.value("type", types::oid::kInt8);
    s.start = j.value("start", int64_t{1});
    s.increment = j.value("increment", int64_t{1});
    s.min_value = j.value("min", int64_t{1});
    s.max_value = j.value("max", INT64_MAX);
    s.cycle = j.value("cycle", false);
    s.owned_by_table = j.value("owned_by_table", Oid{0});
    s.owned_by_column = j.value("owned_by_column", int16_t{0});
  });
}

std::string EncodeView(const View& v) {
  json columns = json::array();
  for (const Column& c : v.columns) columns.push_back(ColumnToJson(c));
  json j{{"oid", v.oid},         {"name", v.name},           {"namespace", v.namespace_oid},
         {"columns", columns},   {"query_names", v.query_names},
         {"definition", v.definition}, {"depends_on", v.depends_on},
         {"updatable", v.updatable}};
  return j.dump();
}

Result<View> DecodeView(std::string_view data) {
  return ParseRecord<View>(data, "view", [](const json& j, View& v) {
    v.oid = j.at("oid").get<Oid>();
    v.name = j.at("name").get<std::string>();
    v.namespace_oid = j.value("namespace", kPublicNamespace);
    for (const json& c : j.at("columns")) v.columns.push_back(ColumnFromJson(c));
    v.query_names = j.at("query_names").get<std::vector<std::string>>();
    v.definition = j.at("definition").get<std::string>();
    v.depends_on = j.value("depends_on", std::vector<Oid>{});
    v.updatable = j.value("updatable", false);
  });
}

std::string EncodeNamespace(const Namespace& ns) {
  return json{{"oid", ns.oid}, {"name", ns.name}}.dump();
}

Result<Namespace> DecodeNamespace(std::string_view data) {
  return ParseRecord<Namespace>(data, "schema", [](const json& j, Namespace& ns) {
    ns.oid = j.at("oid").get<Oid>();
    ns.name = j.at("name").get<std::string>();
  });
}

}  // namespace db9::catalog

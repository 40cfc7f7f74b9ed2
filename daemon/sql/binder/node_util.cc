// Small helpers over libpg_query's protobuf nodes.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/reflection.h>

#include "daemon/sql/binder/binder.h"

namespace db9::sql {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// Zeroes every "location" field so that equal expressions written at
// different places serialize equally.
void ClearLocations(Message* message) {
  const google::protobuf::Descriptor* descriptor = message->GetDescriptor();
  const google::protobuf::Reflection* reflection = message->GetReflection();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (field->is_repeated()) {
        for (int j = 0; j < reflection->FieldSize(*message, field); ++j) {
          ClearLocations(reflection->MutableRepeatedMessage(message, field, j));
        }
      } else if (reflection->HasField(*message, field)) {
        ClearLocations(reflection->MutableMessage(message, field));
      }
    } else if (field->name() == "location") {
      reflection->ClearField(message, field);
    }
  }
}

}  // namespace

std::string StringValue(const pg_query::Node& node) {
  if (node.has_string()) return node.string().sval();
  return std::string();
}

std::vector<std::string> StringList(
    const google::protobuf::RepeatedPtrField<pg_query::Node>& list) {
  std::vector<std::string> out;
  for (const pg_query::Node& n : list) out.push_back(StringValue(n));
  return out;
}

std::string NodeKey(const pg_query::Node& node) {
  pg_query::Node copy = node;
  ClearLocations(&copy);
  std::string out;
  copy.SerializeToString(&out);
  return out;
}

Status NotSupported(std::string what, int location) {
  Status status = Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: " + what);
  if (location >= 0) status.WithPosition(location + 1);
  return status;
}

Status WithLocation(Status status, int location) {
  if (!status.ok() && status.position() == 0 && location >= 0) status.WithPosition(location + 1);
  return status;
}

}  // namespace db9::sql

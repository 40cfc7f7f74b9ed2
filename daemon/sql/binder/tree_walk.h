// Visits every message of one type in a parse tree through protobuf
// reflection, so code that rewrites SQL (a renamed column in a stored CHECK,
// schema-qualified relation names in a view, a statement written through a
// view) need not list the node types that can contain it.
#pragma once

#include <google/protobuf/message.h>
#include <google/protobuf/reflection.h>

namespace db9::sql {

// Calls fn(T*) for every T in `message` (itself included), parents before
// children; fn may change the T it is given.
template <typename T, typename Fn>
void ForEachMessage(google::protobuf::Message* message, Fn& fn) {
  using google::protobuf::FieldDescriptor;
  if (message->GetDescriptor() == T::descriptor()) fn(static_cast<T*>(message));
  const google::protobuf::Reflection* r = message->GetReflection();
  const google::protobuf::Descriptor* d = message->GetDescriptor();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (f->is_repeated()) {
      for (int j = 0; j < r->FieldSize(*message, f); ++j) {
        ForEachMessage<T>(r->MutableRepeatedMessage(message, f, j), fn);
      }
    } else if (r->HasField(*message, f)) {
      ForEachMessage<T>(r->MutableMessage(message, f), fn);
    }
  }
}

}  // namespace db9::sql

// Visits every message of one type in a parse tree through protobuf
// reflection, so code that rewrites SQL (a renamed column in a stored CHECK,
// schema-qualified relation names in a view, a statement written through a
// view) need not list the node types that can contain it.
#pragma once

#include <google/protobuf/message.h>
#include <google/protobuf/reflection.h>

#include <type_traits>

namespace db9::sql {

namespace tree_walk_detail {

// M is Message or const Message.
template <typename T, typename M, typename Fn>
void Walk(M* message, Fn& fn) {
  using google::protobuf::FieldDescriptor;
  constexpr bool kConst = std::is_const_v<M>;
  if (message->GetDescriptor() == T::descriptor()) {
    fn(static_cast<std::conditional_t<kConst, const T, T>*>(message));
  }
  const google::protobuf::Reflection* r = message->GetReflection();
  const google::protobuf::Descriptor* d = message->GetDescriptor();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (f->is_repeated()) {
      for (int j = 0; j < r->FieldSize(*message, f); ++j) {
        if constexpr (kConst) {
          Walk<T>(&r->GetRepeatedMessage(*message, f, j), fn);
        } else {
          Walk<T>(r->MutableRepeatedMessage(message, f, j), fn);
        }
      }
    } else if (r->HasField(*message, f)) {
      if constexpr (kConst) {
        Walk<T>(&r->GetMessage(*message, f), fn);
      } else {
        Walk<T>(r->MutableMessage(message, f), fn);
      }
    }
  }
}

}  // namespace tree_walk_detail

// Calls fn(T*) for every T in `message` (itself included), parents before
// children; fn may change the T it is given.
template <typename T, typename Fn>
void ForEachMessage(google::protobuf::Message* message, Fn& fn) {
  tree_walk_detail::Walk<T>(message, fn);
}

// The same over a tree nobody changes: fn(const T*).
template <typename T, typename Fn>
void ForEachMessage(const google::protobuf::Message* message, Fn& fn) {
  tree_walk_detail::Walk<T>(message, fn);
}

}  // namespace db9::sql

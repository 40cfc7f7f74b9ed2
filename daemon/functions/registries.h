// Registries: the types, functions, operators, casts and aggregates one
// daemon knows, assembled from modules. A module is a function
//   Status RegisterFoo(Registries& r)
// that adds its entries; the built-in ones are listed in builtin_modules.cc
// (types, numeric/string/datetime/... functions). Modules that live in
// libraries above db9_functions (jsonb GIN, pgvector, full-text search)
// are passed in by whoever builds the daemon's registries:
//
//   Result<std::unique_ptr<Registries>> r =
//       Registries::Create({&vector::RegisterVector, &fts::RegisterFts});
//
// A Registries object is immutable after Create() and shared by all
// sessions and threads (read-only use needs no locking).
#pragma once

#include <initializer_list>
#include <memory>
#include <span>

#include "daemon/functions/aggregate_registry.h"
#include "daemon/functions/cast_registry.h"
#include "daemon/functions/function_registry.h"
#include "daemon/functions/operator_registry.h"
#include "daemon/types/type_registry.h"

namespace db9::functions {

struct Registries;
using ModuleRegisterFn = Status (*)(Registries& registries);

struct Registries {
  types::TypeRegistry types;
  FunctionRegistry functions;
  OperatorRegistry operators;
  CastRegistry casts;
  AggregateRegistry aggregates;

  // Built-in modules, then `extra` in order. Fails with the first module's
  // error (a bug: duplicate entries).
  static Result<std::unique_ptr<Registries>> Create(
      std::span<const ModuleRegisterFn> extra = {});
};

// The process-wide registries with only the built-in modules, made on first
// use. Tests and tools use this; the daemon may build its own with Create().
const Registries& BuiltinRegistries();

}  // namespace db9::functions

#include "daemon/functions/registries.h"

#include "daemon/functions/builtin/builtin_modules.h"

namespace db9::functions {

Result<std::unique_ptr<Registries>> Registries::Create(std::span<const ModuleRegisterFn> extra) {
  auto r = std::make_unique<Registries>();
  for (ModuleRegisterFn fn : BuiltinModules()) DB9_RETURN_IF_ERROR(fn(*r));
  for (ModuleRegisterFn fn : extra) DB9_RETURN_IF_ERROR(fn(*r));
  return r;
}

const Registries& BuiltinRegistries() {
  // Built once; a failure here is a programming error in a built-in
  // module, caught by every unit test, so an empty set is the fallback.
  static const Registries* const kRegistries = [] {
    Result<std::unique_ptr<Registries>> r = Registries::Create();
    return r.ok() ? std::move(r).value().release() : new Registries();
  }();
  return *kRegistries;
}

}  // namespace db9::functions

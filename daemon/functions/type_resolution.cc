#include "daemon/functions/type_resolution.h"

#include <algorithm>

#include "daemon/functions/registries.h"

namespace db9::functions {
namespace {

using types::TypeInfo;
namespace oid = types::oid;


char CategoryOf(const types::TypeRegistry& reg, Oid t) {
  const TypeInfo* info = reg.Find(t);
  return info == nullptr ? types::category::kUser : info->category;
}

bool IsPreferred(const types::TypeRegistry& reg, Oid t) {
  const TypeInfo* info = reg.Find(t);
  return info != nullptr && info->preferred;
}

// A candidate with its declared types expanded to the call's arity.
struct Expanded {
  const void* entry;
  std::vector<Oid> declared;
  std::vector<Oid> bound;  // polymorphics replaced by the actual types
  Oid anyelement = oid::kInvalid;
};

// Binds anyelement/anyarray consistently; false when the actual types
// cannot satisfy them.
bool BindPolymorphic(Expanded* c, std::span<const Oid> actual, const Registries& r) {
  Oid elem = oid::kInvalid;
  for (size_t i = 0; i < actual.size(); ++i) {
    if (actual[i] == oid::kUnknown) continue;
    if (c->declared[i] == oid::kAnyElement) {
      if (elem != oid::kInvalid && elem != actual[i]) return false;
      elem = actual[i];
    } else if (c->declared[i] == oid::kAnyArray) {
      const TypeInfo* t = r.types.Find(actual[i]);
      if (t == nullptr || t->element == nullptr) return false;
      if (elem != oid::kInvalid && elem != t->element_oid) return false;
      elem = t->element_oid;
    }
  }
  // All-unknown polymorphic arguments resolve to text, as literals would.
  bool uses_poly = false;
  for (Oid d : c->declared) uses_poly |= d == oid::kAnyElement || d == oid::kAnyArray;
  if (uses_poly && elem == oid::kInvalid) elem = oid::kText;
  c->anyelement = elem;
  c->bound = c->declared;
  for (size_t i = 0; i < actual.size(); ++i) {
    if (c->declared[i] == oid::kAnyElement) {
      c->bound[i] = elem;
    } else if (c->declared[i] == oid::kAnyArray) {
      const TypeInfo* arr = r.types.ArrayOf(elem);
      if (arr == nullptr) return false;
      c->bound[i] = arr->oid;
    } else if (c->declared[i] == oid::kAny) {
      // "any" takes an untyped literal as it is: pg_typeof('x') is unknown.
      c->bound[i] = actual[i];
    } else if (c->declared[i] == oid::kAnyNonArray) {
      c->bound[i] = actual[i] == oid::kUnknown ? oid::kText : actual[i];
      if (c->declared[i] == oid::kAnyNonArray) {
        const TypeInfo* t = r.types.Find(c->bound[i]);
        if (t != nullptr && t->element != nullptr) return false;
      }
    }
  }
  return true;
}

bool Applicable(const Expanded& c, std::span<const Oid> actual, const Registries& r) {
  for (size_t i = 0; i < actual.size(); ++i) {
    if (actual[i] == c.bound[i] || actual[i] == oid::kUnknown) continue;
    if (!r.casts.CanCoerce(actual[i], c.bound[i], CoercionContext::kImplicit, r.types)) {
      return false;
    }
  }
  return true;
}

template <typename Score>
void KeepBest(std::vector<Expanded>* cands, Score score) {
  if (cands->size() <= 1) return;
  int best = -1;
  for (const Expanded& c : *cands) best = std::max(best, score(c));
  std::vector<Expanded> kept;
  for (Expanded& c : *cands) {
    if (score(c) == best) kept.push_back(std::move(c));
  }
  *cands = std::move(kept);
}

}  // namespace

Result<ResolvedCall> ResolveOverload(std::span<const Candidate> candidates,
                                     std::span<const Oid> actual, const Registries& r) {
  std::vector<Expanded> live;
  for (const Candidate& cand : candidates) {
    size_t n = cand.declared.size();
    if (cand.variadic ? actual.size() + 1 < n : actual.size() != n) continue;
    Expanded e{cand.entry, {}, {}};
    for (size_t i = 0; i < actual.size(); ++i) {
      e.declared.push_back(i < n ? cand.declared[i] : cand.declared.back());
    }
    if (!BindPolymorphic(&e, actual, r) || !Applicable(e, actual, r)) continue;
    live.push_back(std::move(e));
  }
  if (live.empty()) return ResolvedCall{};
  auto done = [](const Expanded& e) { return ResolvedCall{e.entry, e.bound, e.anyelement}; };
  if (live.size() == 1) return done(live[0]);

  // An exact match wins outright.
  for (const Expanded& c : live) {
    bool exact = true;
    for (size_t i = 0; i < actual.size(); ++i) exact &= actual[i] == c.declared[i];
    if (exact) return done(c);
  }
  // Most exact matches on the known arguments.
  KeepBest(&live, [&](const Expanded& c) {
    int n = 0;
    // Polymorphic parameters never count as exact, as in PostgreSQL.
    for (size_t i = 0; i < actual.size(); ++i) n += actual[i] != oid::kUnknown && actual[i] == c.declared[i];
    return n;
  });
  // Most preferred types where coercion is needed: PostgreSQL counts a
  // declared type preferred in the argument's own category. Declared
  // polymorphic types are in the pseudo category, so they never count
  // (text || anynonarray loses to text || text for a bpchar argument).
  KeepBest(&live, [&](const Expanded& c) {
    int n = 0;
    for (size_t i = 0; i < actual.size(); ++i) {
      if (actual[i] == oid::kUnknown || actual[i] == c.declared[i]) continue;
      n += CategoryOf(r.types, c.declared[i]) == CategoryOf(r.types, actual[i]) &&
           IsPreferred(r.types, c.declared[i]);
    }
    return n;
  });
  if (live.size() == 1) return done(live[0]);

  // Unknown arguments: the string category if any candidate accepts it
  // there, else the category all candidates agree on; prefer candidates
  // that take that category (and its preferred type). As in PostgreSQL the
  // declared type decides: a polymorphic parameter is in the pseudo
  // category, whatever the unknown would bind to.
  for (size_t i = 0; i < actual.size() && live.size() > 1; ++i) {
    if (actual[i] != oid::kUnknown) continue;
    char chosen = 0;
    bool conflict = false;
    for (const Expanded& c : live) {
      char cat = CategoryOf(r.types, c.declared[i]);
      if (cat == types::category::kString) {
        chosen = cat;
        conflict = false;
        break;
      }
      if (chosen == 0) chosen = cat;
      else if (chosen != cat) conflict = true;
    }
    if (conflict) continue;
    KeepBest(&live, [&](const Expanded& c) {
      char cat = CategoryOf(r.types, c.declared[i]);
      return cat == chosen ? 1 + IsPreferred(r.types, c.declared[i]) : 0;
    });
  }
  if (live.size() == 1) return done(live[0]);

  // Unknowns take the type of the known arguments when those all agree.
  Oid known = oid::kInvalid;
  bool same = true;
  for (Oid a : actual) {
    if (a == oid::kUnknown) continue;
    if (known != oid::kInvalid && known != a) same = false;
    known = a;
  }
  if (same && known != oid::kInvalid) {
    for (const Expanded& c : live) {
      bool all = true;
      for (size_t i = 0; i < actual.size(); ++i) all &= c.bound[i] == known;
      if (all) return done(c);
    }
  }
  return Status::Error(sqlstate::kAmbiguousFunction, "ambiguous call");
}

// "lower(integer)" for error messages.
std::string CallSignature(const types::TypeRegistry& types, std::string_view name,
                          std::span<const Oid> actual) {
  std::string s(name);
  s += "(";
  for (size_t i = 0; i < actual.size(); ++i) {
    if (i > 0) s += ", ";
    s += types::FormatType(types, actual[i], -1);
  }
  return s + ")";
}

Oid ResolveReturnType(Oid declared, Oid anyelement, const types::TypeRegistry& types) {
  if (declared == types::oid::kAnyElement) return anyelement;
  if (declared == types::oid::kAnyArray) {
    const types::TypeInfo* arr = types.ArrayOf(anyelement);
    return arr == nullptr ? types::oid::kInvalid : arr->oid;
  }
  return declared;
}

Result<Oid> SelectCommonType(std::span<const Oid> types_in, std::string_view context,
                             const Registries& r) {
  Oid ptype = oid::kInvalid;
  for (Oid t : types_in) {
    if (t == oid::kUnknown) continue;
    if (ptype == oid::kInvalid) {
      ptype = t;
      continue;
    }
    if (t == ptype) continue;
    char pcat = CategoryOf(r.types, ptype), ncat = CategoryOf(r.types, t);
    if (pcat != ncat) {
      return Status::Error(sqlstate::kDatatypeMismatch,
                           std::string(context) + " types " +
                               types::FormatType(r.types, ptype, -1) + " and " +
                               types::FormatType(r.types, t, -1) + " cannot be matched");
    }
    if (!IsPreferred(r.types, ptype) &&
        r.casts.CanCoerce(ptype, t, CoercionContext::kImplicit, r.types) &&
        !r.casts.CanCoerce(t, ptype, CoercionContext::kImplicit, r.types)) {
      ptype = t;
    }
  }
  return ptype == oid::kInvalid ? oid::kText : ptype;
}

}  // namespace db9::functions

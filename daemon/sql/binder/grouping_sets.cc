#include "daemon/sql/binder/grouping_sets.h"

namespace db9::sql {
namespace {

using Set = std::vector<int>;
using Sets = std::vector<Set>;

constexpr size_t kMaxSets = 4096;

class Expander {
 public:
  explicit Expander(GroupingExpansion* out) : out_(out) {}

  // The index of `node` among the distinct items.
  int Item(const pg_query::Node& node) {
    std::string key = NodeKey(node);
    for (size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] == key) return static_cast<int>(i);
    }
    keys_.push_back(std::move(key));
    out_->items.push_back(&node);
    return static_cast<int>(out_->items.size() - 1);
  }

  // One unit of ROLLUP/CUBE: an expression, or (a, b) grouped together.
  Set Unit(const pg_query::Node& node) {
    Set unit;
    if (node.has_row_expr()) {
      for (const pg_query::Node& a : node.row_expr().args()) unit.push_back(Item(a));
    } else if (node.has_grouping_set() && node.grouping_set().kind() == pg_query::GROUPING_SET_SIMPLE) {
      for (const pg_query::Node& a : node.grouping_set().content()) unit.push_back(Item(a));
    } else if (!(node.has_grouping_set() && node.grouping_set().kind() == pg_query::GROUPING_SET_EMPTY)) {
      unit.push_back(Item(node));
    }
    return unit;
  }

  // The sets one GROUP BY element stands for.
  Result<Sets> Expand(const pg_query::Node& node) {
    if (!node.has_grouping_set()) return Sets{Unit(node)};
    const pg_query::GroupingSet& g = node.grouping_set();
    switch (g.kind()) {
      case pg_query::GROUPING_SET_EMPTY: return Sets{Set{}};
      case pg_query::GROUPING_SET_SIMPLE: return Sets{Unit(node)};
      case pg_query::GROUPING_SET_ROLLUP: {
        std::vector<Set> units;
        for (const pg_query::Node& c : g.content()) units.push_back(Unit(c));
        Sets sets;
        for (size_t n = units.size() + 1; n-- > 0;) {
          Set s;
          for (size_t i = 0; i < n; ++i) s.insert(s.end(), units[i].begin(), units[i].end());
          sets.push_back(std::move(s));
        }
        return sets;
      }
      case pg_query::GROUPING_SET_CUBE: {
        std::vector<Set> units;
        for (const pg_query::Node& c : g.content()) units.push_back(Unit(c));
        if (units.size() > 12) return TooMany();
        Sets sets;
        // Largest sets first, as PostgreSQL lists them.
        const size_t all = (size_t{1} << units.size()) - 1;
        for (size_t mask = all + 1; mask-- > 0;) {
          Set s;
          for (size_t i = 0; i < units.size(); ++i) {
            if ((mask >> (units.size() - 1 - i)) & 1) s.insert(s.end(), units[i].begin(), units[i].end());
          }
          sets.push_back(std::move(s));
        }
        return sets;
      }
      case pg_query::GROUPING_SET_SETS: {
        Sets sets;
        for (const pg_query::Node& c : g.content()) {
          DB9_ASSIGN_OR_RETURN(Sets inner, Expand(c));
          sets.insert(sets.end(), inner.begin(), inner.end());
          if (sets.size() > kMaxSets) return TooMany();
        }
        return sets;
      }
      default: return NotSupported("this grouping set", g.location());
    }
  }

  static Status TooMany() {
    return Status::Error(sqlstate::kProgramLimitExceeded, "too many grouping sets present (maximum 4096)");
  }

 private:
  GroupingExpansion* out_;
  std::vector<std::string> keys_;
};

}  // namespace

Result<ExprPtr> BindGroupingFunction(Binder::AggregateState& state, const pg_query::GroupingFunc& call,
                                     const std::string& key) {
  const size_t groups = state.group_exprs.size();
  for (size_t i = 0; i < state.call_keys.size(); ++i) {
    if (state.call_keys[i] == key) {
      return ExprPtr(std::make_shared<ColumnExpr>(static_cast<int>(groups + i), 0, types::oid::kInt4, -1));
    }
  }
  if (call.args_size() > 31) {
    return Status::Error(sqlstate::kProgramLimitExceeded, "GROUPING must have fewer than 32 arguments")
        .WithPosition(call.location() + 1);
  }
  AggregateCall grouping;
  grouping.result_type = types::oid::kInt4;
  for (const pg_query::Node& arg : call.args()) {
    std::string arg_key = NodeKey(arg);
    int found = -1;
    for (size_t g = 0; g < groups && found < 0; ++g) {
      if (state.group_keys[g] == arg_key) found = static_cast<int>(g);
    }
    if (found < 0) {
      return Status::Error(sqlstate::kGroupingError,
                           "arguments to GROUPING must be grouping expressions of the associated query level")
          .WithPosition(call.location() + 1);
    }
    grouping.grouping_of.push_back(found);
  }
  state.calls.push_back(std::move(grouping));
  state.call_keys.push_back(key);
  return ExprPtr(std::make_shared<ColumnExpr>(static_cast<int>(groups + state.calls.size() - 1), 0,
                                              types::oid::kInt4, -1));
}

Result<GroupingExpansion> ExpandGroupBy(
    const google::protobuf::RepeatedPtrField<pg_query::Node>& group_clause) {
  GroupingExpansion out;
  Expander expander(&out);
  bool any_sets = false;
  for (const pg_query::Node& g : group_clause) any_sets |= g.has_grouping_set();
  if (!any_sets) {
    for (const pg_query::Node& g : group_clause) out.items.push_back(&g);
    return out;
  }
  // The cross product of each element's sets.
  Sets result{Set{}};
  for (const pg_query::Node& g : group_clause) {
    DB9_ASSIGN_OR_RETURN(Sets sets, expander.Expand(g));
    Sets next;
    for (const Set& left : result) {
      for (const Set& right : sets) {
        Set s = left;
        s.insert(s.end(), right.begin(), right.end());
        next.push_back(std::move(s));
        if (next.size() > kMaxSets) return Expander::TooMany();
      }
    }
    result = std::move(next);
  }
  out.sets = std::move(result);
  return out;
}

}  // namespace db9::sql

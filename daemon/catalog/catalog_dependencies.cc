// CatalogState: what depends on what. Views record the relations they read
// (View::depends_on); DROP uses these to refuse or cascade, and a dump to
// create views after the views they read.
#include <set>

#include "daemon/catalog/catalog.h"

namespace db9::catalog {
namespace {

// Appends `view` after every view it reads from (depth first), once.
void AppendAfterDependencies(const CatalogState& state, const View& view, std::set<Oid>* placed,
                             std::vector<const View*>* out) {
  if (!placed->insert(view.oid).second) return;
  for (Oid dependency : view.depends_on) {
    if (const View* read = state.ViewByOid(dependency)) {
      AppendAfterDependencies(state, *read, placed, out);
    }
  }
  out->push_back(&view);
}

}  // namespace

std::vector<const View*> CatalogState::DependentViews(Oid oid) const {
  // Breadth first over "is read by", then ordered so a view comes after the
  // views it reads (callers drop in reverse, create in order).
  std::set<Oid> found;
  std::vector<Oid> frontier{oid};
  while (!frontier.empty()) {
    Oid current = frontier.back();
    frontier.pop_back();
    for (const auto& [view_oid, view] : views_) {
      if (found.count(view_oid) > 0) continue;
      for (Oid dependency : view.depends_on) {
        if (dependency != current) continue;
        found.insert(view_oid);
        frontier.push_back(view_oid);
        break;
      }
    }
  }
  std::vector<const View*> ordered;
  for (const View* view : ViewsInDependencyOrder()) {
    if (found.count(view->oid) > 0) ordered.push_back(view);
  }
  return ordered;
}

std::vector<const View*> CatalogState::ViewsInDependencyOrder() const {
  std::set<Oid> placed;
  std::vector<const View*> out;
  for (const auto& [oid, view] : views_) AppendAfterDependencies(*this, view, &placed, &out);
  return out;
}

bool CatalogState::NamespaceHasObjects(Oid namespace_oid) const {
  for (const auto& [oid, table] : tables_) {
    if (table.namespace_oid == namespace_oid) return true;
  }
  for (const auto& [oid, sequence] : sequences_) {
    if (sequence.namespace_oid == namespace_oid) return true;
  }
  for (const auto& [oid, view] : views_) {
    if (view.namespace_oid == namespace_oid) return true;
  }
  return false;
}

}  // namespace db9::catalog

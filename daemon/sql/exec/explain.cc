#include "daemon/sql/exec/explain.h"

namespace db9::sql {
namespace {

// `indent` is where the node's "->  " arrow starts (the root has none).
void Render(const Operator& op, size_t indent, bool root, std::vector<std::string>* out) {
  ExplainNode node = op.Explain();
  if (node.label.empty() && node.inputs.size() == 1) {
    Render(*node.inputs[0], indent, root, out);
    return;
  }
  out->push_back(std::string(indent, ' ') + (root ? "" : "->  ") + node.label);
  // PostgreSQL puts details and inputs two columns past the label's start.
  const size_t inner = root ? 2 : indent + 6;
  for (const std::string& detail : node.details) {
    out->push_back(std::string(inner, ' ') + detail);
  }
  for (const Operator* input : node.inputs) Render(*input, inner, false, out);
}

}  // namespace

std::vector<std::string> ExplainPlan(const Operator& root) {
  std::vector<std::string> lines;
  Render(root, 0, true, &lines);
  return lines;
}

}  // namespace db9::sql

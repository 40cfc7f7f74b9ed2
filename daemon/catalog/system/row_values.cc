#include "daemon/catalog/system/row_values.h"

#include "daemon/functions/registries.h"
#include "daemon/types/type_registry.h"

namespace db9::catalog::system {
namespace {

// The quoting array_in needs: elements with separators, quotes, braces,
// backslashes or spaces (or empty, or spelled NULL) go in double quotes.
std::string QuoteElement(const std::string& element) {
  bool needs_quotes = element.empty() || element == "NULL" || element == "null";
  for (char c : element) {
    if (c == ',' || c == '"' || c == '\\' || c == '{' || c == '}' || c == ' ' || c == '\t' ||
        c == '\n') {
      needs_quotes = true;
    }
  }
  if (!needs_quotes) return element;
  std::string out = "\"";
  for (char c : element) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

Result<Value> ParseWithBuiltinTypes(Oid type, const std::string& text) {
  static const types::IoContext kIo;
  return types::ParseText(functions::BuiltinRegistries().types, type, text, -1, kIo);
}

}  // namespace

Result<Value> ArrayV(Oid array_type, const std::vector<std::string>& elements) {
  std::string text = "{";
  for (size_t i = 0; i < elements.size(); ++i) {
    if (i > 0) text += ',';
    text += QuoteElement(elements[i]);
  }
  text += '}';
  return ParseWithBuiltinTypes(array_type, text);
}

Result<Value> IntArrayV(Oid array_type, const std::vector<int64_t>& elements) {
  std::vector<std::string> texts;
  texts.reserve(elements.size());
  for (int64_t e : elements) texts.push_back(std::to_string(e));
  return ArrayV(array_type, texts);
}

Result<Value> VectorV(Oid vector_type, const std::vector<int64_t>& elements) {
  std::string text;
  for (size_t i = 0; i < elements.size(); ++i) {
    if (i > 0) text += ' ';
    text += std::to_string(elements[i]);
  }
  return ParseWithBuiltinTypes(vector_type, text);
}

}  // namespace db9::catalog::system

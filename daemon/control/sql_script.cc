#include "daemon/control/sql_script.h"

#include <cctype>

namespace db9::control {

namespace {

bool StartsWithWord(std::string_view text, std::string_view word) {
  if (text.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != word[i]) return false;
  }
  return text.size() == word.size() || std::isspace(static_cast<unsigned char>(text[word.size()]));
}

bool EndsWithWords(std::string_view text, std::string_view words) {
  if (text.size() < words.size()) return false;
  std::string_view tail = text.substr(text.size() - words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(tail[i])) != words[i]) return false;
  }
  return text.size() == words.size() ||
         std::isspace(static_cast<unsigned char>(text[text.size() - words.size() - 1]));
}

std::string_view Trim(std::string_view line) {
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
  return line;
}

// "COPY <anything> FROM stdin;" on a line of its own.
bool IsCopyFromStdin(std::string_view line) {
  line = Trim(line);
  if (!StartsWithWord(line, "copy") || line.back() != ';') return false;
  line = Trim(line.substr(0, line.size() - 1));
  if (!EndsWithWords(line, "stdin")) return false;
  line = Trim(line.substr(0, line.size() - 5));
  return EndsWithWords(line, "from");
}

}  // namespace

std::vector<ScriptPart> SplitScript(std::string_view script) {
  std::vector<ScriptPart> parts;
  size_t part_start = 0;
  size_t pos = 0;
  while (pos < script.size()) {
    size_t newline = script.find('\n', pos);
    size_t line_end = newline == std::string_view::npos ? script.size() : newline + 1;
    if (!IsCopyFromStdin(script.substr(pos, line_end - pos))) {
      pos = line_end;
      continue;
    }
    ScriptPart part{script.substr(part_start, line_end - part_start), part_start, std::nullopt};
    size_t data_start = line_end;
    size_t data_end = data_start;
    pos = data_start;
    while (pos < script.size()) {
      newline = script.find('\n', pos);
      line_end = newline == std::string_view::npos ? script.size() : newline + 1;
      std::string_view line = script.substr(pos, line_end - pos);
      if (line == "\\.\n" || line == "\\.\r\n" || line == "\\.") break;
      pos = line_end;
      data_end = line_end;
    }
    part.copy_data = script.substr(data_start, data_end - data_start);
    parts.push_back(part);
    pos = line_end;  // past the "\." line (or the end)
    part_start = pos;
  }
  if (part_start < script.size()) {
    parts.push_back({script.substr(part_start), part_start, std::nullopt});
  }
  return parts;
}

}  // namespace db9::control

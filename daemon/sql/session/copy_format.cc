#include "daemon/sql/session/copy_format.h"

namespace db9::sql {
namespace {

Status BadCopy(std::string message) {
  return Status::Error(sqlstate::kBadCopyFileFormat, std::move(message));
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

size_t CopyReader::CsvRecordEnd() const {
  bool quoted = false;
  for (size_t i = position_; i < buffer_.size(); ++i) {
    char c = buffer_[i];
    if (quoted) {
      if (c == options_.escape && options_.escape != options_.quote && i + 1 < buffer_.size()) {
        ++i;
      } else if (c == options_.quote) {
        quoted = false;
      }
    } else if (c == options_.quote) {
      quoted = true;
    } else if (c == '\n') {
      return i;
    }
  }
  return std::string::npos;
}

Result<std::optional<CopyFields>> CopyReader::Next(bool at_end) {
  while (!finished_) {
    size_t end = options_.csv ? CsvRecordEnd() : buffer_.find('\n', position_);
    if (end == std::string::npos) {
      if (!at_end || position_ >= buffer_.size()) {
        if (at_end) finished_ = true;
        // Keep memory bounded: drop consumed bytes.
        buffer_.erase(0, position_);
        position_ = 0;
        return std::optional<CopyFields>();
      }
      end = buffer_.size();
    }
    std::string_view line(buffer_.data() + position_, end - position_);
    position_ = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "\\.") {
      finished_ = true;
      return std::optional<CopyFields>();
    }
    if (options_.header) {
      options_.header = false;
      continue;
    }
    Result<CopyFields> fields = options_.csv ? ParseCsv(line) : ParseText(line);
    if (!fields.ok()) return fields.status();
    return std::optional<CopyFields>(std::move(fields).value());
  }
  return std::optional<CopyFields>();
}

Result<CopyFields> CopyReader::ParseText(std::string_view line) const {
  CopyFields fields;
  std::string raw;       // as written, to compare with the NULL string
  std::string value;
  auto finish = [&] {
    if (raw == options_.null_string) {
      fields.emplace_back(std::nullopt);
    } else {
      fields.emplace_back(value);
    }
    raw.clear();
    value.clear();
  };
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == options_.delimiter) {
      finish();
      continue;
    }
    raw += c;
    if (c != '\\' || i + 1 >= line.size()) {
      value += c;
      continue;
    }
    char e = line[++i];
    raw += e;
    switch (e) {
      case 'b': value += '\b'; break;
      case 'f': value += '\f'; break;
      case 'n': value += '\n'; break;
      case 'r': value += '\r'; break;
      case 't': value += '\t'; break;
      case 'v': value += '\v'; break;
      case 'x': {
        int v = 0, digits = 0;
        while (digits < 2 && i + 1 < line.size() && HexValue(line[i + 1]) >= 0) {
          v = v * 16 + HexValue(line[++i]);
          raw += line[i];
          ++digits;
        }
        if (digits == 0) value += 'x'; else value += static_cast<char>(v);
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int v = e - '0', digits = 1;
          while (digits < 3 && i + 1 < line.size() && line[i + 1] >= '0' && line[i + 1] <= '7') {
            v = v * 8 + (line[++i] - '0');
            raw += line[i];
            ++digits;
          }
          value += static_cast<char>(v);
        } else {
          value += e;  // \\ and any other escaped character stand for themselves
        }
    }
  }
  finish();
  return fields;
}

Result<CopyFields> CopyReader::ParseCsv(std::string_view record) const {
  CopyFields fields;
  size_t i = 0;
  while (true) {
    std::string value;
    bool quoted_any = false;
    bool in_quotes = false;
    while (i < record.size()) {
      char c = record[i];
      if (in_quotes) {
        if (c == options_.escape && i + 1 < record.size() && record[i + 1] == options_.quote) {
          value += options_.quote;
          i += 2;
          continue;
        }
        if (c == options_.quote) {
          in_quotes = false;
          ++i;
          continue;
        }
        value += c;
        ++i;
      } else {
        if (c == options_.delimiter) break;
        if (c == options_.quote) {
          in_quotes = true;
          quoted_any = true;
          ++i;
          continue;
        }
        value += c;
        ++i;
      }
    }
    if (in_quotes) return BadCopy("unterminated CSV quoted field");
    // CSV: an unquoted field equal to the NULL string (default: empty) is NULL.
    if (!quoted_any && value == options_.null_string) {
      fields.emplace_back(std::nullopt);
    } else {
      fields.emplace_back(std::move(value));
    }
    if (i >= record.size()) break;
    ++i;  // delimiter
  }
  return fields;
}

std::string FormatCopyRow(const CopyOptions& options, const CopyFields& fields) {
  std::string out;
  for (size_t f = 0; f < fields.size(); ++f) {
    if (f) out += options.delimiter;
    if (!fields[f]) {
      out += options.null_string;
      continue;
    }
    const std::string& v = *fields[f];
    if (options.csv) {
      bool needs = v.empty() && options.null_string.empty();
      for (char c : v) {
        needs |= c == options.delimiter || c == options.quote || c == '\n' || c == '\r';
      }
      if (!needs) {
        out += v;
        continue;
      }
      out += options.quote;
      for (char c : v) {
        if (c == options.quote || c == options.escape) out += options.escape;
        out += c;
      }
      out += options.quote;
      continue;
    }
    for (char c : v) {
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\v': out += "\\v"; break;
        default:
          if (c == options.delimiter) out += '\\';
          out += c;
      }
    }
  }
  out += '\n';
  return out;
}

}  // namespace db9::sql

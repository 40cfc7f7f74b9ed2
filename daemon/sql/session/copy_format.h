// COPY's text and CSV line formats: splitting a line into fields (with
// NULLs) and writing fields back, as PostgreSQL's COPY does.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/base/result.h"

namespace db9::sql {

struct CopyOptions {
  bool csv = false;
  bool header = false;
  char delimiter = '\t';
  char quote = '"';
  char escape = '"';
  std::string null_string = "\\N";
};

using CopyFields = std::vector<std::optional<std::string>>;

// Incremental reader: feed CopyData payloads, take complete rows.
class CopyReader {
 public:
  explicit CopyReader(const CopyOptions& options) : options_(options) {}
  void Feed(std::string_view data) { buffer_.append(data); }
  // Next complete row; nullopt when more data is needed (or at the end
  // marker "\."). `at_end` says no more data will come: the last line may
  // lack its newline.
  Result<std::optional<CopyFields>> Next(bool at_end);
  bool finished() const { return finished_; }

 private:
  Result<CopyFields> ParseText(std::string_view line) const;
  Result<CopyFields> ParseCsv(std::string_view record) const;
  // End of the next CSV record (newline outside quotes), or npos.
  size_t CsvRecordEnd() const;

  CopyOptions options_;
  std::string buffer_;
  size_t position_ = 0;
  bool finished_ = false;
};

// One output row (with its newline).
std::string FormatCopyRow(const CopyOptions& options, const CopyFields& fields);

}  // namespace db9::sql

// ExportWriter: writes result rows as CSV or JSON to a QIODevice, a batch at
// a time, so a table is exported page by page and never held whole.
//
// CSV follows RFC 4180 and PostgreSQL's COPY ... CSV: a header line of column
// names; a field is quoted when it holds a comma, a quote, a line break or
// outer spaces (quotes doubled); SQL NULL is an empty unquoted field and the
// empty string a quoted "" so the two stay apart.
//
// JSON is one array of objects keyed by column name, one object per line.
// NULL is null; booleans and finite numbers are JSON literals; json/jsonb
// values are embedded as JSON, not as strings; everything else is a string.
#pragma once

#include <QString>

#include <vector>

#include "shared/control/types.h"

class QIODevice;

namespace db9::gui {

enum class ExportFormat { kCsv, kJson };

class ExportWriter {
 public:
  // REQUIRES: `out` is open for writing and outlives the writer.
  ExportWriter(QIODevice* out, ExportFormat format);

  void begin(const std::vector<control::ResultColumn>& columns);
  void writeRows(const std::vector<control::ResultRow>& rows);
  void finish();
  // False once a write failed (disk full, ...).
  bool ok() const { return ok_; }

  // The format a file name asks for (".json" -> JSON, else CSV).
  static ExportFormat FormatForPath(const QString& path);

 private:
  void write(const std::string& text);
  std::string csvRow(const control::ResultRow& row) const;
  std::string jsonRow(const control::ResultRow& row) const;

  QIODevice* out_;
  ExportFormat format_;
  std::vector<control::ResultColumn> columns_;
  bool firstRow_ = true;
  bool ok_ = true;
};

}  // namespace db9::gui

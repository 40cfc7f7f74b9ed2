// How a value in PostgreSQL text form is shown in a grid cell: one line,
// short. Vectors of many dimensions are abbreviated ("[0.12, 0.5, … 384
// dims]"), JSON and long text are cut to a line; the side viewer and the
// tooltip show values whole. Shared by the table rows and console results.
#pragma once

#include <QString>
#include <QVariant>

#include <optional>
#include <string>

namespace db9::gui {

// The most characters a cell shows before it is cut with "…".
inline constexpr int kMaxCellChars = 200;
// Vectors with more dimensions than this show the first few and the count.
inline constexpr int kVectorDimsShown = 3;

// `type` is the result column's type name ("vector", "jsonb", "int4").
QString CellDisplayText(const std::string& value, const std::string& type);
bool IsJsonType(const std::string& type);
bool IsVectorType(const std::string& type);
// Numbers are right-aligned like in psql.
bool IsNumericType(const std::string& type);

// Item data for `role` of a cell holding `value` (nullopt: SQL NULL, shown
// as a dimmed italic "NULL"). Display: the one-line form above; Edit: the
// full text; ToolTip: the full text when the cell cuts it.
QVariant CellData(const std::optional<std::string>& value, const std::string& type, int role);
// A role that is true for SQL NULL, so views tell it from the text 'NULL'.
inline constexpr int kIsNullRole = Qt::UserRole + 1;

}  // namespace db9::gui

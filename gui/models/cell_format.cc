#include "gui/models/cell_format.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QStringList>

namespace db9::gui {
namespace {

// pgvector prints "[1,2.5,3]"; the cell shows "[1, 2.5, 3, … 384 dims]".
QString CompactVector(const QString& text) {
  if (!text.startsWith(QLatin1Char('[')) || !text.endsWith(QLatin1Char(']'))) return text;
  const QStringList parts = text.mid(1, text.size() - 2).split(QLatin1Char(','), Qt::SkipEmptyParts);
  if (parts.size() <= kVectorDimsShown + 1) return text;
  QStringList shown;
  for (int i = 0; i < kVectorDimsShown; ++i) shown << parts[i].trimmed();
  return QStringLiteral("[%1, … %2 dims]").arg(shown.join(QStringLiteral(", "))).arg(parts.size());
}

QString OneLine(QString text) {
  // Line breaks would make rows of different heights; a cell is one line.
  text.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
  text.replace(QLatin1Char('\r'), QString());
  if (text.size() > kMaxCellChars) text = text.left(kMaxCellChars) + QStringLiteral("…");
  return text;
}

}  // namespace

bool IsJsonType(const std::string& type) { return type == "jsonb" || type == "json"; }

bool IsVectorType(const std::string& type) { return type == "vector" || type == "halfvec"; }

bool IsNumericType(const std::string& type) {
  return type == "int2" || type == "int4" || type == "int8" || type == "float4" ||
         type == "float8" || type == "numeric" || type == "oid";
}

QString CellDisplayText(const std::string& value, const std::string& type) {
  const QString text = QString::fromStdString(value);
  if (IsVectorType(type)) return CompactVector(text);
  return OneLine(text);
}

QVariant CellData(const std::optional<std::string>& value, const std::string& type, int role) {
  switch (role) {
    case kIsNullRole:
      return !value.has_value();
    case Qt::DisplayRole:
      return value ? CellDisplayText(*value, type) : QStringLiteral("NULL");
    case Qt::EditRole:
      return value ? QString::fromStdString(*value) : QString();
    case Qt::ToolTipRole: {
      if (!value) return QCoreApplication::translate("CellData", "SQL NULL (no value)");
      const QString full = QString::fromStdString(*value);
      // Long values are cut by the cell; the tooltip shows them whole (up to
      // a screenful: the side viewer is there for bigger ones).
      return full.size() > 40 || full != CellDisplayText(*value, type) ? QVariant(full.left(2000))
                                                                        : QVariant();
    }
    case Qt::FontRole:
      if (!value) {
        QFont font;
        font.setItalic(true);
        return font;
      }
      return {};
    case Qt::ForegroundRole:
      if (!value) return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
      return {};
    case Qt::TextAlignmentRole:
      if (IsNumericType(type)) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      return {};
  }
  return {};
}

}  // namespace db9::gui

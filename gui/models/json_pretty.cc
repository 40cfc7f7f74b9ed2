#include "gui/models/json_pretty.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace db9::gui {
namespace {

void NewLine(QString& out, int depth) {
  out += QLatin1Char('\n');
  out += QString(depth * 2, QLatin1Char(' '));
}

}  // namespace

QString PrettyJson(const QString& json) {
  // Validate first (Qt's parser accepts exactly JSON); format by hand.
  QJsonParseError error{};
  const QByteArray utf8 = json.toUtf8();
  QJsonDocument::fromJson(utf8, &error);
  const QString trimmed = json.trimmed();
  const bool scalar = !trimmed.startsWith(QLatin1Char('{')) && !trimmed.startsWith(QLatin1Char('['));
  if (scalar || error.error != QJsonParseError::NoError) return json;

  QString out;
  out.reserve(json.size() * 2);
  int depth = 0;
  bool inString = false;
  for (int i = 0; i < trimmed.size(); ++i) {
    const QChar c = trimmed[i];
    if (inString) {
      out += c;
      if (c == QLatin1Char('\\') && i + 1 < trimmed.size()) {
        out += trimmed[++i];
      } else if (c == QLatin1Char('"')) {
        inString = false;
      }
      continue;
    }
    switch (c.unicode()) {
      case '"':
        inString = true;
        out += c;
        break;
      case '{':
      case '[': {
        // Empty containers stay on one line: {} and [].
        int j = i + 1;
        while (j < trimmed.size() && trimmed[j].isSpace()) ++j;
        const QChar close = c == QLatin1Char('{') ? QLatin1Char('}') : QLatin1Char(']');
        if (j < trimmed.size() && trimmed[j] == close) {
          out += c;
          out += close;
          i = j;
          break;
        }
        out += c;
        NewLine(out, ++depth);
        break;
      }
      case '}':
      case ']':
        NewLine(out, --depth);
        out += c;
        break;
      case ',':
        out += c;
        NewLine(out, depth);
        break;
      case ':':
        out += QStringLiteral(": ");
        break;
      default:
        if (!c.isSpace()) out += c;
    }
  }
  return out;
}

}  // namespace db9::gui

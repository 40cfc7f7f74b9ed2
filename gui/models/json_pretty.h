// PrettyJson: re-indents JSON text (as jsonb prints it) for people, two
// spaces per level. It works on the characters, not on parsed values, so
// numbers keep every digit (a parser to double would round 12345678901234567890)
// and key order stays as the database gave it. Text that is not JSON comes
// back unchanged.
#pragma once

#include <QString>

namespace db9::gui {

QString PrettyJson(const QString& json);

}  // namespace db9::gui

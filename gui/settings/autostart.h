// Starting db9d when the user logs in, through an XDG autostart entry
// ($XDG_CONFIG_HOME/autostart/db9d.desktop), which every freedesktop session
// (GNOME, KDE, Xfce, ...) runs at login.
#pragma once

#include <QString>
#include <QStringList>

#include "shared/base/status.h"

namespace db9::gui {

QString AutostartEntryPath();
bool IsAutostartEnabled();
// enabled: writes the entry to run `program arguments...`; otherwise removes it.
Status SetAutostart(bool enabled, const QString& program, const QStringList& arguments);

}  // namespace db9::gui

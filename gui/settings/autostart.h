// Starting db9d when the user logs in, by exactly one mechanism, chosen in
// one place (ChooseAutostartMechanism):
// - the systemd user unit db9d.service (packaging/systemd), enabled with
//   `systemctl --user enable`, when a systemd user manager runs and knows
//   that unit: systemd then also restarts a crashed daemon;
// - otherwise an XDG autostart entry ($XDG_CONFIG_HOME/autostart/db9d.desktop)
//   running db9d, which every freedesktop session runs at login.
// Whichever is used, what the other would start is removed, so after a
// change of mechanism db9d is never started twice.
#pragma once

#include <QString>
#include <QStringList>

#include "shared/base/result.h"

namespace db9::gui {

enum class AutostartMechanism { kSystemdUnit, kXdgEntry };

// What `systemctl --user` says about this login.
struct SystemdUserState {
  bool managerRunning = false;  // a user manager answers
  bool unitInstalled = false;   // it knows db9d.service
};

// The one decision: the unit when the manager runs and has it, else the entry.
AutostartMechanism ChooseAutostartMechanism(const SystemdUserState& state);
// Asks systemctl (a few milliseconds; false/false where there is none).
SystemdUserState ProbeSystemdUser();
// For people: "the systemd user unit db9d.service" / "the autostart entry <path>".
QString DescribeAutostart(AutostartMechanism mechanism);

QString AutostartEntryPath();
// Whether `mechanism` starts db9d at login now.
bool IsAutostartEnabled(AutostartMechanism mechanism);
// Enables or disables start at login through `mechanism` (db9d's `program
// arguments...` for the entry; the unit runs db9d with its defaults) and
// removes the entry when the unit is used.
Status ApplyAutostart(AutostartMechanism mechanism, bool enabled, const QString& program,
                      const QStringList& arguments);
// ApplyAutostart with the chosen mechanism; returns the one it used.
Result<AutostartMechanism> SetAutostart(bool enabled, const QString& program,
                                        const QStringList& arguments);

}  // namespace db9::gui

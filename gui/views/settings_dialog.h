// SettingsDialog: the app's preferences — the daemon's port, data directory
// and control socket (used when the app starts db9d), starting db9d at
// login, the theme, and whether closing the window keeps the app in the tray.
// It edits AppSettings; applying them (theme, autostart entry) is the
// caller's job after accept().
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace db9::gui {

class AppSettings;

class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  SettingsDialog(AppSettings* settings, QWidget* parent = nullptr);
  // Writes the edited values to the settings.
  void save();

 private:
  AppSettings* settings_;
  QCheckBox* startAtLogin_;
  QSpinBox* port_;
  QLineEdit* dataDir_;
  QLineEdit* controlSocket_;
  QComboBox* theme_;
  QCheckBox* closeToTray_;
};

}  // namespace db9::gui

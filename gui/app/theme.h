// Light and dark looks. "Follow the system" keeps the platform's style and
// palette, and switches to our dark palette when the platform's is dark
// (Qt 6.4 has no colour-scheme hint, so the palette's window colour decides);
// it re-applies when the desktop's theme changes while the app runs.
// ThemeManager is the only code that sets the application style or palette.
#pragma once

#include <QObject>
#include <QPalette>
#include <QString>

#include "gui/settings/app_settings.h"

namespace db9::gui {

class ThemeManager : public QObject {
  Q_OBJECT
 public:
  // REQUIRES: a QApplication exists. Remembers the platform's look.
  explicit ThemeManager(QObject* parent = nullptr);

  void apply(ThemeChoice choice);
  bool isDark() const { return dark_; }

 signals:
  void darkChanged(bool dark);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  static bool platformIsDark();

  ThemeChoice choice_ = ThemeChoice::kSystem;
  QString platformStyle_;
  bool dark_ = false;
  bool applying_ = false;
};

QPalette DarkPalette();

}  // namespace db9::gui

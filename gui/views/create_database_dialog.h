// CreateDatabaseDialog: asks for a name and a password, both optional (the
// daemon generates what is left empty). Names are checked as they are typed
// against the daemon's rule, so a bad one is explained before it is sent.
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace db9::gui {

class CreateDatabaseDialog : public QDialog {
  Q_OBJECT
 public:
  explicit CreateDatabaseDialog(QWidget* parent = nullptr);

  QString name() const;
  QString password() const;

 private:
  void validate();

  QLineEdit* name_;
  QLineEdit* password_;
  QLabel* problem_;
  QDialogButtonBox* buttons_;
};

// The daemon's database name rule: 1 to 63 lowercase letters, digits and
// hyphens, starting with a letter or digit. Returns what is wrong, or an
// empty string when `name` is fine.
QString DatabaseNameProblem(const QString& name);

}  // namespace db9::gui

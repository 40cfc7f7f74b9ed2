#include "gui/views/create_database_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include "gui/views/icons.h"

namespace db9::gui {

QString DatabaseNameProblem(const QString& name) {
  if (name.isEmpty()) return QObject::tr("A name is needed.");
  if (name.size() > 63) return QObject::tr("A name has at most 63 characters.");
  static const QRegularExpression kAllowed(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
  if (!kAllowed.match(name).hasMatch()) {
    return QObject::tr("Use lowercase letters, digits and hyphens, starting with a letter or digit.");
  }
  return {};
}

CreateDatabaseDialog::CreateDatabaseDialog(QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("New database"));

  name_ = new QLineEdit(this);
  name_->setObjectName(QStringLiteral("nameEdit"));
  name_->setPlaceholderText(tr("generated, e.g. brave-tiger-42"));
  name_->setMaxLength(63);

  password_ = new QLineEdit(this);
  password_->setObjectName(QStringLiteral("passwordEdit"));
  password_->setPlaceholderText(tr("generated"));
  password_->setEchoMode(QLineEdit::Password);
  QAction* reveal = password_->addAction(ActionIcon(QStringLiteral("eye")), QLineEdit::TrailingPosition);
  reveal->setCheckable(true);
  reveal->setToolTip(tr("Show password"));
  connect(reveal, &QAction::toggled, this, [this, reveal](bool shown) {
    password_->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    reveal->setIcon(ActionIcon(shown ? QStringLiteral("eye-off") : QStringLiteral("eye")));
    reveal->setToolTip(shown ? tr("Hide password") : tr("Show password"));
  });

  problem_ = new QLabel(this);
  problem_->setObjectName(QStringLiteral("problemLabel"));
  problem_->setWordWrap(true);
  problem_->setStyleSheet(QStringLiteral("color: #c62828;"));
  problem_->hide();

  auto* explain = new QLabel(
      tr("Leave a field empty to have one generated. You can see the password again "
         "later in the connection panel."),
      this);
  explain->setWordWrap(true);

  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("Create"));
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* form = new QFormLayout;
  form->addRow(tr("&Name:"), name_);
  form->addRow(tr("&Password:"), password_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(problem_);
  layout->addWidget(explain);
  layout->addWidget(buttons_);

  connect(name_, &QLineEdit::textChanged, this, &CreateDatabaseDialog::validate);
  setMinimumWidth(420);
}

QString CreateDatabaseDialog::name() const { return name_->text().trimmed(); }
QString CreateDatabaseDialog::password() const { return password_->text(); }

void CreateDatabaseDialog::validate() {
  const QString problem = name().isEmpty() ? QString() : DatabaseNameProblem(name());
  problem_->setText(problem);
  problem_->setVisible(!problem.isEmpty());
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

}  // namespace db9::gui

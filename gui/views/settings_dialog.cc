#include "gui/views/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "gui/settings/app_settings.h"
#include "gui/settings/autostart.h"

namespace db9::gui {

SettingsDialog::SettingsDialog(AppSettings* settings, QWidget* parent)
    : QDialog(parent), settings_(settings) {
  setWindowTitle(tr("Settings"));

  startAtLogin_ = new QCheckBox(tr("Start db9d when I log in"), this);
  startAtLogin_->setObjectName(QStringLiteral("startAtLogin"));
  const AutostartMechanism mechanism = ChooseAutostartMechanism(ProbeSystemdUser());
  // Before the one-time question is answered, show what is really set up.
  startAtLogin_->setChecked(settings_->startDaemonAtLogin().value_or(IsAutostartEnabled(mechanism)));
  auto* startAtLoginVia = new QLabel(tr("Through %1.").arg(DescribeAutostart(mechanism)), this);
  startAtLoginVia->setObjectName(QStringLiteral("startAtLoginVia"));
  startAtLoginVia->setWordWrap(true);
  startAtLoginVia->setTextInteractionFlags(Qt::TextSelectableByMouse);

  port_ = new QSpinBox(this);
  port_->setObjectName(QStringLiteral("portSpin"));
  port_->setRange(1024, 65535);
  port_->setValue(settings_->port());

  dataDir_ = new QLineEdit(settings_->dataDir(), this);
  dataDir_->setObjectName(QStringLiteral("dataDirEdit"));
  dataDir_->setPlaceholderText(tr("db9d's default"));
  auto* browse = new QPushButton(tr("Browse…"), this);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Data directory"), dataDir_->text());
    if (!dir.isEmpty()) dataDir_->setText(dir);
  });
  auto* dataDirRow = new QHBoxLayout;
  dataDirRow->addWidget(dataDir_, 1);
  dataDirRow->addWidget(browse);

  controlSocket_ = new QLineEdit(settings_->controlSocket(), this);
  controlSocket_->setObjectName(QStringLiteral("controlSocketEdit"));
  controlSocket_->setPlaceholderText(tr("default ($XDG_RUNTIME_DIR/db9/control.sock)"));

  auto* daemonBox = new QGroupBox(tr("Daemon"), this);
  auto* daemonForm = new QFormLayout(daemonBox);
  daemonForm->addRow(startAtLogin_);
  daemonForm->addRow(startAtLoginVia);
  daemonForm->addRow(tr("PostgreSQL &port:"), port_);
  auto* dataDirLabel = new QLabel(tr("&Data directory:"), daemonBox);
  dataDirLabel->setBuddy(dataDir_);  // the field is a row of two: name the edit
  daemonForm->addRow(dataDirLabel, dataDirRow);
  daemonForm->addRow(tr("&Control socket:"), controlSocket_);
  auto* note = new QLabel(tr("Port and data directory apply when db9d is started from this app "
                             "or at login; a running daemon keeps its own."),
                          daemonBox);
  note->setWordWrap(true);
  daemonForm->addRow(note);

  theme_ = new QComboBox(this);
  theme_->setObjectName(QStringLiteral("themeCombo"));
  theme_->addItem(tr("Follow the system"), static_cast<int>(ThemeChoice::kSystem));
  theme_->addItem(tr("Light"), static_cast<int>(ThemeChoice::kLight));
  theme_->addItem(tr("Dark"), static_cast<int>(ThemeChoice::kDark));
  theme_->setCurrentIndex(theme_->findData(static_cast<int>(settings_->theme())));

  closeToTray_ = new QCheckBox(tr("Closing the window keeps db9 in the system tray"), this);
  closeToTray_->setChecked(settings_->closeToTray());

  auto* lookBox = new QGroupBox(tr("Window"), this);
  auto* lookForm = new QFormLayout(lookBox);
  lookForm->addRow(tr("&Theme:"), theme_);
  lookForm->addRow(closeToTray_);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    save();
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(daemonBox);
  layout->addWidget(lookBox);
  layout->addStretch(1);
  layout->addWidget(buttons);
  setMinimumWidth(480);
}

void SettingsDialog::save() {
  settings_->setStartDaemonAtLogin(startAtLogin_->isChecked());
  settings_->setPort(port_->value());
  settings_->setDataDir(dataDir_->text().trimmed());
  settings_->setControlSocket(controlSocket_->text().trimmed());
  settings_->setTheme(static_cast<ThemeChoice>(theme_->currentData().toInt()));
  settings_->setCloseToTray(closeToTray_->isChecked());
  settings_->sync();
}

}  // namespace db9::gui

#include "gui/views/daemon_status_bar.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "gui/models/database_list_model.h"
#include "gui/services/daemon_supervisor.h"
#include "gui/views/icons.h"

namespace db9::gui {
namespace {

QString Dot(const char* color) {
  return QStringLiteral("<span style=\"color:%1; font-size:14pt;\">●</span>").arg(QLatin1String(color));
}

// "~/.local/share/db9" reads better than the full home path.
QString ShortPath(const QString& path) {
  const QString home = QDir::homePath();
  if (!home.isEmpty() && path.startsWith(home + QLatin1Char('/'))) {
    return QStringLiteral("~") + path.mid(home.size());
  }
  return path;
}

}  // namespace

DaemonStatusBar::DaemonStatusBar(DaemonSupervisor* supervisor, QWidget* parent)
    : QWidget(parent), supervisor_(supervisor) {
  dot_ = new QLabel(this);
  dot_->setTextFormat(Qt::RichText);
  text_ = new QLabel(this);
  text_->setObjectName(QStringLiteral("daemonStatusText"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(4, 0, 4, 0);
  layout->addWidget(dot_);
  layout->addWidget(text_);
  connect(supervisor_, &DaemonSupervisor::stateChanged, this, &DaemonStatusBar::update);
  connect(supervisor_, &DaemonSupervisor::infoChanged, this, &DaemonStatusBar::update);
  update();
}

QString DaemonStatusBar::text() const { return text_->text(); }

void DaemonStatusBar::update() {
  using State = DaemonSupervisor::State;
  switch (supervisor_->state()) {
    case State::kUnknown:
      dot_->setText(Dot("#9e9e9e"));
      text_->setText(tr("Looking for db9d…"));
      setToolTip({});
      break;
    case State::kStarting:
      dot_->setText(Dot("#f9a825"));
      text_->setText(tr("Starting db9d…"));
      setToolTip({});
      break;
    case State::kUnreachable:
      dot_->setText(Dot("#c62828"));
      text_->setText(tr("db9d is not running"));
      setToolTip(supervisor_->problem());
      break;
    case State::kRunning: {
      const auto& info = *supervisor_->info();
      dot_->setText(Dot("#2e7d32"));
      text_->setText(tr("db9d %1 on %2:%3 · %4 · %n database(s)", nullptr, info.database_count)
                         .arg(QString::fromStdString(info.version),
                              QString::fromStdString(info.listen_address))
                         .arg(info.port)
                         .arg(ShortPath(QString::fromStdString(info.data_dir))) +
                     tr(" · %n connection(s)", nullptr, info.open_connections) + QStringLiteral(" · ") +
                     FormatBytes(info.total_size_bytes));
      setToolTip(tr("Data directory: %1\nControl socket: %2\nProcess id: %3")
                     .arg(QString::fromStdString(info.data_dir),
                          QString::fromStdString(info.control_socket))
                     .arg(info.pid));
      break;
    }
  }
}

DaemonBanner::DaemonBanner(DaemonSupervisor* supervisor, QWidget* parent)
    : QFrame(parent), supervisor_(supervisor) {
  setObjectName(QStringLiteral("daemonBanner"));
  setFrameShape(QFrame::StyledPanel);
  // Amber, readable in light and dark themes alike.
  setStyleSheet(QStringLiteral(
      "#daemonBanner { background: #fff3cd; border: 1px solid #e0c36a; border-radius: 4px; }"
      "#daemonBanner QLabel { color: #5c4400; }"));
  headline_ = new QLabel(this);
  QFont bold = headline_->font();
  bold.setBold(true);
  headline_->setFont(bold);
  detail_ = new QLabel(this);
  detail_->setWordWrap(true);
  detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  start_ = new QPushButton(ActionIcon(QStringLiteral("start")), tr("Start db9d"), this);
  start_->setObjectName(QStringLiteral("startDaemonButton"));
  connect(start_, &QPushButton::clicked, this, &DaemonBanner::startRequested);

  auto* text = new QVBoxLayout;
  text->addWidget(headline_);
  text->addWidget(detail_);
  auto* layout = new QHBoxLayout(this);
  layout->addLayout(text, 1);
  layout->addWidget(start_, 0, Qt::AlignVCenter);
  connect(supervisor_, &DaemonSupervisor::stateChanged, this, &DaemonBanner::update);
  update();
}

void DaemonBanner::update() {
  using State = DaemonSupervisor::State;
  const State state = supervisor_->state();
  setVisible(state == State::kUnreachable || state == State::kStarting);
  start_->setEnabled(state == State::kUnreachable);
  if (state == State::kStarting) {
    headline_->setText(tr("Starting the db9 daemon…"));
    detail_->setText(tr("Your databases will appear as soon as it answers."));
  } else {
    headline_->setText(tr("The db9 daemon (db9d) is not running."));
    const QString problem = supervisor_->problem();
    detail_->setText(
        tr("Your databases are safe on disk but cannot be used until it runs. Start it here, "
           "or in a terminal with <code>db9 daemon start</code>.") +
        (problem.isEmpty() ? QString() : QStringLiteral("<br><small>%1</small>").arg(problem.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")))));
  }
}

}  // namespace db9::gui

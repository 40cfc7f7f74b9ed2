#include "gui/views/connection_panel.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include "gui/services/control_service.h"
#include "gui/views/copy_button.h"
#include "gui/views/icons.h"

namespace db9::gui {
namespace {

QString Q(const std::string& s) { return QString::fromStdString(s); }

// Read-only, monospace, as tall as its text: commands and code look like
// what a terminal or editor will show after pasting.
QPlainTextEdit* MakeField(QWidget* parent, int lines) {
  auto* field = new QPlainTextEdit(parent);
  field->setReadOnly(true);
  field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  field->setLineWrapMode(QPlainTextEdit::NoWrap);
  field->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  field->setHorizontalScrollBarPolicy(lines == 1 ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
  const int lineHeight = field->fontMetrics().lineSpacing();
  const int frame = 2 * (field->frameWidth() + static_cast<int>(field->document()->documentMargin()));
  // Multi-line fields leave room for a horizontal scroll bar.
  field->setFixedHeight(lines * lineHeight + frame + (lines > 1 ? 6 : 2));
  field->setTabChangesFocus(true);
  return field;
}

}  // namespace

ConnectionPanel::ConnectionPanel(ControlService* service, QWidget* parent)
    : QWidget(parent), service_(service) {
  message_ = new QLabel(this);
  message_->setAlignment(Qt::AlignCenter);
  message_->setWordWrap(true);
  message_->setObjectName(QStringLiteral("connectionMessage"));

  auto* details = new QWidget(this);
  title_ = new QLabel(details);
  QFont titleFont = title_->font();
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
  titleFont.setBold(true);
  title_->setFont(titleFont);
  title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  subtitle_ = new QLabel(details);
  subtitle_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  reveal_ = new QToolButton(details);
  reveal_->setObjectName(QStringLiteral("revealButton"));
  reveal_->setCheckable(true);
  reveal_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  connect(reveal_, &QToolButton::toggled, this, &ConnectionPanel::setPasswordRevealed);

  password_ = new QLabel(details);
  password_->setObjectName(QStringLiteral("passwordLabel"));
  password_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  password_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* copyPassword = new CopyButton([this] { return info_ ? Q(info_->password) : QString(); }, details);
  copyPassword->setObjectName(QStringLiteral("copy-password"));
  connect(copyPassword, &CopyButton::copied, this, [this] { emit copied(tr("Password")); });

  auto* grid = new QGridLayout;
  grid->setColumnStretch(1, 1);
  grid->setVerticalSpacing(4);
  int row = 0;
  grid->addWidget(new QLabel(tr("Password"), details), row, 0, 1, 2);
  ++row;
  auto* passwordRow = new QHBoxLayout;
  passwordRow->addWidget(password_, 1);
  passwordRow->addWidget(reveal_);
  grid->addLayout(passwordRow, row, 0, 1, 2);
  grid->addWidget(copyPassword, row, 2);
  ++row;

  // One row per form; the keys match ConnectionSnippets().
  const QList<QPair<QString, int>> forms = {
      {QStringLiteral("url"), 1},        {QStringLiteral("sqlalchemy"), 1},
      {QStringLiteral("psql"), 1},       {QStringLiteral("env"), 5},
      {QStringLiteral("python"), 8}};
  const auto titles = ConnectionSnippets({});
  for (const auto& [key, lines] : forms) {
    SnippetRow snippet;
    snippet.key = key;
    snippet.field = MakeField(details, lines);
    snippet.field->setObjectName(QStringLiteral("field-") + key);
    snippet.copy = new CopyButton([this, key] { return snippetText(key); }, details);
    snippet.copy->setObjectName(QStringLiteral("copy-") + key);
    QString title;
    for (const auto& s : titles) {
      if (s.key == key) title = s.title;
    }
    connect(snippet.copy, &CopyButton::copied, this, [this, title] { emit copied(title); });
    grid->addWidget(new QLabel(title, details), row, 0, 1, 2);
    ++row;
    grid->addWidget(snippet.field, row, 0, 1, 2);
    grid->addWidget(snippet.copy, row, 2, Qt::AlignTop);
    ++row;
    rows_ << snippet;
  }

  auto* detailsLayout = new QVBoxLayout(details);
  detailsLayout->addWidget(title_);
  detailsLayout->addWidget(subtitle_);
  detailsLayout->addSpacing(8);
  detailsLayout->addLayout(grid);
  detailsLayout->addStretch(1);

  auto* scroll = new QScrollArea(this);
  scroll->setWidget(details);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);

  stack_ = new QStackedWidget(this);
  stack_->addWidget(message_);
  stack_->addWidget(scroll);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(stack_);

  connect(service_, &ControlService::connectInfoReady, this, &ConnectionPanel::onConnectInfo);
  connect(service_, &ControlService::passwordReset, this, &ConnectionPanel::onConnectInfo);
  connect(service_, &ControlService::connectInfoFailed, this,
          [this](const QString& name, const QString& message) {
            if (name == database_ && !info_) showMessage(message);
          });
  connect(service_, &ControlService::databaseCreated, this,
          [this](const control::DatabaseStatus& status) {
            onConnectInfo(Q(status.database.name), status.connection);
          });
  setPasswordRevealed(false);
  showMessage(tr("Select a database to see how to connect to it."));
}

void ConnectionPanel::setDatabase(const QString& name) {
  if (name == database_ && info_) return;
  database_ = name;
  info_.reset();
  if (name.isEmpty()) {
    showMessage(tr("Select a database to see how to connect to it."));
    return;
  }
  showMessage(tr("Loading connection details of %1…").arg(name));
  service_->fetchConnectInfo(name);
}

void ConnectionPanel::onConnectInfo(const QString& name, const control::ConnectInfo& info) {
  if (name != database_) return;  // an answer for a database no longer shown
  info_ = info;
  snippets_ = ConnectionSnippets(info);
  title_->setText(name);
  subtitle_->setText(tr("user %1 · database %2 · %3:%4")
                         .arg(Q(info.user), Q(info.database), Q(info.host))
                         .arg(info.port));
  render();
  stack_->setCurrentIndex(1);
}

void ConnectionPanel::setPasswordRevealed(bool revealed) {
  revealed_ = revealed;
  if (reveal_->isChecked() != revealed) reveal_->setChecked(revealed);
  reveal_->setIcon(ActionIcon(revealed ? QStringLiteral("eye-off") : QStringLiteral("eye")));
  reveal_->setText(revealed ? tr("Hide password") : tr("Show password"));
  render();
}

QString ConnectionPanel::snippetText(const QString& key) const {
  for (const auto& s : snippets_) {
    if (s.key == key) return s.text;
  }
  return {};
}

QString ConnectionPanel::shownText(const QString& key) const {
  if (key == QLatin1String("password")) return password_->text();
  for (const auto& row : rows_) {
    if (row.key == key) return row.field->toPlainText();
  }
  return {};
}

void ConnectionPanel::render() {
  if (!info_) return;
  password_->setText(revealed_ ? Q(info_->password) : QStringLiteral("••••••••"));
  for (auto& row : rows_) {
    for (const auto& s : snippets_) {
      if (s.key != row.key) continue;
      QString text = revealed_ ? s.text : s.masked;
      if (text.endsWith(QLatin1Char('\n'))) text.chop(1);
      row.field->setPlainText(text);
    }
  }
}

void ConnectionPanel::showMessage(const QString& text) {
  message_->setText(text);
  stack_->setCurrentIndex(0);
}

}  // namespace db9::gui

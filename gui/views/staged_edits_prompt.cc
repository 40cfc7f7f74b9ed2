#include "gui/views/staged_edits_prompt.h"

#include <QMessageBox>

namespace db9::gui {

StagedEditsChoice AskAboutStagedEdits(QWidget* parent, const QString& table, int changes) {
  QMessageBox box(QMessageBox::Question, QObject::tr("Apply your changes?"),
                  QObject::tr("%n change(s) to %1 are staged but not applied yet.", nullptr, changes)
                      .arg(table),
                  QMessageBox::Apply | QMessageBox::Discard | QMessageBox::Cancel, parent);
  box.setObjectName(QStringLiteral("stagedEditsPrompt"));
  box.setInformativeText(QObject::tr("Apply writes them to the database first; Discard drops "
                                     "them; Cancel stays here with the changes kept."));
  box.setDefaultButton(QMessageBox::Apply);
  box.setEscapeButton(QMessageBox::Cancel);
  box.exec();
  switch (box.standardButton(box.clickedButton())) {
    case QMessageBox::Apply: return StagedEditsChoice::kApply;
    case QMessageBox::Discard: return StagedEditsChoice::kDiscard;
    default: return StagedEditsChoice::kCancel;
  }
}

}  // namespace db9::gui

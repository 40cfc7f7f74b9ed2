// The question asked before staged, unapplied grid edits would be lost (to
// another table or database, or by closing the app): apply them first,
// discard them, or cancel and stay where the edits are.
#pragma once

#include <QString>

class QWidget;

namespace db9::gui {

enum class StagedEditsChoice { kApply, kDiscard, kCancel };

// A modal box with Apply, Discard and Cancel (Escape: Cancel).
StagedEditsChoice AskAboutStagedEdits(QWidget* parent, const QString& table, int changes);

}  // namespace db9::gui

// Settings inside transactions, as PostgreSQL scopes them: a SET made in a
// transaction that rolls back (or in a savepoint rolled back to) is undone;
// SET LOCAL lasts until the transaction ends; transaction_isolation and
// transaction_read_only belong to one transaction only.
#include "daemon/sql/session/session_impl.h"

namespace db9::sql {

void SessionImpl::SnapshotSettingsForTransaction() {
  if (!txn_ || txn_->settings_on_rollback) return;
  txn_->settings_on_rollback = settings_;
  txn_->settings_on_commit = settings_;
}

void SessionImpl::ApplyToCommitSettings(const std::function<void(Settings&)>& change) {
  if (txn_ && txn_->settings_on_commit) change(*txn_->settings_on_commit);
}

void SessionImpl::EndTransactionSettings(bool committed, ClientChannel* channel) {
  if (txn_) {
    std::optional<Settings>& snapshot =
        committed ? txn_->settings_on_commit : txn_->settings_on_rollback;
    if (snapshot) RestoreSettings(std::move(*snapshot), channel);
  }
  settings_.SetTransactionState(settings_.Get("default_transaction_isolation"),
                                settings_.Get("default_transaction_read_only") == "on");
}

void SessionImpl::RestoreSettings(Settings target, ClientChannel* channel) {
  auto before = settings_.Reported();
  settings_ = std::move(target);
  for (const auto& [name, value] : settings_.Reported()) {
    for (const auto& [old_name, old_value] : before) {
      if (old_name == name && old_value != value) {
        if (channel != nullptr) {
          channel->SendParameterStatus(name, value);
        } else {
          pending_parameter_status_.emplace_back(name, value);
        }
      }
    }
  }
  SyncSessionInfo();
}

void SessionImpl::SendPendingParameterStatus(ClientChannel& channel) {
  for (const auto& [name, value] : pending_parameter_status_) {
    channel.SendParameterStatus(name, value);
  }
  pending_parameter_status_.clear();
}

}  // namespace db9::sql

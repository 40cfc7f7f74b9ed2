// Shared set-up for MVCC tests: a fresh store in a temporary directory with a
// transaction manager over it, and small helpers that fail the test on error.
#pragma once

#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <string>

#include "daemon/storage/kv/kv_store.h"
#include "daemon/storage/mvcc/transaction.h"

namespace db9::testing {

class MvccFixture {
 public:
  explicit MvccFixture(int deadlock_timeout_ms = 1000) : timeout_ms_(deadlock_timeout_ms) {
    Open();
  }

  void Open() {
    auto store = kv::OpenLevelDbStore(dir_.filePath("db").toStdString());
    if (!store.ok()) qFatal("open failed: %s", store.status().ToString().c_str());
    store_ = std::move(store).value();
    mvcc::TxnManagerOptions options;
    options.deadlock_timeout_ms = timeout_ms_;
    manager_ = mvcc::NewTxnManager(*store_, options);
  }

  // Closes and reopens the store, as a daemon restart would.
  void Reopen() {
    manager_.reset();
    store_.reset();
    Open();
  }

  mvcc::TxnManager& manager() { return *manager_; }
  std::unique_ptr<mvcc::Transaction> Begin(
      mvcc::IsolationLevel level = mvcc::IsolationLevel::kReadCommitted) {
    auto txn = manager_->Begin(level);
    txn->StartStatement();
    return txn;
  }

  // Commits key=value in its own transaction.
  void Commit(const std::string& key, const std::string& value) {
    auto txn = Begin();
    Status s = txn->Put(key, value);
    if (s.ok()) s = txn->Commit();
    if (!s.ok()) qFatal("commit failed: %s", s.ToString().c_str());
  }

  // The latest committed value, read in a fresh transaction.
  std::optional<std::string> Read(const std::string& key) {
    auto txn = Begin();
    return Value(*txn, key);
  }

  static std::optional<std::string> Value(mvcc::Transaction& txn, const std::string& key) {
    auto r = txn.Get(key);
    if (!r.ok()) qFatal("get failed: %s", r.status().ToString().c_str());
    return *r;
  }

 private:
  QTemporaryDir dir_;
  int timeout_ms_;
  std::unique_ptr<kv::KvStore> store_;
  std::unique_ptr<mvcc::TxnManager> manager_;
};

}  // namespace db9::testing

#include "daemon/tenants/tenant_manager_impl.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "daemon/auth/scram.h"
#include "daemon/sql/session/database.h"
#include "daemon/tenants/disk_usage.h"
#include "daemon/tenants/names.h"
#include "daemon/tenants/secrets.h"
#include "shared/base/sqlstate.h"

namespace db9::tenants {

namespace fs = std::filesystem;

namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Status NoSuchDatabase(const std::string& name) {
  return Status::Error(sqlstate::kInvalidCatalogName, "database \"" + name + "\" does not exist")
      .WithHint("`db9 list` shows the databases there are");
}

Status CheckPassword(const std::string& password) {
  if (password.size() > 1024 || password.find('\0') != std::string::npos) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "invalid password: it must be at most 1024 bytes without NUL characters");
  }
  return Status::OK();
}

// The handle a connection holds; releasing it ends the connection's claim.
class Handle : public TenantHandle {
 public:
  Handle(std::shared_ptr<TenantShared> shared, std::shared_ptr<TenantState> state,
         std::shared_ptr<sql::Database> database, uint64_t id, std::string name)
      : shared_(std::move(shared)),
        state_(std::move(state)),
        database_(std::move(database)),
        id_(id),
        name_(std::move(name)) {}

  ~Handle() override {
    std::string current_name;
    {
      std::lock_guard lock(shared_->mu);
      state_->connections.erase(id_);
      if (state_->connections.empty()) state_->idle_since_ms = NowMs();
      current_name = state_->record.name;
    }
    shared_->connections_changed.notify_all();
    shared_->events.Publish({TenantEvent::Kind::kConnectionClosed, current_name, {}});
  }

  // The name when the connection was made (a later rename does not change it).
  const std::string& name() const override { return name_; }
  sql::Database& database() override { return *database_; }

 private:
  std::shared_ptr<TenantShared> shared_;
  std::shared_ptr<TenantState> state_;
  std::shared_ptr<sql::Database> database_;
  uint64_t id_;
  std::string name_;
};

}  // namespace

TenantManagerImpl::TenantManagerImpl(std::string data_dir, std::vector<TenantRecord> records)
    : data_dir_(std::move(data_dir)), shared_(std::make_shared<TenantShared>()) {
  int64_t now = NowMs();
  for (auto& record : records) {
    auto state = std::make_shared<TenantState>();
    state->record = std::move(record);
    state->idle_since_ms = now;
    by_id_[state->record.id] = std::move(state);
  }
  reaper_ = std::thread([this] {
    std::unique_lock lock(reaper_mu_);
    while (!reaper_wake_.wait_for(lock, std::chrono::seconds(30), [&] { return stopping_; })) {
      lock.unlock();
      CloseIdleStores();
      lock.lock();
    }
  });
}

TenantManagerImpl::~TenantManagerImpl() {
  {
    std::lock_guard lock(reaper_mu_);
    stopping_ = true;
  }
  reaper_wake_.notify_all();
  reaper_.join();
}

std::string TenantManagerImpl::StoreDir(const std::string& id) const {
  return data_dir_ + "/tenants/" + id;
}
std::string TenantManagerImpl::PasswordFile(const std::string& id) const {
  return data_dir_ + "/secrets/" + id + ".password";
}
std::string TenantManagerImpl::RegistryFile() const { return data_dir_ + "/tenants.json"; }

std::shared_ptr<TenantState> TenantManagerImpl::FindLocked(const std::string& name) const {
  for (const auto& [id, state] : by_id_) {
    if (state->record.name == name) return state;
  }
  return nullptr;
}

Status TenantManagerImpl::SaveLocked() {
  std::vector<TenantRecord> records;
  for (const auto& [id, state] : by_id_) records.push_back(state->record);
  std::sort(records.begin(), records.end(),
            [](const TenantRecord& a, const TenantRecord& b) { return a.name < b.name; });
  return SaveRegistry(RegistryFile(), records);
}

Status TenantManagerImpl::ReserveNameLocked(const std::string& name) {
  if (FindLocked(name) != nullptr || reserved_names_.count(name) > 0) {
    return Status::Error(sqlstate::kDuplicateObject, "database \"" + name + "\" already exists")
        .WithHint("choose another name, or leave the name out to get a generated one");
  }
  reserved_names_.insert(name);
  return Status::OK();
}

Result<std::shared_ptr<TenantState>> TenantManagerImpl::Find(const std::string& name) {
  std::lock_guard lock(shared_->mu);
  auto state = FindLocked(name);
  if (state == nullptr) return NoSuchDatabase(name);
  return state;
}

Result<std::shared_ptr<sql::Database>> TenantManagerImpl::EnsureOpen(TenantState& state) {
  std::lock_guard open(state.open_mu);
  if (state.database == nullptr) {
    // The id never changes once the state exists.
    DB9_ASSIGN_OR_RETURN(auto database, sql::OpenDatabase(StoreDir(state.record.id)));
    state.database = std::move(database);
    std::lock_guard lock(shared_->mu);
    state.idle_since_ms = NowMs();
  }
  return state.database;
}

TenantInfo TenantManagerImpl::Describe(TenantState& state) {
  TenantInfo info;
  {
    std::lock_guard lock(shared_->mu);
    info.id = state.record.id;
    info.name = state.record.name;
    info.created_unix_ms = state.record.created_unix_ms;
    info.open_connections = static_cast<int>(state.connections.size());
  }
  info.size_bytes = DirectorySize(StoreDir(info.id));
  {
    std::lock_guard open(state.open_mu);
    if (state.database == nullptr && state.cached_table_count >= 0) {
      info.table_count = state.cached_table_count;
      return info;
    }
  }
  // Opening (if closed) leaves the store for the idle closer to put away.
  auto database = EnsureOpen(state);
  if (database.ok()) {
    auto stats = (*database)->Stats();
    if (stats.ok()) info.table_count = stats->table_count;
  }
  return info;
}

Result<TenantInfo> TenantManagerImpl::AddTenant(
    std::string name, std::string password,
    const std::function<Status(const std::string& dir, std::shared_ptr<sql::Database>* opened)>&
        fill) {
  std::string id;
  {
    std::lock_guard lock(shared_->mu);
    DB9_RETURN_IF_ERROR(ReserveNameLocked(name));
    std::error_code ec;
    do {
      id = RandomHex(12);
    } while (by_id_.count(id) > 0 || fs::exists(StoreDir(id), ec));
  }
  auto abandon = [&](Status status) {
    std::error_code ec;
    fs::remove_all(StoreDir(id), ec);
    ::unlink(PasswordFile(id).c_str());
    std::lock_guard lock(shared_->mu);
    reserved_names_.erase(name);
    return status;
  };

  std::string verifier = auth::MakeScramVerifier(password);
  if (verifier.empty()) return abandon(Status::Internal("the system's random generator failed"));
  std::shared_ptr<sql::Database> opened;
  if (Status s = fill(StoreDir(id), &opened); !s.ok()) return abandon(std::move(s));
  if (Status s = WriteFileAtomically(PasswordFile(id), password, 0600); !s.ok()) {
    return abandon(std::move(s));
  }

  auto state = std::make_shared<TenantState>();
  state->record = TenantRecord{id, name, NowMs(), verifier};
  state->idle_since_ms = state->record.created_unix_ms;
  state->database = std::move(opened);
  {
    std::lock_guard lock(shared_->mu);
    by_id_[id] = state;
    if (Status s = SaveLocked(); !s.ok()) {
      by_id_.erase(id);
      reserved_names_.erase(name);
      std::error_code ec;
      fs::remove_all(StoreDir(id), ec);
      ::unlink(PasswordFile(id).c_str());
      return s;
    }
    reserved_names_.erase(name);
  }
  shared_->events.Publish({TenantEvent::Kind::kCreated, name, {}});
  return Describe(*state);
}

Result<TenantInfo> TenantManagerImpl::Create(const std::string& name, const std::string& password) {
  std::string chosen = name;
  if (chosen.empty()) {
    std::lock_guard lock(shared_->mu);
    chosen = GenerateName([&](const std::string& candidate) {
      return FindLocked(candidate) != nullptr || reserved_names_.count(candidate) > 0;
    });
  } else {
    DB9_RETURN_IF_ERROR(ValidateName(chosen));
  }
  std::string secret = password.empty() ? GeneratePassword() : password;
  DB9_RETURN_IF_ERROR(CheckPassword(secret));
  return AddTenant(chosen, secret,
                   [](const std::string& dir, std::shared_ptr<sql::Database>* opened) -> Status {
                     DB9_ASSIGN_OR_RETURN(auto database, sql::OpenDatabase(dir));
                     *opened = std::move(database);
                     return Status::OK();
                   });
}

Result<TenantInfo> TenantManagerImpl::Branch(const std::string& source,
                                             const std::string& new_name) {
  DB9_RETURN_IF_ERROR(ValidateName(new_name));
  DB9_ASSIGN_OR_RETURN(auto state, Find(source));
  DB9_ASSIGN_OR_RETURN(auto database, EnsureOpen(*state));
  return AddTenant(new_name, GeneratePassword(),
                   [&](const std::string& dir, std::shared_ptr<sql::Database>*) {
                     return database->CopyTo(dir);
                   });
}

Status TenantManagerImpl::Drop(const std::string& name, bool force) {
  std::shared_ptr<TenantState> state;
  std::vector<std::function<void()>> terminate;
  {
    std::lock_guard lock(shared_->mu);
    state = FindLocked(name);
    if (state == nullptr) return NoSuchDatabase(name);
    size_t open = state->connections.size();
    if (open > 0 && !force) {
      return Status::Error(sqlstate::kObjectInUse,
                           "database \"" + name + "\" is being accessed by other users")
          .WithDetail(open == 1 ? "There is 1 open connection to it."
                                : "There are " + std::to_string(open) + " open connections to it.")
          .WithHint("close them first, or force it (`db9 delete " + name +
                    " --force` ends them)");
    }
    // Forget it in the registry first: a crash from here on leaves an
    // orphaned directory, never a listed database with half its files.
    by_id_.erase(state->record.id);
    if (Status s = SaveLocked(); !s.ok()) {
      by_id_[state->record.id] = state;
      return s;
    }
    state->dropped = true;
    for (auto& [id, on_terminate] : state->connections) {
      if (on_terminate) terminate.push_back(on_terminate);
    }
  }
  for (auto& on_terminate : terminate) on_terminate();
  {
    std::unique_lock lock(shared_->mu);
    shared_->connections_changed.wait_for(lock, std::chrono::seconds(10),
                                          [&] { return state->connections.empty(); });
  }
  {
    std::lock_guard open(state->open_mu);
    state->database.reset();  // closes the store unless a stuck connection still holds it
  }
  std::error_code ec;
  fs::remove_all(StoreDir(state->record.id), ec);
  ::unlink(PasswordFile(state->record.id).c_str());
  shared_->events.Publish({TenantEvent::Kind::kDropped, name, {}});
  return Status::OK();
}

Status TenantManagerImpl::Rename(const std::string& name, const std::string& new_name) {
  DB9_RETURN_IF_ERROR(ValidateName(new_name));
  {
    std::lock_guard lock(shared_->mu);
    auto state = FindLocked(name);
    if (state == nullptr) return NoSuchDatabase(name);
    if (new_name == name) return Status::OK();
    DB9_RETURN_IF_ERROR(ReserveNameLocked(new_name));
    reserved_names_.erase(new_name);
    state->record.name = new_name;
    if (Status s = SaveLocked(); !s.ok()) {
      state->record.name = name;
      return s;
    }
  }
  shared_->events.Publish({TenantEvent::Kind::kRenamed, new_name, name});
  return Status::OK();
}

Status TenantManagerImpl::ResetPassword(const std::string& name, const std::string& password) {
  std::string secret = password.empty() ? GeneratePassword() : password;
  DB9_RETURN_IF_ERROR(CheckPassword(secret));
  std::string verifier = auth::MakeScramVerifier(secret);
  if (verifier.empty()) return Status::Internal("the system's random generator failed");
  std::lock_guard lock(shared_->mu);
  auto state = FindLocked(name);
  if (state == nullptr) return NoSuchDatabase(name);
  // The registry decides logins, so it changes first; the password file
  // follows, and a failure there puts the old verifier back.
  std::string previous = state->record.scram_verifier;
  state->record.scram_verifier = verifier;
  DB9_RETURN_IF_ERROR(SaveLocked());
  if (Status s = WriteFileAtomically(PasswordFile(state->record.id), secret, 0600); !s.ok()) {
    state->record.scram_verifier = previous;
    SaveLocked();
    return s;
  }
  return Status::OK();
}

std::vector<TenantInfo> TenantManagerImpl::List() {
  std::vector<std::shared_ptr<TenantState>> states;
  {
    std::lock_guard lock(shared_->mu);
    for (const auto& [id, state] : by_id_) states.push_back(state);
  }
  std::vector<TenantInfo> infos;
  for (const auto& state : states) infos.push_back(Describe(*state));
  std::sort(infos.begin(), infos.end(),
            [](const TenantInfo& a, const TenantInfo& b) { return a.name < b.name; });
  return infos;
}

Result<TenantInfo> TenantManagerImpl::Get(const std::string& name) {
  DB9_ASSIGN_OR_RETURN(auto state, Find(name));
  return Describe(*state);
}

Result<Credentials> TenantManagerImpl::GetCredentials(const std::string& name) {
  DB9_ASSIGN_OR_RETURN(auto state, Find(name));
  DB9_ASSIGN_OR_RETURN(std::string password, ReadWholeFile(PasswordFile(state->record.id)));
  return Credentials{LoginUser(name), std::move(password)};
}

Result<std::string> TenantManagerImpl::ScramVerifierForUser(const std::string& user) {
  std::string name = NameFromLoginUser(user);
  std::lock_guard lock(shared_->mu);
  auto state = name.empty() ? nullptr : FindLocked(name);
  if (state == nullptr) {
    return Status::Error(sqlstate::kInvalidAuthorizationSpecification,
                         "no db9 database for user \"" + user + "\"")
        .WithHint("log in as \"<database>.admin\"; `db9 list` shows the databases");
  }
  return state->record.scram_verifier;
}

Result<std::shared_ptr<TenantHandle>> TenantManagerImpl::Connect(
    const std::string& user, std::function<void()> on_terminate) {
  std::string name = NameFromLoginUser(user);
  std::shared_ptr<TenantState> state;
  {
    std::lock_guard lock(shared_->mu);
    state = name.empty() ? nullptr : FindLocked(name);
  }
  if (state == nullptr) {
    return Status::Error(sqlstate::kInvalidAuthorizationSpecification,
                         "no db9 database for user \"" + user + "\"");
  }
  // Opening and counting happen under open_mu, so the idle closer never
  // closes a store between the two.
  std::lock_guard open(state->open_mu);
  if (state->database == nullptr) {
    DB9_ASSIGN_OR_RETURN(auto database, sql::OpenDatabase(StoreDir(state->record.id)));
    state->database = std::move(database);
  }
  uint64_t id;
  {
    std::lock_guard lock(shared_->mu);
    if (state->dropped) return NoSuchDatabase(name);
    id = next_connection_id_++;
    state->connections[id] = std::move(on_terminate);
    name = state->record.name;
  }
  shared_->events.Publish({TenantEvent::Kind::kConnectionOpened, name, {}});
  return std::shared_ptr<TenantHandle>(
      std::make_shared<Handle>(shared_, state, state->database, id, name));
}

int TenantManagerImpl::Subscribe(std::function<void(const TenantEvent&)> callback) {
  return shared_->events.Subscribe(std::move(callback));
}

void TenantManagerImpl::Unsubscribe(int id) { shared_->events.Unsubscribe(id); }

void TenantManagerImpl::CloseIdleStores() {
  std::vector<std::shared_ptr<TenantState>> states;
  {
    std::lock_guard lock(shared_->mu);
    for (const auto& [id, state] : by_id_) states.push_back(state);
  }
  int64_t cutoff = NowMs() - std::chrono::milliseconds(kIdleCloseAfter).count();
  for (const auto& state : states) {
    std::lock_guard open(state->open_mu);
    if (state->database == nullptr) continue;
    {
      std::lock_guard lock(shared_->mu);
      if (!state->connections.empty() || state->idle_since_ms > cutoff) continue;
    }
    // Someone (a branch copy, a listing) still uses it: try again later.
    if (state->database.use_count() > 1) continue;
    auto stats = state->database->Stats();
    state->cached_table_count = stats.ok() ? stats->table_count : -1;
    state->database.reset();
  }
}

Result<std::unique_ptr<TenantManager>> OpenTenantManager(const std::string& data_dir) {
  std::error_code ec;
  for (const std::string& dir : {data_dir, data_dir + "/tenants", data_dir + "/secrets"}) {
    if (fs::exists(dir, ec)) continue;
    if (!fs::create_directories(dir, ec) || ::chmod(dir.c_str(), 0700) != 0) {
      return Status::Error(sqlstate::kIoError, "cannot create directory " + dir + ": " +
                                                   (ec ? ec.message() : std::string("chmod failed")));
    }
  }
  // The secrets directory must stay private even if someone loosened it.
  ::chmod((data_dir + "/secrets").c_str(), 0700);
  DB9_ASSIGN_OR_RETURN(auto records, LoadRegistry(data_dir + "/tenants.json"));
  return std::unique_ptr<TenantManager>(new TenantManagerImpl(data_dir, std::move(records)));
}

}  // namespace db9::tenants

#include "shared/cli/cli_context.h"

#include <iostream>

#include "shared/base/sqlstate.h"

namespace db9::cli {

namespace {
int ExitCodeFor(const Status& status) {
  std::string_view code = status.sqlstate();
  if (code == sqlstate::kConnectionException || code == sqlstate::kConnectionFailure ||
      code == sqlstate::kQueryCanceled) {
    return kExitNoDaemon;
  }
  if (code == sqlstate::kInvalidCatalogName) return kExitNotFound;
  if (code == sqlstate::kDuplicateObject) return kExitExists;
  if (code == sqlstate::kObjectInUse) return kExitInUse;
  return kExitError;
}
}  // namespace

control::ClientOptions CliContext::ClientOptions() const {
  control::ClientOptions options;
  options.socket_path = socket_path;
  options.timeout = std::chrono::seconds(timeout_seconds);
  options.client_name = "db9";
  return options;
}

std::unique_ptr<control::Client> CliContext::Connect() {
  auto client = control::Client::Connect(ClientOptions());
  if (!client.ok()) {
    Fail(client.status());
    return nullptr;
  }
  return std::move(client).value();
}

void CliContext::Fail(const Status& status) {
  std::cerr << "error: " << status.message() << "\n";
  if (!status.detail().empty()) std::cerr << "  " << status.detail() << "\n";
  if (!status.hint().empty()) std::cerr << "  hint: " << status.hint() << "\n";
  exit_code = ExitCodeFor(status);
}

}  // namespace db9::cli

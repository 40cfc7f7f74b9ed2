#include "daemon/app/logging.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <vector>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "shared/base/sqlstate.h"

namespace db9::app {

Status SetUpLogging(const std::string& data_dir, const std::string& level) {
  std::string dir = data_dir + "/logs";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  ::chmod(dir.c_str(), 0700);
  std::vector<spdlog::sink_ptr> sinks;
  auto console = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  // JOURNAL_STREAM is set when systemd connected stderr to the journal.
  console->set_pattern(std::getenv("JOURNAL_STREAM") != nullptr ? "%l: %v"
                                                                 : "%Y-%m-%d %H:%M:%S.%e %l: %v");
  sinks.push_back(console);
  try {
    auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(dir + "/db9d.log",
                                                                        10 * 1024 * 1024, 5);
    file->set_pattern("%Y-%m-%d %H:%M:%S.%e [%t] %l: %v");
    sinks.push_back(file);
  } catch (const spdlog::spdlog_ex& e) {
    return Status::Error(sqlstate::kIoError,
                         "cannot open the log file in " + dir + ": " + e.what());
  }
  auto logger = std::make_shared<spdlog::logger>("db9d", sinks.begin(), sinks.end());
  logger->set_level(spdlog::level::from_str(level));
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(logger);
  return Status::OK();
}

}  // namespace db9::app

#include "shared/cli/daemon_launcher.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>

#include "shared/base/sqlstate.h"

namespace db9::cli {

std::string FindDaemonBinary() {
  if (const char* path = std::getenv("DB9D_PATH"); path != nullptr && *path != '\0') return path;
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // Installed side by side, or in a build tree (build/shared/cli/db9 ->
    // build/daemon/app/db9d).
    for (auto candidate : {self.parent_path() / "db9d",
                           self.parent_path().parent_path().parent_path() / "daemon/app/db9d"}) {
      if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
  }
  return "db9d";
}

Status LaunchDaemon(const std::string& binary, const std::vector<std::string>& args,
                    const control::ClientOptions& options, int timeout_seconds) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return Status::Internal("cannot create a pipe");
  pid_t child = ::fork();
  if (child < 0) return Status::Internal("cannot fork");
  if (child == 0) {
    // The daemon: its own session, stdin from /dev/null, stdout/stderr into
    // the pipe so a start-up failure can be shown. (db9d ignores SIGPIPE, so
    // the pipe closing later does it no harm; it logs to its file anyway.)
    ::setsid();
    int null_fd = ::open("/dev/null", O_RDWR);
    ::dup2(null_fd, 0);
    ::dup2(pipe_fds[1], 1);
    ::dup2(pipe_fds[1], 2);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(binary.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execvp(binary.c_str(), argv.data());
    std::string why = "db9 daemon start: cannot run " + binary + ": " + std::strerror(errno) + "\n";
    [[maybe_unused]] ssize_t n = ::write(2, why.data(), why.size());
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  ::fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);
  std::string output;
  auto drain = [&] {
    char chunk[4096];
    ssize_t n;
    while ((n = ::read(pipe_fds[0], chunk, sizeof(chunk))) > 0) output.append(chunk, n);
  };
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  Status result;
  while (true) {
    drain();
    int wstatus = 0;
    if (::waitpid(child, &wstatus, WNOHANG) == child) {
      drain();
      std::string how = WIFEXITED(wstatus) ? "exited with code " + std::to_string(WEXITSTATUS(wstatus))
                                           : "was killed by signal " + std::to_string(WTERMSIG(wstatus));
      result = Status::Error(sqlstate::kConnectionException, "db9d " + how + " while starting")
                   .WithDetail(output.empty() ? "it printed nothing" : output);
      break;
    }
    auto client = control::Client::Connect(options);
    if (client.ok()) break;  // listening
    if (std::chrono::steady_clock::now() > deadline) {
      result = Status::Error(sqlstate::kConnectionException,
                             "db9d did not open its control socket within " +
                                 std::to_string(timeout_seconds) + " s (pid " +
                                 std::to_string(child) + " is still running)")
                   .WithDetail(output)
                   .WithHint("see its log in <data-dir>/logs/db9d.log");
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::close(pipe_fds[0]);
  return result;
}

}  // namespace db9::cli

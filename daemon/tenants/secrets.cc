#include "daemon/tenants/secrets.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "shared/base/sqlstate.h"

namespace db9::tenants {

namespace {

uint64_t SecureRandom64() {
  uint64_t value = 0;
  auto* out = reinterpret_cast<unsigned char*>(&value);
  size_t filled = 0;
  while (filled < sizeof(value)) {
    ssize_t n = ::getrandom(out + filled, sizeof(value) - filled, 0);
    // getrandom only fails on EINTR once the pool is initialised (Linux >= 3.17).
    if (n > 0) filled += static_cast<size_t>(n);
  }
  return value;
}

Status IoError(const std::string& what, const std::string& path, int error) {
  return Status::Error(sqlstate::kIoError, what + " " + path + ": " + std::strerror(error));
}

Status WriteAll(int fd, const std::string& contents, const std::string& path) {
  size_t written = 0;
  while (written < contents.size()) {
    ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError("cannot write", path, errno);
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) return IoError("cannot sync", path, errno);
  return Status::OK();
}

}  // namespace

uint64_t SecureRandomBelow(uint64_t bound) {
  // Rejection sampling keeps the distribution uniform.
  uint64_t limit = std::numeric_limits<uint64_t>::max() - std::numeric_limits<uint64_t>::max() % bound;
  while (true) {
    uint64_t value = SecureRandom64();
    if (value < limit) return value % bound;
  }
}

std::string GeneratePassword() {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string password;
  for (int i = 0; i < 24; ++i) password += kAlphabet[SecureRandomBelow(sizeof(kAlphabet) - 1)];
  return password;
}

std::string RandomHex(int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < length; ++i) out += kHex[SecureRandomBelow(16)];
  return out;
}

Status WriteFileAtomically(const std::string& path, const std::string& contents, uint32_t mode) {
  std::string temp = path + ".tmp-" + RandomHex(8);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return IoError("cannot create", temp, errno);
  // The umask may have narrowed the mode; never widened it, but set it exactly.
  ::fchmod(fd, mode);
  Status written = WriteAll(fd, contents, temp);
  ::close(fd);
  if (!written.ok()) {
    ::unlink(temp.c_str());
    return written;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    return IoError("cannot replace", path, error);
  }
  // Make the rename itself durable.
  std::string dir = std::filesystem::path(path).parent_path().string();
  int dir_fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return Status::OK();
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("cannot read", path, errno);
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) return IoError("cannot read", path, errno);
  return contents.str();
}

}  // namespace db9::tenants

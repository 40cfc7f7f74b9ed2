#include "daemon/storage/kv/zero_filled_log_env.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>

namespace db9::kv {
namespace {

leveldb::Status PosixError(const std::string& context, int error) {
  return leveldb::Status::IOError(context, std::strerror(error));
}

// Retries short writes and EINTR; false with errno set on failure.
bool WriteAllAt(int fd, const char* data, size_t size, off_t offset) {
  while (size > 0) {
    ssize_t n = ::pwrite(fd, data, size, offset);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    size -= static_cast<size_t>(n);
    offset += n;
  }
  return true;
}

// Makes the new file's directory entry durable: a commit synced into a log
// that a power loss unlinks would be lost.
bool SyncDirectoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  int saved = errno;
  ::close(fd);
  errno = saved;
  return ok;
}

class ZeroFilledLogFile final : public leveldb::WritableFile {
 public:
  ZeroFilledLogFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  ~ZeroFilledLogFile() override {
    if (fd_ >= 0) ::close(fd_);
  }

  // Zeros `bytes` of the file and makes them, the size and the directory
  // entry durable, so that later syncs have no metadata to write.
  leveldb::Status ZeroFill(size_t bytes) {
    static constexpr size_t kChunk = 64 << 10;
    static const std::string zeros(kChunk, '\0');
    for (size_t done = 0; done < bytes; done += kChunk) {
      if (!WriteAllAt(fd_, zeros.data(), std::min(kChunk, bytes - done), static_cast<off_t>(done))) {
        return PosixError(path_, errno);
      }
    }
    if (::fsync(fd_) != 0 || !SyncDirectoryOf(path_)) return PosixError(path_, errno);
    return leveldb::Status::OK();
  }

  leveldb::Status Append(const leveldb::Slice& data) override {
    pending_.append(data.data(), data.size());
    return leveldb::Status::OK();
  }

  leveldb::Status Flush() override {
    if (pending_.empty()) return leveldb::Status::OK();
    if (!WriteAllAt(fd_, pending_.data(), pending_.size(), offset_)) {
      return PosixError(path_, errno);
    }
    offset_ += static_cast<off_t>(pending_.size());
    pending_.clear();
    return leveldb::Status::OK();
  }

  leveldb::Status Sync() override {
    leveldb::Status flushed = Flush();
    if (!flushed.ok()) return flushed;
    if (::fdatasync(fd_) != 0) return PosixError(path_, errno);
    return leveldb::Status::OK();
  }

  leveldb::Status Close() override {
    leveldb::Status flushed = Flush();
    if (fd_ >= 0 && ::close(fd_) != 0 && flushed.ok()) flushed = PosixError(path_, errno);
    fd_ = -1;
    return flushed;
  }

 private:
  std::string path_;
  int fd_;
  off_t offset_ = 0;     // where the next write lands: the zeros lie beyond it
  std::string pending_;  // appended since the last Flush; LevelDB flushes per record
};

class ZeroFilledLogEnv final : public leveldb::EnvWrapper {
 public:
  explicit ZeroFilledLogEnv(size_t log_bytes)
      : leveldb::EnvWrapper(leveldb::Env::Default()), log_bytes_(log_bytes) {}

  leveldb::Status NewWritableFile(const std::string& path,
                                  leveldb::WritableFile** result) override {
    // LevelDB names its write-ahead logs NNNNNN.log (its info log is "LOG").
    if (!std::string_view(path).ends_with(".log")) {
      return target()->NewWritableFile(path, result);
    }
    *result = nullptr;
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return PosixError(path, errno);
    auto file = std::make_unique<ZeroFilledLogFile>(path, fd);
    leveldb::Status filled = file->ZeroFill(log_bytes_);
    if (!filled.ok()) return filled;
    *result = file.release();
    return leveldb::Status::OK();
  }

 private:
  size_t log_bytes_;
};

}  // namespace

std::unique_ptr<leveldb::Env> NewZeroFilledLogEnv(size_t log_bytes) {
  return std::make_unique<ZeroFilledLogEnv>(log_bytes);
}

}  // namespace db9::kv

#include "pipeline/run/lock.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace newsrecon {

RunLock& RunLock::operator=(RunLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);
    fd_ = other.fd_;
    path_ = std::move(other.path_);
    other.fd_ = -1;
  }
  return *this;
}

RunLock::~RunLock() {
  if (fd_ >= 0) close(fd_);  // closing the file releases the flock
}

std::string LockPathFor(const std::string& db_path) { return db_path + ".lock"; }

LockAttempt TryLockRun(const std::string& db_path) {
  LockAttempt out;
  const std::string path = LockPathFor(db_path);
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  // A lock file left by another user: flock works on a read-only descriptor too.
  if (fd < 0 && errno == EACCES) fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    out.error = Status::IoError(path + ": cannot create the run lock: " + std::strerror(errno));
    return out;
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    if (err == EWOULDBLOCK) {
      out.held_by_other = true;
      char buf[32] = {};
      ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
      if (n > 0) out.holder_pid = std::strtoll(buf, nullptr, 10);
    } else {
      out.error = Status::IoError(path + ": cannot lock: " + std::strerror(err));
    }
    close(fd);
    return out;
  }
  // Ours now: leave our pid for the next one who finds it held. A failure to
  // write it only loses the pid in that message.
  const std::string pid = std::to_string(static_cast<long long>(getpid())) + "\n";
  if (ftruncate(fd, 0) == 0) {
    ssize_t written = pwrite(fd, pid.data(), pid.size(), 0);
    (void)written;
  }
  out.lock = RunLock(fd, path);
  return out;
}

}  // namespace newsrecon

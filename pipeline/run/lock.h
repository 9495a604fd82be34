// The run lock: one ingest at a time per database file.
//
// Takes the database's path; holds an exclusive flock(2) on "<db>.lock" for
// as long as the RunLock lives. The kernel releases it when the process ends
// in any way (kill -9 included), so a crashed run never leaves a stale lock;
// the file itself stays and holds the pid of the last holder, for messages.
// Acquiring never waits: a second run learns at once that one is going on.
//
// Gives: a LockAttempt: the lock, or held_by_other with the holder's pid (0
// if unknown), or an error (kIoError: the lock file cannot be created, e.g. a
// read-only folder).
//
// Thread-safety: a RunLock is owned by one thread; flock locks belong to the
// open file, so two RunLocks of one process on one path also exclude each other.
#ifndef NEWSRECON_PIPELINE_RUN_LOCK_H_
#define NEWSRECON_PIPELINE_RUN_LOCK_H_

#include <cstdint>
#include <optional>
#include <string>

#include "pipeline/core/status.h"

namespace newsrecon {

class RunLock {  // move-only
 public:
  RunLock(RunLock&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) {
    other.fd_ = -1;
  }
  RunLock& operator=(RunLock&& other) noexcept;
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;
  ~RunLock();

  const std::string& path() const { return path_; }

 private:
  friend struct LockAttempt TryLockRun(const std::string& db_path);
  RunLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_ = -1;
  std::string path_;
};

struct LockAttempt {
  std::optional<RunLock> lock;  // engaged: acquired
  bool held_by_other = false;   // another process holds it
  int64_t holder_pid = 0;       // that process, when its pid is known; else 0
  Status error;                 // neither: why the lock file could not be used
};

// The lock file's path for a database: "<db_path>.lock".
std::string LockPathFor(const std::string& db_path);

// Tries once to take the lock of `db_path`, writing this process's pid in it.
LockAttempt TryLockRun(const std::string& db_path);

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_RUN_LOCK_H_

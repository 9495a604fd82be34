// Status and StatusOr: how every stage reports an expected failure.
//
// A Status is a value, never an exception: a missing file, a bad charset, an
// unparseable date or a busy database each come back as a Status with a code
// and a message that names what was wrong. Asserts are for programmer errors
// only; no input may trigger one.
//
// Thread-safety: values; copy freely.
#ifndef NEWSRECON_PIPELINE_CORE_STATUS_H_
#define NEWSRECON_PIPELINE_CORE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace newsrecon {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,         // a file, row or URL that is not there
    kInvalidArgument,  // input that breaks the contract (bad date, bad UTF-8)
    kIoError,          // the operating system said no
    kCorruption,       // stored data that is not what we wrote
    kBusy,             // another writer holds the database
    kUnsupported,      // a format or feature we do not handle
    kNetwork,          // a transfer failed
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status InvalidArgument(std::string msg) {
    return {Code::kInvalidArgument, std::move(msg)};
  }
  static Status IoError(std::string msg) { return {Code::kIoError, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {Code::kCorruption, std::move(msg)}; }
  static Status Busy(std::string msg) { return {Code::kBusy, std::move(msg)}; }
  static Status Unsupported(std::string msg) { return {Code::kUnsupported, std::move(msg)}; }
  static Status Network(std::string msg) { return {Code::kNetwork, std::move(msg)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "ok", or "<code name>: <message>".
  std::string ToString() const;
  // The same failure with `note` appended to its message (" (the sources file)").
  Status WithNote(std::string_view note) const {
    return ok() ? *this : Status(code_, message_ + std::string(note));
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or the Status that explains why there is none.
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "StatusOr needs a value or an error");
  }
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_CORE_STATUS_H_

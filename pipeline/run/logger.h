// The run's log: one event a line on a stream (stderr in the CLI), as text
// for people or JSON lines for programs, filtered by level, and a progress
// line when the stream is a terminal.
//
// Takes: events (level, event name, source, url, status, duration, message)
// and the run's id once known; a clock for timestamps (injected, so tests are
// deterministic). Gives: lines on the stream. Never fails: a stream that
// cannot be written loses the lines, the run goes on.
//
// Text lines read "newsrecon: <message>" ("newsrecon: error: <message>" for
// errors, "newsrecon: warning: ..." for warnings); JSON lines are objects
// {"ts", "level", "run_id", "source", "url", "event", "status",
// "duration_ms", "message"} with empty fields left out. Colour (red
// "error:") and the progress line are the caller's choice: turn them on only
// when the stream is a terminal and NO_COLOR is unset (see LoggerOptions).
//
// Thread-safety: not thread-safe; one Logger per run.
#ifndef NEWSRECON_PIPELINE_RUN_LOGGER_H_
#define NEWSRECON_PIPELINE_RUN_LOGGER_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace newsrecon {

enum class LogFormat { kText, kJson };
enum class LogLevel { kError = 0, kWarning = 1, kInfo = 2, kDebug = 3 };

// "text"/"json" → the format; nullopt for anything else.
std::optional<LogFormat> ParseLogFormat(std::string_view name);
std::string_view Name(LogLevel level);

using Clock = std::function<std::chrono::system_clock::time_point()>;

// "YYYY-MM-DDTHH:MM:SSZ" (UTC, whole seconds).
std::string FormatUtc(std::chrono::system_clock::time_point t);

struct LoggerOptions {
  LogFormat format = LogFormat::kText;
  LogLevel threshold = LogLevel::kInfo;  // lines above it are dropped (--quiet: kError)
  bool progress = false;  // draw a progress line (a terminal, text format, not --quiet)
  bool color = false;     // colour "error:" (a terminal and NO_COLOR unset)
};

struct LogEvent {
  LogLevel level = LogLevel::kInfo;
  std::string_view event;   // "stored", "unchanged", "document_failed", "run_end" ...
  std::string_view source;  // the path or feed given
  std::string_view url;     // the document (its URL, else its path)
  std::string_view status;  // "ok", "failed", ...
  std::optional<int64_t> duration_ms;
  std::string_view message;  // the text line's content

  // LogEvent(kError, "document_failed", msg).Source(s).Url(u).Status("failed")
  LogEvent() = default;
  LogEvent(LogLevel l, std::string_view ev, std::string_view msg)
      : level(l), event(ev), message(msg) {}
  LogEvent& Source(std::string_view s) {
    source = s;
    return *this;
  }
  LogEvent& Url(std::string_view u) {
    url = u;
    return *this;
  }
  LogEvent& Status(std::string_view s) {
    status = s;
    return *this;
  }
  LogEvent& Duration(int64_t ms) {
    duration_ms = ms;
    return *this;
  }
};

class Logger {
 public:
  Logger(std::ostream& out, LoggerOptions options, Clock clock);
  Logger(const Logger&) = delete;
  Logger& operator=(const Logger&) = delete;

  void set_run_id(std::string run_id) { run_id_ = std::move(run_id); }
  const std::string& run_id() const { return run_id_; }
  bool Enabled(LogLevel level) const { return level <= options_.threshold; }
  std::chrono::system_clock::time_point Now() const { return clock_(); }

  void Log(const LogEvent& e);
  void Error(std::string_view event, std::string_view message);
  void Info(std::string_view event, std::string_view message);

  // "[done/total] what" redrawn in place; no-op unless options.progress.
  void Progress(int done, int total, std::string_view what);
  // Clears the progress line (call before the program prints anything else).
  void EndProgress();

 private:
  std::ostream& out_;
  LoggerOptions options_;
  Clock clock_;
  std::string run_id_;
  bool progress_shown_ = false;
};

}  // namespace newsrecon

#endif  // NEWSRECON_PIPELINE_RUN_LOGGER_H_

#include "pipeline/run/logger.h"

#include <ctime>
#include <nlohmann/json.hpp>

namespace newsrecon {

std::optional<LogFormat> ParseLogFormat(std::string_view name) {
  if (name == "text") return LogFormat::kText;
  if (name == "json") return LogFormat::kJson;
  return std::nullopt;
}

std::string_view Name(LogLevel level) {
  switch (level) {
    case LogLevel::kError:
      return "error";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kDebug:
      return "debug";
  }
  return "info";
}

std::string FormatUtc(std::chrono::system_clock::time_point t) {
  const std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Logger::Logger(std::ostream& out, LoggerOptions options, Clock clock)
    : out_(out), options_(options), clock_(std::move(clock)) {}

void Logger::Log(const LogEvent& e) {
  if (!Enabled(e.level)) return;
  EndProgress();
  if (options_.format == LogFormat::kJson) {
    nlohmann::json j;
    j["ts"] = FormatUtc(clock_());
    j["level"] = Name(e.level);
    if (!run_id_.empty()) j["run_id"] = run_id_;
    if (!e.source.empty()) j["source"] = e.source;
    if (!e.url.empty()) j["url"] = e.url;
    j["event"] = e.event;
    if (!e.status.empty()) j["status"] = e.status;
    if (e.duration_ms) j["duration_ms"] = *e.duration_ms;
    j["message"] = e.message;
    // Invalid UTF-8 in a path must not end the run: replace it.
    out_ << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    out_ << "newsrecon: ";
    if (e.level == LogLevel::kError)
      out_ << (options_.color ? "\033[31merror:\033[0m " : "error: ");
    if (e.level == LogLevel::kWarning) out_ << "warning: ";
    out_ << e.message << "\n";
  }
  out_.flush();
}

void Logger::Error(std::string_view event, std::string_view message) {
  Log(LogEvent(LogLevel::kError, event, message));
}
void Logger::Info(std::string_view event, std::string_view message) {
  Log(LogEvent(LogLevel::kInfo, event, message));
}

void Logger::Progress(int done, int total, std::string_view what) {
  if (!options_.progress) return;
  std::string line = "[" + std::to_string(done) + "/" + std::to_string(total) + "] ";
  line += what.substr(0, 60);
  out_ << "\r\033[K" << line;
  out_.flush();
  progress_shown_ = true;
}

void Logger::EndProgress() {
  if (!progress_shown_) return;
  out_ << "\r\033[K";
  progress_shown_ = false;
}

}  // namespace newsrecon

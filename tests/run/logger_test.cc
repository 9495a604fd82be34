// The run's logger: one event a line, text or JSON, filtered by level, with
// a fixed clock so lines are deterministic.
#include "pipeline/run/logger.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace newsrecon {
namespace {

// 2026-04-27T09:30:00Z
Clock FixedClock() {
  return [] { return std::chrono::system_clock::time_point(std::chrono::seconds(1777282200)); };
}

TEST_CASE("logger: JSON lines carry the documented fields, empty ones left out") {
  std::ostringstream out;
  LoggerOptions o;
  o.format = LogFormat::kJson;
  Logger log(out, o, FixedClock());
  log.set_run_id("abc");
  log.Log(LogEvent(LogLevel::kInfo, "new", "stored x: 3 claims")
              .Source("corpus/")
              .Url("corpus/x.txt")
              .Status("ok")
              .Duration(12));
  log.Error("source_failed", "bad \xFF path");
  std::istringstream lines(out.str());
  std::string first, second, third;
  std::getline(lines, first);
  std::getline(lines, second);
  CHECK(!std::getline(lines, third));
  nlohmann::json a = nlohmann::json::parse(first);
  CHECK(a == nlohmann::json{{"ts", "2026-04-27T09:30:00Z"},
                            {"level", "info"},
                            {"run_id", "abc"},
                            {"source", "corpus/"},
                            {"url", "corpus/x.txt"},
                            {"event", "new"},
                            {"status", "ok"},
                            {"duration_ms", 12},
                            {"message", "stored x: 3 claims"}});
  nlohmann::json b = nlohmann::json::parse(second);  // invalid UTF-8 replaced, not thrown
  CHECK(b["level"] == "error");
  CHECK(!b.contains("url"));
  CHECK(b["message"].get<std::string>().find("bad ") == 0);
}

TEST_CASE("logger: text lines, levels and colour") {
  struct Case {
    const char* id;
    LogLevel threshold;
    bool color;
    const char* want;
  };
  const Case cases[] = {
      {"info", LogLevel::kInfo, false,
       "newsrecon: warning: w\nnewsrecon: error: e\nnewsrecon: i\n"},
      {"quiet", LogLevel::kError, false, "newsrecon: error: e\n"},
      {"verbose", LogLevel::kDebug, false,
       "newsrecon: warning: w\nnewsrecon: error: e\nnewsrecon: i\nnewsrecon: d\n"},
      {"colour", LogLevel::kError, true, "newsrecon: \033[31merror:\033[0m e\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.id));
    std::ostringstream out;
    LoggerOptions o;
    o.threshold = c.threshold;
    o.color = c.color;
    Logger log(out, o, FixedClock());
    log.Log(LogEvent(LogLevel::kWarning, "w", "w"));
    log.Error("e", "e");
    log.Info("i", "i");
    log.Log(LogEvent(LogLevel::kDebug, "d", "d"));
    log.Progress(1, 2, "x");  // progress off: nothing
    CHECK(out.str() == c.want);
  }
}

TEST_CASE("logger: the progress line is cleared before the next line") {
  std::ostringstream out;
  LoggerOptions o;
  o.progress = true;
  Logger log(out, o, FixedClock());
  log.Progress(1, 10, "a.txt");
  log.Info("i", "i");
  CHECK(out.str() == "\r\033[K[1/10] a.txt\r\033[Knewsrecon: i\n");
}

TEST_CASE("logger: format names and timestamps") {
  CHECK(ParseLogFormat("text") == LogFormat::kText);
  CHECK(ParseLogFormat("json") == LogFormat::kJson);
  CHECK(!ParseLogFormat("xml"));
  CHECK(!ParseLogFormat(""));
  CHECK(FormatUtc(std::chrono::system_clock::time_point(std::chrono::seconds(0))) ==
        "1970-01-01T00:00:00Z");
  CHECK(FormatUtc(std::chrono::system_clock::time_point(std::chrono::seconds(951782400))) ==
        "2000-02-29T00:00:00Z");
}

}  // namespace
}  // namespace newsrecon

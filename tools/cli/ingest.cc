// newsrecon ingest: load, parse, extract, store and reconcile, one run at a
// time per database (the run lock), every run recorded in the store.
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "pipeline/fetch/http.h"
#include "pipeline/fetch/sources.h"
#include "pipeline/fetch/url.h"
#include "pipeline/run/lock.h"
#include "pipeline/run/logger.h"
#include "pipeline/run/run.h"
#include "pipeline/run/web.h"
#include "pipeline/store/runs.h"
#include "pipeline/store/store.h"
#include "tools/cli/cli.h"
#include "tools/cli/config.h"

namespace newsrecon::cli {
namespace {

struct IngestOptions {
  DatabaseOptions database;
  std::string log_format;  // empty: from the configuration, else text
  bool quiet = false;
  bool verbose = false;
  std::vector<std::string> paths;  // files, folders and http(s) URLs
  std::string sources;             // empty: the configuration's, if no path is given
  std::string user_agent;          // empty: the configuration's
  std::string contact;             // empty: the configuration's
  std::string ca_file;             // empty: the configuration's, else the system's CA store
  int64_t per_host_delay_ms = -1;  // negative: the configuration's
  LocalOverrides overrides;
  std::string published;
  bool strict = false;
};

// What the run row records as the command: the flags that change what is done.
std::string CommandSummary(const IngestOptions& o, const std::string& db) {
  std::string out = "ingest --db " + db;
  if (o.strict) out += " --strict";
  if (!o.published.empty()) out += " --published " + o.published;
  if (!o.sources.empty()) out += " --sources " + o.sources;
  for (const std::string& p : o.paths) out += " " + p;
  return out;
}

// NEWSRECON_MAX_PAGE_COUNT: a hidden knob for tests that play a full disk.
int64_t MaxPageCountFromEnv() {
  const char* v = std::getenv("NEWSRECON_MAX_PAGE_COUNT");
  if (v == nullptr) return 0;
  return std::strtoll(v, nullptr, 10);
}

// The fetch policy: the configuration's politeness, then the flags.
FetchPolicy PolicyFor(const IngestOptions& o, const Politeness& p) {
  FetchPolicy policy;
  const std::string& agent = !o.user_agent.empty() ? o.user_agent : p.user_agent;
  const std::string& contact = !o.contact.empty() ? o.contact : p.contact;
  if (!agent.empty()) policy.user_agent = agent;
  // The contact goes in the User-Agent, where site operators look for it.
  if (!contact.empty() && policy.user_agent.find(contact) == std::string::npos)
    policy.user_agent += " (contact: " + contact + ")";
  const int64_t delay = o.per_host_delay_ms >= 0 ? o.per_host_delay_ms : p.per_host_delay_ms;
  policy.per_host_delay = std::chrono::milliseconds(delay);
  policy.per_host_parallel = static_cast<int>(p.per_host_parallel);
  policy.max_parallel = static_cast<int>(p.max_parallel);
  policy.connect_timeout = std::chrono::milliseconds(p.connect_timeout_ms);
  policy.total_timeout = std::chrono::milliseconds(p.timeout_ms);
  policy.max_body_bytes = p.max_body_bytes;
  policy.ca_file = !o.ca_file.empty() ? o.ca_file : p.ca_file;
  return policy;
}

// What to read: local paths, and web sources (the URLs given as arguments,
// and the sources file: --sources, else the configuration's when no argument
// is given).
struct Inputs {
  std::vector<std::string> paths;
  std::vector<Source> sources;
};

StatusOr<Inputs> InputsFor(const IngestOptions& o, const Config& config) {
  Inputs in;
  for (const std::string& p : o.paths) {
    if (IsHttpUrl(p)) {
      Source s;
      s.url = p;
      s.outlet = o.overrides.outlet;
      in.sources.push_back(std::move(s));
    } else {
      in.paths.push_back(p);
    }
  }
  const std::string& file = !o.sources.empty() ? o.sources
                            : o.paths.empty()  ? config.sources
                                               : std::string();
  if (!file.empty()) {
    StatusOr<std::vector<Source>> listed = LoadSources(file);
    if (!listed.ok()) return listed.status();
    for (Source& s : *listed) in.sources.push_back(std::move(s));
  }
  if (in.paths.empty() && in.sources.empty()) {
    return Status::InvalidArgument(
        !file.empty() ? file + ": no [[source]] in it; nothing to ingest"
                      : "nothing to ingest: give files, folders or URLs, or --sources FILE "
                        "(or `sources` in the configuration)");
  }
  return in;
}

int RunIngest(const IngestOptions& o) {
  int code = kExitOk;
  std::optional<Config> config = LoadConfigOrFail(o.database.config, &code);
  if (!config) return code;
  // A CA bundle that is not there is a configuration error, told before any fetch.
  if (Status ca = !o.ca_file.empty() ? CheckCaFile(o.ca_file, "--ca-file")
                                     : CheckCaFile(config->politeness.ca_file,
                                                   config->file + ": politeness.ca_file");
      !ca.ok()) {
    std::cerr << "newsrecon: error: configuration: " << ca.message() << "\n";
    return kExitConfig;
  }
  const std::string db = ResolveDatabase(o.database.db, *config);
  const std::string format_name = !o.log_format.empty()
                                      ? o.log_format
                                      : (!config->log_format.empty() ? config->log_format : "text");
  std::optional<LogFormat> format = ParseLogFormat(format_name);
  if (!format) return Fail(Status::InvalidArgument("--log-format: unknown format " + format_name));
  StatusOr<std::optional<CivilDate>> published = ParsePublished(o.published);
  if (!published.ok()) return Fail(published.status());
  LocalOverrides overrides = o.overrides;
  overrides.published = *published;
  StatusOr<Inputs> inputs = InputsFor(o, *config);
  if (!inputs.ok()) {
    // A sources file that is wrong is a configuration error; none at all, usage.
    const bool usage = o.paths.empty() && o.sources.empty() && config->sources.empty();
    std::cerr << "newsrecon: error: " << inputs.status().message() << "\n";
    if (usage) return kExitUsage;
    return inputs.status().code() == Status::Code::kNotFound ? kExitNoInput : kExitConfig;
  }

  // One run at a time: the lock is held until this function returns (and
  // released by the kernel if the process is killed).
  LockAttempt lock = TryLockRun(db);
  if (lock.held_by_other) {
    std::cerr << "newsrecon: another ingest is running on " << db;
    if (lock.holder_pid > 0) std::cerr << " (pid " << lock.holder_pid << ")";
    std::cerr << "; it holds " << LockPathFor(db) << "; nothing done\n";
    return kExitLocked;
  }
  if (!lock.lock) return Fail(lock.error);

  StatusOr<Store> store = Store::Open(db);
  if (!store.ok()) return Fail(store.status());
  if (Status s = LimitPageCount(&*store, MaxPageCountFromEnv()); !s.ok()) return Fail(s);

  const bool tty = isatty(STDERR_FILENO) == 1;
  LoggerOptions lo;
  lo.format = *format;
  lo.threshold = o.quiet ? LogLevel::kError : o.verbose ? LogLevel::kDebug : LogLevel::kInfo;
  lo.progress = tty && *format == LogFormat::kText && !o.quiet;
  lo.color = tty && std::getenv("NO_COLOR") == nullptr;
  Logger log(std::cerr, lo, [] { return std::chrono::system_clock::now(); });

  RunInfo info;
  info.version = NEWSRECON_VERSION;
  info.command = CommandSummary(o, db);
  info.pid = static_cast<int64_t>(getpid());
  info.holds_lock = true;
  StatusOr<IngestRun> run = IngestRun::Begin(&*store, &log, info);
  if (!run.ok()) return Fail(run.status());

  Status s = IngestLocal(inputs->paths, overrides, &*run);
  if (s.ok() && !inputs->sources.empty()) {
    WebOptions web;
    web.policy = PolicyFor(o, config->politeness);
    s = IngestWeb(inputs->sources, web, &*store, &*run, &log);
  }
  StatusOr<IngestSummary> summary = s.ok() ? run->Finish() : StatusOr<IngestSummary>(s);
  log.EndProgress();
  if (!summary.ok()) {
    code = Fail(summary.status());
    (void)run->Record(code, summary.status());  // best effort: the store is failing already
    return code;
  }
  if (summary->NothingRead()) {
    std::cerr << "newsrecon: error: no document could be read\n";
    code = ExitFor(summary->first_error);
  } else if (summary->AnyFailed() && o.strict) {
    code = kExitPartial;
  }
  if (Status r = run->Record(code); !r.ok()) return Fail(r);
  return code;
}

}  // namespace

Command AddIngestCommand(CLI::App& root) {
  auto o = std::make_shared<IngestOptions>();
  CLI::App* app = root.add_subcommand(
      "ingest",
      "Load or fetch, parse, extract, store and reconcile articles from files, folders, feeds, "
      "sitemaps and pages.");
  AddDatabaseOptions(app, &o->database);  // ingest creates the database if it is missing
  app->add_option("paths", o->paths,
                  "Files, folders (with a manifest.json giving outlet, URL, title and "
                  "publication date per file, or without: every .txt/.html in it), or http(s) "
                  "URLs of feeds, sitemaps or pages (the kind is detected)");
  app->add_option("--sources", o->sources,
                  "Sources file (TOML, [[source]] tables with url, outlet, kind) to fetch; "
                  "default: the configuration's `sources` when no path or URL is given");
  app->add_option("--user-agent", o->user_agent,
                  "User-Agent for web fetches; default: the configuration's, else newsrecon's");
  app->add_option("--ca-file", o->ca_file,
                  "PEM file of the CA certificates to trust for https instead of the system's "
                  "(default: the configuration's politeness.ca_file)");
  app->add_option("--contact", o->contact,
                  "An e-mail or URL added to the User-Agent so site operators can reach you");
  app->add_option("--per-host-delay-ms", o->per_host_delay_ms,
                  "Milliseconds between two requests to one host (default: the "
                  "configuration's, else 1000); robots.txt Crawl-delay may ask for more")
      ->check(CLI::NonNegativeNumber);
  app->add_option("--published", o->published, "Publication date YYYY-MM-DD (single files)");
  app->add_option("--outlet", o->overrides.outlet, "Outlet name (single files, and URLs given)");
  app->add_option("--url", o->overrides.url, "Article URL (single files)");
  app->add_option("--title", o->overrides.title, "Article title (single files)");
  app->add_flag("--strict", o->strict, "Exit 1 when any input failed");
  app->add_option("--log-format", o->log_format,
                  "Log lines on stderr: text (default) or json (one object a line: ts, level, "
                  "run_id, source, url, event, status, duration_ms, message)")
      ->check(CLI::IsMember({"text", "json"}));
  auto* quiet = app->add_flag("-q,--quiet", o->quiet, "Log errors only");
  app->add_flag("-v,--verbose", o->verbose, "Log debug events too")->excludes(quiet);
  return {app, [o] { return RunIngest(*o); }};
}

}  // namespace newsrecon::cli

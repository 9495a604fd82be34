// Unattended runs (issue: cron-grade ingestion): the real binary killed at
// random moments, two runs at once, readers during a run, read-only files,
// a full disk, hostile inputs, a bad configuration; and a database of the
// first schema upgraded in place. Every test ends by checking the file:
// PRAGMA integrity_check, foreign_key_check, and the same articles, claims
// and findings as one uninterrupted run (compared by natural keys).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/core/embedded.h"
#include "pipeline/store/store.h"
#include "tests/testing/temp_dir.h"

extern char** environ;

namespace newsrecon {
namespace {

const std::string kBinary = NEWSRECON_BINARY;

std::string Quote(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// A corpus of `n` short articles from a few outlets about a few companies,
// with dates, money and percentages, so that reconcile finds conflicts and
// agreements; with a manifest giving outlets and publication dates.
void WriteCorpus(const TempDir& dir, const std::string& folder, int n, uint32_t seed) {
  const char* companies[] = {"Acme Corp", "Globex", "Initech", "Umbrella Holdings", "Hooli"};
  const char* outlets[] = {"Daily Planet", "Gotham Gazette", "Central City Citizen", "The Bugle"};
  const char* months[] = {"January", "March", "May", "July", "September", "November"};
  std::mt19937 rng(seed);
  nlohmann::json manifest = {{"articles", nlohmann::json::array()}};
  for (int i = 0; i < n; ++i) {
    const std::string company = companies[rng() % 5];
    const int year = 2020 + static_cast<int>(rng() % 5);
    std::string text = company + "'s valuation reached $" + std::to_string(5 + rng() % 40) +
                       " billion in " + months[rng() % 6] + " " + std::to_string(year) + ". ";
    text += "Its revenue rose " + std::to_string(1 + rng() % 30) + "% last year, and " + company +
            " said it expects about $" + std::to_string(1 + rng() % 9) + " million in fees. ";
    text += "The deal runs through " + std::to_string(2028 + rng() % 6) + ".\n";
    const std::string file = "a" + std::to_string(i) + ".txt";
    dir.Write(folder + "/" + file, text);
    char published[16];
    std::snprintf(published, sizeof(published), "2025-%02d-%02d", 1 + i % 12, 1 + i % 28);
    manifest["articles"].push_back({{"file", file},
                                    {"outlet", outlets[rng() % 4]},
                                    {"url", "https://news.example/" + folder + "/" + file},
                                    {"title", "Story " + std::to_string(i)},
                                    {"published", published}});
  }
  dir.Write(folder + "/manifest.json", manifest.dump());
}

// A child process running the binary with `args`, its output in files.
struct Child {
  pid_t pid = -1;
  int Wait() {
    int status = 0;
    if (pid <= 0 || waitpid(pid, &status, 0) != pid) return -1;
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
};

Child Spawn(const std::vector<std::string>& args, const std::string& log) {
  std::vector<std::string> argv_s = {kBinary};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  Child c;
  if (posix_spawn(&c.pid, kBinary.c_str(), &fa, nullptr, argv.data(), environ) != 0) c.pid = -1;
  posix_spawn_file_actions_destroy(&fa);
  return c;
}

// Rows of a query as text, one line a row, '|' between columns.
std::string Rows(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
    return std::string("ERROR ") + sqlite3_errmsg(db);
  std::string out;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      if (i) out += "|";
      const unsigned char* t = sqlite3_column_text(st, i);
      out += t ? reinterpret_cast<const char*>(t) : "NULL";
    }
    out += "\n";
  }
  if (rc != SQLITE_DONE) out += std::string("ERROR ") + sqlite3_errmsg(db);
  sqlite3_finalize(st);
  return out;
}

struct Db {
  sqlite3* db = nullptr;
  explicit Db(const std::string& path, bool readonly = true) {
    sqlite3_open_v2(path.c_str(), &db, readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                    nullptr);
    sqlite3_busy_timeout(db, 5000);
  }
  ~Db() { sqlite3_close_v2(db); }
  std::string operator()(const std::string& sql) const { return Rows(db, sql); }
};

// What must be equal between two databases of the same inputs: articles,
// claims and findings by natural keys (not row ids).
std::string Content(const std::string& path) {
  Db q(path);
  std::string out = "articles\n" + q("SELECT source_key, content_hash, label, title, published "
                                     "FROM articles ORDER BY source_key");
  out += "claims\n" + q("SELECT a.source_key, c.ordinal, c.kind, c.text, c.start_byte, "
                        "c.end_byte, c.entity, c.attribute, c.qualifier, c.as_of_start, "
                        "c.as_of_end, c.interval_low, c.interval_high FROM claims AS c JOIN "
                        "articles AS a ON a.id = c.article_id ORDER BY a.source_key, c.ordinal");
  out += "conflicts\n" + q("SELECT k.id, k.rank, k.reason, k.severity, cc.side, a.source_key, "
                           "c.ordinal FROM conflicts AS k JOIN conflict_claims AS cc ON "
                           "cc.conflict_id = k.id JOIN claims AS c ON c.id = cc.claim_id JOIN "
                           "articles AS a ON a.id = c.article_id ORDER BY k.id, cc.side");
  out += "agreements\n" + q("SELECT g.id, g.rank, g.reason, ac.position, a.source_key, "
                            "c.ordinal FROM agreements AS g JOIN agreement_claims AS ac ON "
                            "ac.agreement_id = g.id JOIN claims AS c ON c.id = ac.claim_id JOIN "
                            "articles AS a ON a.id = c.article_id ORDER BY g.id, ac.position");
  return out;
}

// Opened for writing, as the next run opens it: after a kill the WAL index
// may need recovering, which SQLite does on the first read-write open and
// refuses to a read-only one ("attempt to write a readonly database").
void CheckIntact(const std::string& path) {
  Db q(path, /*readonly=*/false);
  CHECK(q("PRAGMA integrity_check") == "ok\n");
  CHECK(q("PRAGMA foreign_key_check") == "");
}

int64_t Count(const std::string& path, const std::string& sql) {
  std::string r = Db(path)(sql);
  return std::atoll(r.c_str());
}

TEST_CASE("cron: a run killed at random moments is completed by the next, exactly") {
  TempDir dir;
  WriteCorpus(dir, "corpus", 240, 7);
  const std::string corpus = dir.File("corpus");
  const std::string log = dir.File("log.txt");

  // The reference: one uninterrupted run, timed to spread the kills over it.
  const std::string ref = dir.File("ref.db");
  auto t0 = std::chrono::steady_clock::now();
  REQUIRE(Spawn({"ingest", "--db", ref, corpus}, log).Wait() == 0);
  const auto full =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0)
          .count();
  const std::string expected = Content(ref);
  REQUIRE(Count(ref, "SELECT COUNT(*) FROM articles") == 240);
  REQUIRE(Count(ref, "SELECT COUNT(*) FROM conflicts") > 0);
  REQUIRE(Count(ref, "SELECT COUNT(*) FROM agreements") > 0);

  const std::string db = dir.File("crash.db");
  std::mt19937 rng(12345);
  constexpr int kKills = 18;
  for (int k = 0; k < kKills; ++k) {
    CAPTURE(k);
    Child c = Spawn({"ingest", "--db", db, corpus}, log);
    REQUIRE(c.pid > 0);
    // Random moments over a whole run, a few early ones (open, migrations).
    const int64_t delay = static_cast<int64_t>(rng() % static_cast<uint32_t>(full + 1));
    std::this_thread::sleep_for(std::chrono::microseconds(k < 3 ? delay / 20 : delay));
    kill(c.pid, SIGKILL);
    const int killed = c.Wait();
    CHECK((killed == 128 + SIGKILL || killed == 0));
    if (std::filesystem::exists(db)) CheckIntact(db);
    // Every other kill is followed by a normal run; the others by another kill.
    if (k % 2 == 1) CHECK(Spawn({"ingest", "--db", db, corpus}, log).Wait() == 0);
  }
  REQUIRE(Spawn({"ingest", "--db", db, corpus}, log).Wait() == 0);
  CheckIntact(db);
  CHECK(Content(db) == expected);
  CHECK(Count(db, "SELECT COUNT(*) FROM runs WHERE status = 'running'") == 0);
  CHECK(Count(db, "SELECT COUNT(*) FROM runs WHERE status = 'ok'") >= kKills / 2 + 1);
  // Each article was stored once: one 'new' change per article, whatever the kills.
  CHECK(Count(db, "SELECT COUNT(*) FROM article_changes WHERE change = 'new'") == 240);
  CHECK(Count(db, "SELECT COUNT(*) FROM article_changes WHERE change = 'changed'") == 0);
}

TEST_CASE("cron: a second run while one holds the lock exits 69 at once, naming the holder") {
  TempDir dir;
  WriteCorpus(dir, "corpus", 150, 11);
  const std::string db = dir.File("lock.db");
  const std::string log = dir.File("log.txt");
  Child first = Spawn({"ingest", "--db", db, dir.File("corpus")}, log);
  REQUIRE(first.pid > 0);
  // Wait until the first run holds the lock (the lock file names its pid).
  bool held = false;
  for (int i = 0; i < 2000 && !held; ++i) {
    int fd = open((db + ".lock").c_str(), O_RDONLY);
    if (fd >= 0) {
      held = flock(fd, LOCK_EX | LOCK_NB) != 0;
      close(fd);  // releases ours if we got it
    }
    if (!held) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (held) {
    CommandResult second =
        RunCommand(kBinary + " ingest --db " + Quote(db) + " " + Quote(dir.File("corpus")));
    CHECK(second.exit_code == 69);
    CHECK(second.err.find("pid " + std::to_string(first.pid)) != std::string::npos);
    CHECK(second.err.find("\n") == second.err.size() - 1);  // one line
  } else {
    MESSAGE("the first run ended before the lock could be seen; lock case not exercised");
  }
  CHECK(first.Wait() == 0);
  CheckIntact(db);
  CHECK(Count(db, "SELECT COUNT(*) FROM articles") == 150);

  SUBCASE("started together: each exits 0 or 69, at least one 0, the file intact") {
    Child a = Spawn({"ingest", "--db", db, dir.File("corpus")}, log);
    Child b = Spawn({"ingest", "--db", db, dir.File("corpus")}, log);
    const int ra = a.Wait(), rb = b.Wait();
    CHECK((ra == 0 || ra == 69));
    CHECK((rb == 0 || rb == 69));
    CHECK((ra == 0 || rb == 0));
    CheckIntact(db);
    CHECK(Count(db, "SELECT COUNT(*) FROM articles") == 150);
  }
}

TEST_CASE("cron: readers are not blocked and never see an article without its claims") {
  TempDir dir;
  WriteCorpus(dir, "corpus", 150, 3);
  const std::string db = dir.File("read.db");
  const std::string log = dir.File("log.txt");
  // Create the file (schema) with a first, tiny run.
  dir.Write("one/x.txt", "Acme Corp's revenue rose 4% in March 2024.");
  REQUIRE(Spawn({"ingest", "--db", db, dir.File("one")}, log).Wait() == 0);

  // A reader holding one long read transaction for the whole run.
  Db holder(db);
  REQUIRE(holder("BEGIN") == "");
  REQUIRE(holder("SELECT COUNT(*) FROM articles") == "1\n");

  Child writer = Spawn({"ingest", "--db", db, dir.File("corpus")}, log);
  REQUIRE(writer.pid > 0);
  std::atomic<bool> done{false};
  int half_written = 0, reads = 0;
  std::thread reader([&] {
    Db q(db);
    while (!done.load()) {
      q("BEGIN");
      std::string orphans =
          q("SELECT COUNT(*) FROM articles AS a WHERE NOT EXISTS "
            "(SELECT 1 FROM claims AS c WHERE c.article_id = a.id)");
      q("COMMIT");
      if (orphans != "0\n") ++half_written;
      ++reads;
    }
  });
  const int rc = writer.Wait();
  done = true;
  reader.join();
  CHECK(rc == 0);
  CHECK(half_written == 0);
  CHECK(reads > 0);
  // The long reader still sees its snapshot, untouched by the run.
  CHECK(holder("SELECT COUNT(*) FROM articles") == "1\n");
  holder("COMMIT");
  CHECK(Count(db, "SELECT COUNT(*) FROM articles") == 151);
  CheckIntact(db);
}

TEST_CASE("cron: a read-only database or folder is a clear error and the file stays intact") {
  TempDir dir;
  WriteCorpus(dir, "corpus", 5, 5);
  std::filesystem::permissions(dir.path(), std::filesystem::perms::all);  // others may enter
  std::filesystem::create_directories(dir.path() / "ro");
  const std::string db = dir.File("ro/news.db");
  REQUIRE(RunCommand(kBinary + " ingest --db " + Quote(db) + " " + Quote(dir.File("corpus")))
              .exit_code == 0);
  const std::string before = ReadFile(db);
  dir.Write("more/new.txt", "Globex's valuation reached $9 billion in May 2023.");
  // Root ignores file permissions: run the binary as nobody then.
  const std::string as_user = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 "
                                               "--clear-groups "
                                             : "";
  for (const auto& p : {dir.path(), dir.path() / "corpus", dir.path() / "more"})
    std::filesystem::permissions(p, std::filesystem::perms::all);

  SUBCASE("a read-only file in a writable folder") {
    std::filesystem::permissions(dir.path() / "ro", std::filesystem::perms::all);
    std::filesystem::permissions(db, std::filesystem::perms::owner_read |
                                         std::filesystem::perms::group_read |
                                         std::filesystem::perms::others_read);
    CommandResult r =
        RunCommand(as_user + kBinary + " ingest --db " + Quote(db) + " " + Quote(dir.File("more")));
    CHECK(r.exit_code == 73);
    CHECK(r.err.find("read-only") != std::string::npos);
    CHECK(r.err.find(db) != std::string::npos);
  }
  SUBCASE("a read-only folder") {
    std::filesystem::permissions(db, std::filesystem::perms::all);
    std::filesystem::permissions(dir.path() / "ro", std::filesystem::perms::owner_read |
                                                        std::filesystem::perms::owner_exec |
                                                        std::filesystem::perms::others_read |
                                                        std::filesystem::perms::others_exec);
    CommandResult r =
        RunCommand(as_user + kBinary + " ingest --db " + Quote(db) + " " + Quote(dir.File("more")));
    CHECK(r.exit_code == 73);
    CHECK(r.err.find(db) != std::string::npos);
    CHECK(r.err.find("\n") == r.err.size() - 1);  // one line
  }
  std::filesystem::permissions(dir.path() / "ro", std::filesystem::perms::all);
  std::filesystem::permissions(
      db, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  CHECK(ReadFile(db) == before);
  CheckIntact(db);
}

TEST_CASE("cron: a full disk stops the run with a clear error, the next run completes") {
  TempDir dir;
  WriteCorpus(dir, "small", 10, 21);
  WriteCorpus(dir, "big", 120, 22);
  const std::string db = dir.File("full.db");
  const std::string ref = dir.File("ref.db");
  const std::string both = Quote(dir.File("small")) + " " + Quote(dir.File("big"));
  REQUIRE(RunCommand(kBinary + " ingest --db " + Quote(ref) + " " + both).exit_code == 0);
  REQUIRE(RunCommand(kBinary + " ingest --db " + Quote(db) + " " + Quote(dir.File("small")))
              .exit_code == 0);
  const int64_t pages = Count(db, "PRAGMA page_count");
  // Room for a few more pages only: the big folder cannot fit.
  CommandResult full = RunCommand("NEWSRECON_MAX_PAGE_COUNT=" + std::to_string(pages + 8) + " " +
                                  kBinary + " ingest --db " + Quote(db) + " " + both);
  CHECK(full.exit_code == 73);
  CHECK(full.err.find("full") != std::string::npos);
  CheckIntact(db);
  CommandResult next = RunCommand(kBinary + " ingest --db " + Quote(db) + " " + both);
  CHECK(next.exit_code == 0);
  CheckIntact(db);
  CHECK(Content(db) == Content(ref));
  CHECK(Count(db, "SELECT COUNT(*) FROM runs WHERE status = 'running'") == 0);
}

TEST_CASE("cron: hostile inputs never crash or hang a run") {
  TempDir dir;
  dir.Write("h/good.txt", "Acme Corp's revenue rose 4% in March 2024.");
  dir.Write("h/bad-utf8.txt", std::string("Acme \xC3\x28 raised $5 \xFF\xFE billion."));
  // NUL bytes in a title and in the text (the literal's own terminator left out).
  static const char kNul[] =
      "<html><head><title>A\0B</title></head><body><p>Globex grew 7% in 2024.\0</p></body></html>";
  dir.Write("h/nul.html", std::string(kNul, sizeof kNul - 1));
  dir.Write("h/overlong.txt", std::string("\xC0\xAF\xE0\x80\xAF\xF8\x88\x80\x80\x80 5%"));
  {
    std::string big(100u << 20, 'a');  // 100 MiB of one line
    big += " revenue rose 4%.";
    dir.Write("h/huge.txt", big);
  }
  nlohmann::json manifest = {{"articles", nlohmann::json::array()}};
  for (const char* f : {"good.txt", "bad-utf8.txt", "nul.html", "overlong.txt", "huge.txt"})
    manifest["articles"].push_back({{"file", f}, {"title", std::string("T\0itle", 6)}});
  dir.Write("h/manifest.json", manifest.dump());
  const std::string db = dir.File("h.db");
  CommandResult r = RunCommand(kBinary + " ingest --log-format json --db " + Quote(db) + " " +
                               Quote(dir.File("h")));
  CHECK(r.exit_code == 0);  // some failed, without --strict
  CHECK(r.err.find("huge.txt") != std::string::npos);
  CHECK(r.err.find("bad-utf8.txt") != std::string::npos);
  // Every log line is one JSON object with the fields scripts rely on.
  std::istringstream lines(r.err);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    CAPTURE(line);
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    CHECK(!j.is_discarded());
    if (j.is_discarded()) continue;
    for (const char* key : {"ts", "level", "run_id", "event", "message"})
      CHECK_MESSAGE(j.contains(key), key);
    ++n;
  }
  CHECK(n >= 5);
  CheckIntact(db);
  CHECK(Count(db, "SELECT COUNT(*) FROM articles") >= 1);
  CHECK(Db(db)("SELECT status, failures > 0 FROM runs") == "partial|1\n");
}

TEST_CASE("cron: configuration file: precedence, and errors exit 78 with file:line") {
  TempDir dir;
  dir.Write("c/x.txt", "Acme Corp's revenue rose 4% in March 2024.");
  const std::string env = "export XDG_CONFIG_HOME=" + Quote(dir.path() / "xdg") + "; ";
  struct Case {
    const char* id;
    const char* toml;
    int exit_code;
    const char* says;  // in the message
  };
  const Case cases[] = {
      {"ok",
       "database = \"cfg.db\"\nlog_format = \"json\"\n[politeness]\nper_host_delay_ms = 500\n", 0,
       ""},
      {"syntax", "database = \"x.db\n", 78, "config.toml:1:"},
      {"unknown key", "databse = \"x.db\"\n", 78, "config.toml:1:1: unknown key databse"},
      {"wrong type", "\n\nlog_format = 3\n", 78, "config.toml:3:"},
      {"bad format", "log_format = \"xml\"\n", 78, "log_format"},
      {"out of range", "[politeness]\nmax_parallel = 0\n", 78, "config.toml:2:"},
      {"unknown nested", "[politeness]\nspeed = 1\n", 78, "politeness.speed"},
  };
  for (const Case& c : cases) {
    const std::string id = c.id;
    CAPTURE(id);
    dir.Write("xdg/newsrecon/config.toml", c.toml);
    CommandResult r = RunCommand(env + "cd " + Quote(dir.path()) + " && " + kBinary + " ingest " +
                                 Quote(dir.File("c")));
    CHECK(r.exit_code == c.exit_code);
    CHECK(r.err.find(c.says) != std::string::npos);
  }
  // The ok case: the database came from the file, relative to its folder; JSON logs.
  CHECK(std::filesystem::exists(dir.path() / "xdg/newsrecon/cfg.db"));
  dir.Write("xdg/newsrecon/config.toml", "database = \"cfg.db\"\nlog_format = \"json\"\n");
  // Flags win over the file.
  CommandResult flags = RunCommand(env + kBinary + " ingest --log-format text --db " +
                                   Quote(dir.path() / "flag.db") + " " + Quote(dir.File("c")));
  CHECK(flags.exit_code == 0);
  CHECK(flags.err.rfind("newsrecon: ", 0) == 0);
  CHECK(std::filesystem::exists(dir.path() / "flag.db"));
  CHECK(RunCommand(kBinary + " ingest --config " + Quote(dir.path() / "none.toml") + " " +
                   Quote(dir.File("c")))
            .exit_code == 78);
  // status reads the same configuration.
  CommandResult st = RunCommand(env + kBinary + " status --format json");
  CHECK(st.exit_code == 0);
  nlohmann::json j = nlohmann::json::parse(st.out, nullptr, false);
  REQUIRE(!j.is_discarded());
  CHECK(j["articles"] == 1);
  CHECK(j["runs"].size() == 1);
  CHECK(j["runs"][0]["status"] == "ok");
  CHECK(j["schema_version"].get<int>() >= 3);
}

TEST_CASE("cron: backup copies a live database, verified, and never overwrites by accident") {
  TempDir dir;
  WriteCorpus(dir, "corpus", 30, 9);
  const std::string db = dir.File("live.db");
  REQUIRE(RunCommand(kBinary + " ingest --db " + Quote(db) + " " + Quote(dir.File("corpus")))
              .exit_code == 0);
  Db reader(db);  // a reader holding a transaction does not stop the backup
  reader("BEGIN");
  reader("SELECT COUNT(*) FROM claims");
  const std::string out = dir.File("copy.db");
  CommandResult r = RunCommand(kBinary + " backup --db " + Quote(db) + " " + Quote(out));
  CHECK(r.exit_code == 0);
  reader("COMMIT");
  CheckIntact(out);
  CHECK(Content(out) == Content(db));
  CommandResult again = RunCommand(kBinary + " backup --db " + Quote(db) + " " + Quote(out));
  CHECK(again.exit_code == 73);
  CHECK(again.err.find("--force") != std::string::npos);
  CHECK(RunCommand(kBinary + " backup --force --db " + Quote(db) + " " + Quote(out)).exit_code ==
        0);
  CHECK(RunCommand(kBinary + " backup --db " + Quote(dir.File("none.db")) + " " +
                   Quote(dir.File("x.db")))
            .exit_code == 66);
}

TEST_CASE("cron: a database of schema 1 is upgraded in place, data and views kept") {
  TempDir dir;
  const std::string path = dir.File("old.db");
  {
    Db db(path, false);
    sqlite3_close_v2(db.db);
    sqlite3_open_v2(path.c_str(), &db.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::optional<std::string_view> v1 = EmbeddedFile("schema/0001_init.sql");
    REQUIRE(v1.has_value());
    std::string sql(*v1);
    sql +=
        "INSERT INTO articles (id, source_key, path, label, title, published, "
        "published_method, content_hash, text) VALUES (1, 'old/a.txt', 'old/a.txt', 'Old News', "
        "'Old', '2025-04-01', 'manifest', '0000000000000000', "
        "'Acme''s valuation reached $5 billion.');"
        "INSERT INTO claims (article_id, ordinal, kind, text, start_byte, end_byte, "
        "sentence_start_byte, sentence_end_byte, sentence, amount, currency, hedge, entity, "
        "attribute, as_of_start, as_of_end, as_of_basis, interval_low, interval_high) VALUES "
        "(1, 0, 'money', '$5 billion', 26, 36, 0, 37, 'Acme''s valuation reached $5 billion.', "
        "5e9, 'USD', 'exact', 'Acme', 'valuation', '2025-04-01', '2025-04-01', 'publication', "
        "4.5e9, 5.5e9);"
        "PRAGMA user_version = 1;";
    char* err = nullptr;
    REQUIRE(sqlite3_exec(db.db, sql.c_str(), nullptr, nullptr, &err) == SQLITE_OK);
    sqlite3_free(err);
  }
  {
    StatusOr<Store> store = Store::Open(path);
    REQUIRE(store.ok());
    CHECK(store->schema_version() >= 3);
    StatusOr<std::vector<StoredClaim>> claims = store->LoadClaims();
    REQUIRE(claims.ok());
    REQUIRE(claims->size() == 1);
    CHECK(claims->at(0).claim.entity == "Acme");
    CHECK(claims->at(0).article.outlet.empty());
  }
  Db q(path);
  CHECK(q("SELECT source, quote, value, entity FROM claim_sources") ==
        "Old News|$5 billion|USD 5000000000|Acme\n");
  CHECK(q("SELECT entity, attribute, quote FROM timeline") == "Acme|valuation|$5 billion\n");
  CHECK(q("SELECT source, articles, claims FROM outlet_counts") == "Old News|1|1\n");
  CHECK(q("SELECT COUNT(*) FROM runs") == "0\n");
  CHECK(q("SELECT COUNT(*) FROM source_health") == "0\n");
  CheckIntact(path);
  // A run on the upgraded file works and records itself.
  dir.Write("new/b.txt", "Globex's revenue rose 4% in March 2024.");
  CommandResult r =
      RunCommand(kBinary + " ingest --db " + Quote(path) + " " + Quote(dir.File("new")));
  CHECK(r.exit_code == 0);
  CHECK(Db(path)("SELECT status, articles_new FROM runs") == "ok|1\n");
  CHECK(Db(path)("SELECT COUNT(*) FROM articles") == "2\n");
}

}  // namespace
}  // namespace newsrecon

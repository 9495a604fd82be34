// `newsrecon ingest` on the web, as the nightly job runs it: a configuration
// file naming the database, the sources file and the politeness; URLs given
// on the command line; the exit codes when sources fail. Against a real HTTP
// server on 127.0.0.1 (tests/fetch/loopback_server.py).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/testing/loopback_server.h"
#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

using json = nlohmann::json;

std::string Newsrecon(const std::string& args) {
  return std::string(NEWSRECON_BINARY) + " " + args;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// One value of `sql` from the database, through the sqlite3 shell.
std::string Scalar(const std::string& db, const std::string& sql) {
  CommandResult r = RunCommand("sqlite3 " + Quote(db) + " \"" + sql + "\"");
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::string out = r.out;
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

// The server's request log (its /_log route).
json RequestLog(const LoopbackServer& server) { return json::parse(ServerGet(server, "/_log")); }

std::string Page(const std::string& title, const std::string& body) {
  return "<!doctype html><html><head><title>" + title +
         "</title></head><body><nav><a href='/'>"
         "Home</a></nav><article><h1>" +
         title + "</h1><p>" + body +
         "</p><p>The figures could not be independently verified by this newspaper, and the "
         "company declined to comment on them when asked on Tuesday.</p></article></body></html>";
}

// A site: a feed of two articles and a sitemap of a third.
void WriteSite(const TempDir& dir, const LoopbackServer& server) {
  const std::string site = server.Url("/site/");
  dir.Write("root/a1.html", Page("OpenAI raises money",
                                 "OpenAI was valued at $300 billion in its latest funding round, "
                                 "the company said on Monday."));
  dir.Write("root/a2.html", Page("Chip sales",
                                 "Nvidia said its data-centre revenue rose 27% "
                                 "from a year earlier."));
  dir.Write("root/b1.html", Page("OpenAI's new valuation",
                                 "OpenAI is now valued at $850 billion after the latest funding "
                                 "round, according to a memo seen by reporters."));
  dir.Write("root/feed.xml",
            "<?xml version='1.0'?><rss version='2.0'><channel><title>Alpha</title>"
            "<item><title>OpenAI raises money</title><link>" +
                site +
                "a1.html</link><pubDate>Mon, 20 Apr 2026 09:00:00 GMT</pubDate></item>"
                "<item><title>Chip sales</title><link>" +
                site +
                "a2.html</link><pubDate>Tue, 21 Apr 2026 10:00:00 GMT</pubDate></item>"
                "</channel></rss>");
  dir.Write("root/sitemap.xml",
            "<?xml version='1.0' encoding='UTF-8'?>"
            "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>" +
                site + "b1.html</loc><lastmod>2026-04-21</lastmod></url></urlset>");
}

TEST_CASE("ingest --config: the nightly job fetches its sources file politely, then gets 304s") {
  TempDir dir;
  dir.Write("root/.keep", "");
  LoopbackServer server({"--root", dir.File("root")});
  WriteSite(dir, server);
  dir.Write("etc/sources.toml", "[[source]]\noutlet = \"Alpha\"\nurl = \"" +
                                    server.Url("/site/feed.xml") +
                                    "\"\n\n[[source]]\noutlet = \"Beta\"\nurl = \"" +
                                    server.Url("/site/sitemap.xml") + "\"\nkind = \"sitemap\"\n");
  // Relative paths in the configuration are relative to its folder.
  dir.Write("etc/config.toml",
            "database = \"../var/news.db\"\nsources = \"sources.toml\"\n[politeness]\n"
            "user_agent = \"nightly-test/1.0\"\ncontact = \"desk@example.org\"\n"
            "per_host_delay_ms = 0\n");
  std::filesystem::create_directories(dir.File("var"));
  const std::string db = dir.File("var/news.db");

  CommandResult first =
      RunCommand(Newsrecon("ingest --config " + Quote(dir.File("etc/config.toml"))));
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(Scalar(db, "SELECT COUNT(*) FROM articles") == "3");
  CHECK(Scalar(db,
               "SELECT group_concat(outlet, ',') FROM (SELECT outlet FROM articles "
               "ORDER BY outlet)") == "Alpha,Alpha,Beta");
  // $300 billion (Alpha) against $850 billion (Beta) on OpenAI's latest valuation.
  CHECK(Scalar(db,
               "SELECT COUNT(*) FROM conflicts WHERE entity = 'OpenAI' AND attribute = "
               "'valuation'") == "1");
  // The feed's pubDate is a witness of a1's date.
  CHECK(Scalar(db,
               "SELECT COUNT(*) FROM date_witnesses w JOIN articles a ON a.id = w.article_id "
               "WHERE a.url LIKE '%a1.html' AND w.method = 'feed' AND w.date = '2026-04-20'") ==
        "1");
  // Every request carried the configured User-Agent with the contact.
  json log = RequestLog(server);
  REQUIRE(log.size() >= 5);  // robots.txt, feed, sitemap, three pages
  for (const json& e : log) {
    if (e["path"] == "/_log") continue;  // this question itself
    CAPTURE(e.dump());
    CHECK(e["ua"] == "nightly-test/1.0 (contact: desk@example.org)");
  }
  CHECK(Scalar(db,
               "SELECT sources || '|' || fetched || '|' || articles_new || '|' || status || "
               "'|' || exit_code FROM runs ORDER BY id DESC LIMIT 1") == "2|5|3|ok|0");

  // The desk's commands find the database through the configuration too.
  const std::string config = " --config " + Quote(dir.File("etc/config.toml"));
  CommandResult report = RunCommand(Newsrecon("report --format json" + config));
  INFO(report.err);
  REQUIRE(report.exit_code == 0);
  CHECK(json::parse(report.out)["conflicts"].size() == 1);
  CHECK(RunCommand(Newsrecon("status" + config)).exit_code == 0);
  CHECK(RunCommand(Newsrecon("export --view claim_sources --format csv" + config)).exit_code == 0);

  // The second night: validators sent, everything answered 304, nothing parsed.
  CommandResult second =
      RunCommand(Newsrecon("ingest --config " + Quote(dir.File("etc/config.toml"))));
  INFO(second.err);
  CHECK(second.exit_code == 0);
  CHECK(Scalar(db, "SELECT COUNT(*) FROM articles") == "3");
  CHECK(Scalar(db,
               "SELECT not_modified || '|' || articles_new || '|' || status FROM runs "
               "ORDER BY id DESC LIMIT 1") == "2|0|ok");
}

TEST_CASE("ingest URL: a page or feed given on the command line, its kind detected") {
  TempDir dir;
  dir.Write("root/.keep", "");
  LoopbackServer server({"--root", dir.File("root")});
  WriteSite(dir, server);
  const std::string db = dir.File("news.db");
  CommandResult r = RunCommand(
      Newsrecon("ingest --db " + Quote(db) + " --per-host-delay-ms 0 --outlet 'Gamma Daily' " +
                Quote(server.Url("/site/b1.html")) + " " + Quote(server.Url("/site/feed.xml"))));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(Scalar(db, "SELECT COUNT(*) FROM articles") == "3");
  CHECK(Scalar(db, "SELECT outlet FROM articles WHERE url LIKE '%b1.html'") == "Gamma Daily");
  CHECK(Scalar(db, "SELECT title FROM articles WHERE url LIKE '%b1.html'") ==
        "OpenAI's new valuation");
}

TEST_CASE("ingest exit codes on the web: partial, --strict, nothing fetched, bad sources file") {
  TempDir dir;
  dir.Write("root/.keep", "");
  LoopbackServer server({"--root", dir.File("root")});
  WriteSite(dir, server);
  const std::string db = dir.File("news.db");
  // A port nobody listens on: the server's own port after it is gone is not
  // safe to reuse, so take port 9 (discard), closed on a test machine.
  const std::string dead = "http://127.0.0.1:9/feed.xml";
  const std::string good = Quote(server.Url("/site/feed.xml"));
  const std::string base = "ingest --per-host-delay-ms 0 --db " + Quote(db) + " ";

  CommandResult partial = RunCommand(Newsrecon(base + good + " " + Quote(dead)));
  INFO(partial.err);
  CHECK(partial.exit_code == 0);
  CHECK(partial.err.find("127.0.0.1:9") != std::string::npos);
  CHECK(Scalar(db, "SELECT status FROM runs ORDER BY id DESC LIMIT 1") == "partial");

  CommandResult strict = RunCommand(Newsrecon(base + "--strict " + good + " " + Quote(dead)));
  CHECK(strict.exit_code == 1);

  // Every source failed on the network: a temporary failure, worth retrying.
  CommandResult none = RunCommand(Newsrecon(base + Quote(dead)));
  CHECK(none.exit_code == 75);
  CHECK(Scalar(db, "SELECT status FROM runs ORDER BY id DESC LIMIT 1") == "failed");
  // `status` lists the dead source: three failing runs, the class of failure.
  CommandResult st = RunCommand(Newsrecon("status --format json --db " + Quote(db)));
  REQUIRE(st.exit_code == 0);
  json unhealthy = json::parse(st.out)["unhealthy_sources"];
  REQUIRE(unhealthy.size() == 1);
  CHECK(unhealthy[0]["source"] == dead);
  CHECK(unhealthy[0]["failures_in_a_row"] == 3);
  CHECK(unhealthy[0]["last_failure_class"] == "temporary");
  CHECK(unhealthy[0]["last_http_status"].is_null());
  CommandResult text = RunCommand(Newsrecon("status --db " + Quote(db)));
  CHECK(text.out.find(dead + ": 3 failing run(s) in a row (temporary failure)") !=
        std::string::npos);

  // A page that is not there is no temporary failure: not found, not retried.
  CommandResult gone = RunCommand(Newsrecon(base + Quote(server.Url("/404"))));
  CHECK(gone.exit_code == 66);

  // A sources file with a typo names its line; a missing one is not found.
  dir.Write("bad.toml", "[[source]]\nurl = \"https://example.org/feed\"\nulr = \"x\"\n");
  CommandResult bad = RunCommand(Newsrecon(base + "--sources " + Quote(dir.File("bad.toml"))));
  CHECK(bad.exit_code == 78);
  CHECK(bad.err.find("bad.toml:3") != std::string::npos);
  CommandResult missing =
      RunCommand(Newsrecon(base + "--sources " + Quote(dir.File("nowhere.toml"))));
  CHECK(missing.exit_code == 66);
  CHECK(missing.err.find("nowhere.toml") != std::string::npos);
  // Nothing to ingest at all is a usage error (no configuration: HOME elsewhere).
  CommandResult nothing = RunCommand("env -u XDG_CONFIG_HOME HOME=" + Quote(dir.path()) + " " +
                                     Newsrecon("ingest --db " + Quote(db)));
  CHECK(nothing.exit_code == 64);
  CHECK(nothing.err.find("nothing to ingest") != std::string::npos);
}

TEST_CASE("ingest over https: --ca-file, politeness.ca_file, and a CA file that is not there") {
  TempDir dir;
  dir.Write("root/.keep", "");
  const CertFiles ca = MakeTestCa(dir.path().string());
  const CertFiles cert = MakeServerCert(dir.path().string(), ca, "loopback", "IP:127.0.0.1");
  LoopbackServer server(cert, {"--root", dir.File("root")});
  WriteSite(dir, server);  // its feed links https:// pages
  dir.Write("etc/empty.toml", "");
  // Relative to the configuration's folder, whatever the working directory.
  dir.Write("etc/config.toml", "[politeness]\nca_file = \"../ca.pem\"\nper_host_delay_ms = 0\n");
  dir.Write("etc/missing.toml", "[politeness]\nca_file = \"nowhere.pem\"\n");
  const std::string page = Quote(server.Url("/site/b1.html"));
  auto ingest = [&](const std::string& db, const std::string& args) {
    return RunCommand("cd / && " + Newsrecon("ingest --per-host-delay-ms 0 --db " +
                                             Quote(dir.File(db)) + " " + args));
  };

  CommandResult flag = ingest("flag.db", "--config " + Quote(dir.File("etc/empty.toml")) +
                                             " --ca-file " + Quote(ca.cert_file) + " " + page);
  INFO(flag.err);
  REQUIRE(flag.exit_code == 0);
  CHECK(Scalar(dir.File("flag.db"), "SELECT title FROM articles") == "OpenAI's new valuation");

  CommandResult config = ingest("config.db", "--config " + Quote(dir.File("etc/config.toml")) +
                                                 " " + Quote(server.Url("/site/feed.xml")));
  INFO(config.err);
  REQUIRE(config.exit_code == 0);
  CHECK(Scalar(dir.File("config.db"), "SELECT COUNT(*) FROM articles") == "2");

  // The system's CA store does not know the test CA: the page is not there
  // for us (66, not a temporary 75), and the log says why.
  CommandResult untrusted =
      ingest("untrusted.db", "--config " + Quote(dir.File("etc/empty.toml")) + " " + page);
  CHECK(untrusted.exit_code == 66);
  CHECK(untrusted.err.find("TLS certificate problem") != std::string::npos);

  // A CA file that is not there: a configuration error (78) before anything
  // is fetched or even the database made; the flag wins over the file's.
  CommandResult no_flag_file =
      ingest("never1.db", "--config " + Quote(dir.File("etc/config.toml")) + " --ca-file " +
                              Quote(dir.File("none.pem")) + " " + page);
  CHECK(no_flag_file.exit_code == 78);
  CHECK(no_flag_file.err.find("--ca-file " + dir.File("none.pem") + ": no such file") !=
        std::string::npos);
  CHECK(!std::filesystem::exists(dir.File("never1.db")));
  CommandResult no_config_file =
      ingest("never2.db", "--config " + Quote(dir.File("etc/missing.toml")) + " " + page);
  CHECK(no_config_file.exit_code == 78);
  CHECK(no_config_file.err.find("politeness.ca_file " + dir.File("etc/nowhere.pem")) !=
        std::string::npos);
  CHECK(!std::filesystem::exists(dir.File("never2.db")));
  // The flag overrides a configuration whose ca_file is missing.
  CommandResult flag_wins =
      ingest("override.db", "--config " + Quote(dir.File("etc/missing.toml")) + " --ca-file " +
                                Quote(ca.cert_file) + " " + page);
  INFO(flag_wins.err);
  CHECK(flag_wins.exit_code == 0);
}

}  // namespace
}  // namespace newsrecon

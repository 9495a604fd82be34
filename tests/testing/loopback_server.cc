#include "tests/testing/loopback_server.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <random>

#include "tests/testing/temp_dir.h"

namespace newsrecon {
namespace {

std::string Quote(const std::string& s) { return "'" + s + "'"; }

void RequireOpenssl() {
  CommandResult r = RunCommand("command -v openssl");
  REQUIRE_MESSAGE(r.exit_code == 0,
                  "the TLS tests need the `openssl` command line to make a throwaway CA and "
                  "server certificate; it is not on PATH (tools/install-deps.sh installs it)");
}

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  REQUIRE_MESSAGE(out.good(), ("cannot write " + path));
}

void RunOpenssl(const std::string& args) {
  CommandResult r = RunCommand("openssl " + args);
  INFO("openssl " << args);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

// P-256 keys: quick to make on a loaded machine, and every TLS stack takes them.
constexpr char kNewKey[] = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";

}  // namespace

CertFiles MakeTestCa(const std::string& dir) {
  RequireOpenssl();
  const std::string conf = dir + "/ca.cnf";
  // A config of our own, so the system's openssl.cnf does not matter.
  WriteText(conf,
            "[req]\ndistinguished_name = dn\nprompt = no\n"
            "[dn]\nCN = newsrecon test CA\n"
            "[ext]\nbasicConstraints = critical,CA:TRUE\n"
            "keyUsage = critical,keyCertSign,cRLSign\nsubjectKeyIdentifier = hash\n");
  CertFiles ca{dir + "/ca.pem", dir + "/ca.key"};
  RunOpenssl("req -x509 -config " + Quote(conf) + " -extensions ext " + kNewKey + " -keyout " +
             Quote(ca.key_file) + " -out " + Quote(ca.cert_file) + " -days 2 2>&1");
  return ca;
}

CertFiles MakeServerCert(const std::string& dir, const CertFiles& ca, const std::string& name,
                         const std::string& san) {
  RequireOpenssl();
  const std::string conf = dir + "/" + name + ".cnf";
  WriteText(conf,
            "[req]\ndistinguished_name = dn\nprompt = no\n"
            "[dn]\nCN = " +
                name +
                "\n"
                "[ext]\nbasicConstraints = critical,CA:FALSE\n"
                "keyUsage = critical,digitalSignature\nextendedKeyUsage = serverAuth\n"
                "subjectAltName = " +
                san + "\n");
  CertFiles cert{dir + "/" + name + ".pem", dir + "/" + name + ".key"};
  const std::string csr = dir + "/" + name + ".csr";
  RunOpenssl("req -new -config " + Quote(conf) + " " + kNewKey + " -keyout " +
             Quote(cert.key_file) + " -out " + Quote(csr) + " 2>&1");
  std::random_device rd;
  const std::string serial = std::to_string((uint64_t{rd()} << 20) | 1);
  RunOpenssl("x509 -req -in " + Quote(csr) + " -CA " + Quote(ca.cert_file) + " -CAkey " +
             Quote(ca.key_file) + " -set_serial " + serial + " -days 2 -extfile " + Quote(conf) +
             " -extensions ext -out " + Quote(cert.cert_file) + " 2>&1");
  return cert;
}

LoopbackServer::LoopbackServer(std::vector<std::string> args) { Start(std::move(args)); }

LoopbackServer::LoopbackServer(const CertFiles& tls, std::vector<std::string> args) : tls_(true) {
  args.insert(args.begin(), {"--tls", tls.cert_file, tls.key_file});
  Start(std::move(args));
}

void LoopbackServer::Start(std::vector<std::string> args) {
  int in[2], out[2];
  REQUIRE(pipe2(in, O_CLOEXEC) == 0);
  REQUIRE(pipe2(out, O_CLOEXEC) == 0);
  std::string script = std::string(NEWSRECON_SOURCE_DIR) + "/tests/fetch/loopback_server.py";
  pid_ = fork();
  REQUIRE(pid_ >= 0);
  if (pid_ == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    // Debian's own python3 first: a version manager's shim on PATH (pyenv)
    // can take seconds to start on a loaded machine.
    const char* python = access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
    std::vector<char*> argv = {const_cast<char*>(python), script.data()};
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execvp(python, argv.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  stdin_fd_ = in[1];
  out_ = fdopen(out[0], "r");
  char line[64] = {};
  if (out_ != nullptr && fgets(line, sizeof line, out_) != nullptr) port_ = std::atoi(line);
  REQUIRE_MESSAGE(port_ > 0, "loopback_server.py did not start (is python3 installed?)");
}

LoopbackServer::~LoopbackServer() {
  close(stdin_fd_);
  int status = 0;
  waitpid(pid_, &status, 0);
  if (out_ != nullptr) fclose(out_);
}

namespace {

// 'text' for the shell, embedded quotes escaped.
std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string ServerGet(const LoopbackServer& server, const std::string& path,
                      const std::string& ca_file) {
  const std::string url = server.Url(path);
  CommandResult r = RunCommand(
      "python3 -c 'import ssl, sys, urllib.request; "
      "ctx = ssl.create_default_context(cafile=sys.argv[2] or None); "
      "sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=10, context=ctx)"
      ".read().decode())' " +
      ShellQuote(url) + " " + ShellQuote(ca_file));
  REQUIRE_MESSAGE(r.exit_code == 0, url << ": " << r.err);
  return r.out;
}

}  // namespace newsrecon

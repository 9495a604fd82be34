// tests/fetch/loopback_server.py as a child process, for tests that need a
// real HTTP(S) server on 127.0.0.1: started in the constructor (which reads the
// port it listens on), stopped by closing its stdin in the destructor (so a
// test that dies never leaves it behind). See the script for its routes.
//
// HTTPS: MakeTestCa and MakeServerCert write a throwaway CA and a server
// certificate signed by it into a test's folder with the `openssl` command
// line (no key material is kept in the repository); LoopbackServer(cert, ...)
// then serves the same routes over TLS and Url() gives https:// URLs. Without
// `openssl` on PATH they fail the test, saying so (tools/install-deps.sh
// installs it): a TLS test never passes without having run.
#ifndef NEWSRECON_TESTS_TESTING_LOOPBACK_SERVER_H_
#define NEWSRECON_TESTS_TESTING_LOOPBACK_SERVER_H_

#include <sys/types.h>

#include <cstdio>
#include <string>
#include <vector>

namespace newsrecon {

// PEM files: a certificate and its (unencrypted) private key.
struct CertFiles {
  std::string cert_file;
  std::string key_file;
};

// A self-signed CA certificate ("newsrecon test CA", valid 2 days) and its key,
// written as dir/ca.pem and dir/ca.key. REQUIREs openssl.
CertFiles MakeTestCa(const std::string& dir);

// A server certificate for `san` (an OpenSSL subjectAltName value, e.g.
// "IP:127.0.0.1" or "DNS:example.org"), signed by `ca`, valid 2 days, written
// as dir/<name>.pem and dir/<name>.key. REQUIREs openssl.
CertFiles MakeServerCert(const std::string& dir, const CertFiles& ca, const std::string& name,
                         const std::string& san);

class LoopbackServer {
 public:
  // `args` are the script's options ("--robots", "404", "--root", DIR ...).
  explicit LoopbackServer(std::vector<std::string> args = {});
  // The same server over HTTPS with `tls` as its certificate and key.
  LoopbackServer(const CertFiles& tls, std::vector<std::string> args);
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  int port() const { return port_; }
  bool tls() const { return tls_; }
  // "http://127.0.0.1:PORT" + path ("https://..." for a TLS server).
  std::string Url(const std::string& path) const {
    return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  void Start(std::vector<std::string> args);

  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  FILE* out_ = nullptr;
  int port_ = 0;
  bool tls_ = false;
};

// GET `path` from `server` the way a test checks on it (python3's urllib, not
// the Fetcher under test), trusting `ca_file` for https ("" = the system's
// CAs). REQUIREs a 2xx answer and gives its body.
std::string ServerGet(const LoopbackServer& server, const std::string& path,
                      const std::string& ca_file = "");

}  // namespace newsrecon

#endif  // NEWSRECON_TESTS_TESTING_LOOPBACK_SERVER_H_

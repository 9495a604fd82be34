// tests/fetch/loopback_server.py as a child process, for tests that need a
// real HTTP server on 127.0.0.1: started in the constructor (which reads the
// port it listens on), stopped by closing its stdin in the destructor (so a
// test that dies never leaves it behind). See the script for its routes.
#ifndef NEWSRECON_TESTS_TESTING_LOOPBACK_SERVER_H_
#define NEWSRECON_TESTS_TESTING_LOOPBACK_SERVER_H_

#include <sys/types.h>

#include <cstdio>
#include <string>
#include <vector>

namespace newsrecon {

class LoopbackServer {
 public:
  // `args` are the script's options ("--robots", "404", "--root", DIR ...).
  explicit LoopbackServer(std::vector<std::string> args = {});
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  int port() const { return port_; }
  // "http://127.0.0.1:PORT" + path.
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  FILE* out_ = nullptr;
  int port_ = 0;
};

}  // namespace newsrecon

#endif  // NEWSRECON_TESTS_TESTING_LOOPBACK_SERVER_H_

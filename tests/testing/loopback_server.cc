#include "tests/testing/loopback_server.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

namespace newsrecon {

LoopbackServer::LoopbackServer(std::vector<std::string> args) {
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

}  // namespace newsrecon

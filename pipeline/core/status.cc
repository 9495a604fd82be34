#include "pipeline/core/status.h"

namespace newsrecon {

std::string Status::ToString() const {
  const char* name = "ok";
  switch (code_) {
    case Code::kOk:
      return "ok";
    case Code::kNotFound:
      name = "not found";
      break;
    case Code::kInvalidArgument:
      name = "invalid input";
      break;
    case Code::kIoError:
      name = "I/O error";
      break;
    case Code::kCorruption:
      name = "corruption";
      break;
    case Code::kBusy:
      name = "busy";
      break;
    case Code::kUnsupported:
      name = "unsupported";
      break;
    case Code::kNetwork:
      name = "network error";
      break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace newsrecon

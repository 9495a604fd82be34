#include "pipeline/core/article.h"

namespace newsrecon {

std::string ArticleMeta::Label() const {
  if (!outlet.empty()) return outlet;
  const std::string& u = !canonical_url.empty() ? canonical_url : url;
  if (!u.empty()) {
    size_t host = u.find("://");
    host = host == std::string::npos ? 0 : host + 3;
    size_t stop = u.find('/', host);
    std::string h = u.substr(host, stop == std::string::npos ? std::string::npos : stop - host);
    if (h.rfind("www.", 0) == 0) h = h.substr(4);
    return h;
  }
  if (!path.empty()) {
    size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
  }
  return "(unknown source)";
}

}  // namespace newsrecon

#include "pipeline/run/run.h"

#include "pipeline/extract/extract.h"
#include "pipeline/parse/parse.h"
#include "pipeline/reconcile/reconcile.h"

namespace newsrecon {

StatusOr<IngestSummary> Ingest(const std::vector<std::string>& paths,
                               const LocalOverrides& overrides, Store* store, std::ostream& log) {
  StatusOr<Extractor> extractor = Extractor::Load();
  if (!extractor.ok()) return extractor.status();
  IngestSummary summary;
  for (const std::string& path : paths) {
    ++summary.sources;
    StatusOr<std::vector<LocalDocument>> docs = LoadLocal(path, overrides);
    if (!docs.ok()) {
      ++summary.sources_failed;
      if (summary.first_error.ok()) summary.first_error = docs.status();
      log << "newsrecon: error: " << docs.status().message() << "\n";
      continue;
    }
    for (const LocalDocument& doc : *docs) {
      ++summary.documents;
      auto fail = [&](const Status& s) {
        ++summary.documents_failed;
        if (summary.first_error.ok()) summary.first_error = s;
        log << "newsrecon: error: " << doc.origin << ": " << s.message() << "\n";
      };
      if (!doc.status.ok()) {
        fail(doc.status);
        continue;
      }
      StatusOr<Article> article = Parse(doc.doc);
      if (!article.ok()) {
        fail(article.status());
        continue;
      }
      StatusOr<std::vector<Claim>> claims =
          extractor->Extract(article->text, article->meta.published);
      if (!claims.ok()) {
        fail(claims.status());
        continue;
      }
      StatusOr<Store::PutResult> put = store->PutArticle(*article, *claims);
      if (!put.ok()) return put.status();  // the store itself failed: stop
      summary.claims += static_cast<int>(claims->size());
      if (put->changed) {
        ++summary.articles_changed;
      } else {
        ++summary.articles_unchanged;
      }
      log << "newsrecon: " << (put->changed ? "stored " : "unchanged ") << doc.origin << ": "
          << claims->size() << " claims"
          << (article->meta.published ? "" : " (no publication date: relative dates unresolved)")
          << "\n";
    }
  }
  StatusOr<std::vector<StoredClaim>> all = store->LoadClaims();
  if (!all.ok()) return all.status();
  Findings findings = Reconcile(*all);
  summary.conflicts = static_cast<int>(findings.conflicts.size());
  summary.agreements = static_cast<int>(findings.agreements.size());
  if (Status s = store->ReplaceFindings(findings); !s.ok()) return s;
  log << "newsrecon: " << summary.documents - summary.documents_failed << " of "
      << summary.documents << " documents read, " << summary.articles_changed << " new or changed, "
      << summary.claims << " claims; " << summary.conflicts << " conflicts, " << summary.agreements
      << " agreements in the store\n";
  return summary;
}

}  // namespace newsrecon

// Runs Mozilla's Readability.js (the library behind Firefox's Reader View) on
// every page of the main-text dataset and writes its article text to
// OUT/<page>.txt, for `newsrecon_eval parse --only text --text-from OUT`,
// which scores it exactly as it scores newsrecon.
//
//   node --max-old-space-size=8192 tools/compare/readability.mjs [--resume] DATASETS OUT
//
// Evaluation only: its two npm packages (package.json, pinned) are installed
// by `make eval-compare`, never by the build or the tests.
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

// --resume keeps the pages a killed run already wrote.
const args = process.argv.slice(2);
const resume = args.includes("--resume");
const [datasets, out] = args.filter((a) => a !== "--resume");
if (!datasets || !out) {
  console.error("usage: node readability.mjs DATASETS OUT");
  process.exit(64);
}
const dir = path.join(datasets, "html-main-text");
const annotations = path.join(dir, "annotations.json");
if (!fs.existsSync(annotations)) {
  console.error(`readability.mjs: no main-text dataset at ${annotations}`);
  process.exit(66);
}
fs.mkdirSync(out, { recursive: true });

// Block elements end a line, as newsrecon's own text does, so that words of
// two paragraphs never run together.
const BLOCK = new Set(["ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DIV", "DL", "DT",
  "FIGCAPTION", "FIGURE", "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI",
  "OL", "P", "PRE", "SECTION", "TABLE", "TD", "TH", "TR", "UL"]);
function textOf(node, parts) {
  if (node.nodeType === 3) {
    parts.push(node.nodeValue);
    return;
  }
  if (node.nodeType !== 1) return;
  const block = BLOCK.has(node.tagName);
  if (block) parts.push("\n");
  for (const child of node.childNodes) textOf(child, parts);
  if (block) parts.push("\n");
}

const quiet = new VirtualConsole();  // pages' own CSS and script errors
const { cases } = JSON.parse(fs.readFileSync(annotations, "utf8"));
let failed = 0;
const start = process.hrtime.bigint();
for (const c of cases) {
  const name = path.basename(c.file).replace(/\.html\.gz$/, "") + ".txt";
  if (resume && fs.existsSync(path.join(out, name))) continue;
  let text = "";
  try {
    const html = zlib.gunzipSync(fs.readFileSync(path.join(dir, c.file)));
    // A Buffer lets jsdom decode as a browser does (BOM, <meta charset>).
    const dom = new JSDOM(html, { url: c.url.startsWith("http") ? c.url : "https://example.invalid/",
                                  virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    if (article && article.content) {
      const body = new JSDOM(article.content).window.document.body;
      const parts = [];
      textOf(body, parts);
      text = parts.join("");
    }
    dom.window.close();
  } catch (e) {
    ++failed;
    console.error(`${c.file}: ${e.message}`);
  }
  fs.writeFileSync(path.join(out, name), text);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.error(`readability.mjs: ${cases.length} pages, ${failed} failed, ` +
              `${(cases.length / seconds).toFixed(1)} pages/s`);

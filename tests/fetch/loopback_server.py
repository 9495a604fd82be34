#!/usr/bin/env python3
"""A real HTTP server on 127.0.0.1 for the fetch tests (python3 standard library only).

Listens on an ephemeral port, prints that port as the first line of stdout,
and exits when its stdin closes (so a test that dies never leaves it behind).

Options:
  --robots ok|404|503   what /robots.txt answers (default ok: the ROBOTS text below)
  --crawl-delay SECONDS add "Crawl-delay: SECONDS" to the newsrecon group of ROBOTS
  --root DIR            serve DIR's files under /site/ (a whole site for ingest tests)
  --tls CERTFILE KEYFILE  speak HTTPS (python3's ssl wraps the listening socket) with
                        that PEM certificate chain and key; every route below works the
                        same. A client whose TLS handshake fails (it does not trust the
                        certificate, the name does not match) is counted in /_tls_errors

Routes (a query ?k=KEY separates the state of one test from another's):
  /ok.html              200, a small HTML page
  /gzip.html            200, Content-Encoding: gzip
  /etag.html            ETag + Last-Modified; 304 when If-None-Match or If-Modified-Since matches
  /redirect/N           302 to /redirect/N-1; /redirect/1 goes to /ok.html (N redirects in all)
  /loop                 302 to itself
  /redirect-private     302 to /private/x.html (which robots.txt disallows to newsrecon)
  /redirect-to?to=U[&s=S]  S (default 302) with Location: U exactly as given (absolute,
                        relative, another port, another scheme); the body is a small page
  /404, /410, /500      those statuses, always
  /flaky?k=K            500 the first time for K, then 200
  /limited?k=K[&ra=V]   429 with Retry-After: V (default 1) the first time for K, then 200
  /unavailable          503 with Retry-After: 3600, always
  /stall                headers (Content-Length: 100), then 30 s of silence
  /big[?cl=1]           40 MB of 'x', streamed (with a Content-Length only when cl=1)
  /bomb                 a gzip body of ~100 KB that inflates to 101 MiB
  /slow?ms=N            200 after N milliseconds (its log "end" is set before it answers)
  /robots.txt           see --robots
  /private/x.html       200 (robots.txt disallows it to newsrecon)
  /charset/NAME[?declared=1]  a page in that charset (iso-8859-1, windows-1252, gb2312,
                        shift_jis, koi8-r), with the charset in Content-Type and <meta> only
                        when declared=1
  /site/PATH            the file DIR/PATH (--root): Last-Modified from its mtime and
                        304 to a matching If-Modified-Since; .xml as application/xml,
                        .html as text/html without a charset, .json as application/json
  /_log                 JSON: every request so far, in arrival order:
                        {"path", "start", "end", "ua", "accept_encoding"}; start/end are
                        time.monotonic() seconds (end is null while the request runs)
  /_tls_errors          JSON: one string per TLS handshake that failed (--tls), in order
"""
import argparse
import email.utils
import http.server
import json
import os
import ssl
import sys
import threading
import time
import urllib.parse
import zlib

ROBOTS = """# Test robots.txt
User-agent: *
Disallow: /

User-agent: NewsRecon
Disallow: /private/
Allow: /private/open.html
"""

CHARSET_TEXT = {
    "iso-8859-1": "Café à São Paulo",
    "windows-1252": "\u201cPrice\u201d \u2014 \u20ac5",
    "gb2312": "北京新闻",
    "shift_jis": "東京のニュース",
    "koi8-r": "Новости Москвы",
}

ETAG = '"v1"'
LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT"

LOCK = threading.Lock()
LOG = []
TLS_ERRORS = []
SEEN = {}
BOMB = []


def bomb_bytes():
    with LOCK:
        if not BOMB:
            z = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip wrapper
            chunk = b"\0" * (1 << 20)
            parts = [z.compress(chunk) for _ in range(101)]
            parts.append(z.flush())
            BOMB.append(b"".join(parts))
        return BOMB[0]


def first_time(route, key):
    with LOCK:
        n = SEEN.get((route, key), 0)
        SEEN[(route, key)] = n + 1
        return n == 0


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "loopback/1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def page(self, title):
        return ("<!doctype html><html><head><title>%s</title></head>"
                "<body><p>%s</p></body></html>" % (title, title)).encode()

    def site_file(self, rel):
        root = os.path.realpath(self.server.opts.root)
        full = os.path.realpath(os.path.join(root, urllib.parse.unquote(rel)))
        if not full.startswith(root + os.sep) or not os.path.isfile(full):
            self.send(404, self.page("Not found"))
            return
        mtime = int(os.path.getmtime(full))
        last_modified = email.utils.formatdate(mtime, usegmt=True)
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                if int(email.utils.parsedate_to_datetime(since).timestamp()) >= mtime:
                    self.send(304, ctype=None, headers=[("Last-Modified", last_modified)])
                    return
            except (TypeError, ValueError):
                pass
        ext = os.path.splitext(full)[1]
        ctype = {".xml": "application/xml", ".json": "application/json"}.get(ext, "text/html")
        with open(full, "rb") as f:
            body = f.read()
        self.send(200, body, ctype=ctype, headers=[("Last-Modified", last_modified)])

    def do_GET(self):
        entry = {"path": self.path, "start": time.monotonic(), "end": None,
                 "ua": self.headers.get("User-Agent", ""),
                 "accept_encoding": self.headers.get("Accept-Encoding", "")}
        with LOCK:
            LOG.append(entry)
        try:
            self.route(entry)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            if entry["end"] is None:
                entry["end"] = time.monotonic()

    def route(self, entry):
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        q = dict(urllib.parse.parse_qsl(url.query))
        key = q.get("k", "")
        opts = self.server.opts
        if path == "/ok.html":
            self.send(200, self.page("OK page"))
        elif path == "/gzip.html":
            body = self.page("Gzip page")
            z = zlib.compressobj(6, zlib.DEFLATED, 31)
            self.send(200, z.compress(body) + z.flush(), headers=[("Content-Encoding", "gzip")])
        elif path == "/etag.html":
            validators = [("ETag", ETAG), ("Last-Modified", LAST_MODIFIED)]
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            if (inm is not None and inm == ETAG) or (inm is None and ims == LAST_MODIFIED):
                self.send(304, ctype=None, headers=validators)
            else:
                self.send(200, self.page("Etag page"), headers=validators)
        elif path.startswith("/redirect/"):
            n = int(path[len("/redirect/"):] or "0")
            target = "/ok.html" if n <= 1 else "/redirect/%d" % (n - 1)
            self.send(302, headers=[("Location", target)])
        elif path == "/loop":
            self.send(302, headers=[("Location", "/loop")])
        elif path == "/redirect-private":
            self.send(302, headers=[("Location", "/private/x.html")])
        elif path == "/redirect-to":
            self.send(int(q.get("s", "302")), self.page("Moved"),
                      headers=[("Location", q.get("to", "/ok.html"))])
        elif path in ("/404", "/410", "/500"):
            self.send(int(path[1:]), self.page("Status " + path[1:]))
        elif path == "/flaky":
            if first_time("flaky", key):
                self.send(500, self.page("Flaky failure"))
            else:
                self.send(200, self.page("Flaky success"))
        elif path == "/limited":
            if first_time("limited", key):
                self.send(429, self.page("Slow down"), headers=[("Retry-After", q.get("ra", "1"))])
            else:
                self.send(200, self.page("Limited success"))
        elif path == "/unavailable":
            self.send(503, self.page("Come back later"), headers=[("Retry-After", "3600")])
        elif path == "/stall":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.flush()
            time.sleep(30)
            self.close_connection = True
        elif path == "/big":
            total = 40 * 1000 * 1000
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            if q.get("cl") == "1":
                self.send_header("Content-Length", str(total))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            chunk = b"x" * 65536
            sent = 0
            while sent < total:
                n = min(len(chunk), total - sent)
                self.wfile.write(chunk[:n])
                sent += n
        elif path == "/bomb":
            self.send(200, bomb_bytes(), headers=[("Content-Encoding", "gzip")])
        elif path == "/slow":
            time.sleep(int(q.get("ms", "100")) / 1000.0)
            entry["end"] = time.monotonic()  # before the answer leaves: no overlap race
            self.send(200, self.page("Slow page"))
        elif path == "/robots.txt":
            if opts.robots == "404":
                self.send(404, b"no robots here", ctype="text/plain")
            elif opts.robots == "503":
                self.send(503, b"down", ctype="text/plain")
            else:
                text = ROBOTS
                if opts.crawl_delay is not None:
                    text += "Crawl-delay: %s\n" % opts.crawl_delay
                self.send(200, text.encode(), ctype="text/plain")
        elif path.startswith("/private/"):
            self.send(200, self.page("Private page"))
        elif path.startswith("/charset/"):
            name = path[len("/charset/"):]
            if name not in CHARSET_TEXT:
                self.send(404, self.page("Unknown charset"))
                return
            declared = q.get("declared") == "1"
            meta = '<meta charset="%s">' % name if declared else ""
            html = ("<!doctype html><html><head>%s<title>%s</title></head><body><p>%s</p>"
                    "</body></html>" % (meta, name, CHARSET_TEXT[name]))
            ctype = "text/html; charset=%s" % name if declared else "text/html"
            self.send(200, html.encode(name), ctype=ctype)
        elif path.startswith("/site/") and opts.root:
            self.site_file(path[len("/site/"):])
        elif path == "/_log":
            with LOCK:
                body = json.dumps(LOG).encode()
            self.send(200, body, ctype="application/json")
        elif path == "/_tls_errors":
            with LOCK:
                body = json.dumps(TLS_ERRORS).encode()
            self.send(200, body, ctype="application/json")
        else:
            self.send(404, self.page("Not found"))


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that hangs up (a cut transfer, a timeout) is part of the tests.
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)

    def finish_request(self, request, client_address):
        # --tls: the handshake runs here, in the request's own thread (not in
        # accept, where one slow client would hold up the others); a client
        # that refuses the certificate is recorded, not a traceback.
        if isinstance(request, ssl.SSLSocket):
            try:
                request.settimeout(30)
                request.do_handshake()
                request.settimeout(None)
            except (ssl.SSLError, OSError) as e:
                with LOCK:
                    TLS_ERRORS.append(str(e))
                return
        super().finish_request(request, client_address)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--robots", choices=["ok", "404", "503"], default="ok")
    parser.add_argument("--crawl-delay", default=None)
    parser.add_argument("--root", default=None)
    parser.add_argument("--tls", nargs=2, metavar=("CERTFILE", "KEYFILE"), default=None)
    opts = parser.parse_args()
    server = Server(("127.0.0.1", 0), Handler)
    server.opts = opts
    if opts.tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(opts.tls[0], opts.tls[1])
        server.socket = context.wrap_socket(server.socket, server_side=True,
                                            do_handshake_on_connect=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    try:
        sys.stdin.read()  # returns when the test closes our stdin (or dies)
    finally:
        os._exit(0)


if __name__ == "__main__":
    main()

// The ceiling: a plain node:http server that sends prepared bytes, in its own process. The
// benchmark sends it {path, file, contentType} messages; it answers GET path with the file's bytes.
import fs from "node:fs";
import http from "node:http";

const pages = new Map<string, { body: Buffer; contentType: string }>();

const server = http.createServer((req, res) => {
  const page = pages.get(req.url ?? "/");
  if (!page) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { "Content-Type": page.contentType, "Content-Length": page.body.length });
  res.end(page.body);
});

process.on("message", (message: { path: string; file: string; contentType: string }) => {
  pages.set(message.path, { body: fs.readFileSync(message.file), contentType: message.contentType });
  process.send?.({ ready: message.path });
});

server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.({ listening: true }));

// Requests a browser or fetch() cannot make: any Host header, several Cookie headers, raw targets
// such as `/t/%2e%2e/settings` sent exactly as written. One request per connection.
import net from "node:net";

export interface RawResponse {
  status: number;
  headers: Record<string, string[]>;
  body: string;
  header(name: string): string | undefined;
}

export async function rawRequest(
  baseUrl: string,
  target: string,
  headerLines: [string, string][],
  method = "GET",
  body = "",
): Promise<RawResponse> {
  const { hostname, port, host } = new URL(baseUrl);
  const lines = [`${method} ${target} HTTP/1.1`];
  if (!headerLines.some(([name]) => name.toLowerCase() === "host")) lines.push(`Host: ${host}`);
  for (const [name, value] of headerLines) lines.push(`${name}: ${value}`);
  lines.push("Connection: close");
  if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  const request = lines.join("\r\n") + "\r\n\r\n" + body;
  const raw = await new Promise<Buffer>((resolve, reject) => {
    // Written without half-closing: a server may drop a connection whose client has ended it.
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("end", () => resolve(Buffer.concat(chunks)));
    socket.on("error", reject);
  });
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.subarray(0, split).toString("latin1").split("\r\n");
  const status = Number(head[0].split(" ")[1]);
  const headers: Record<string, string[]> = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    (headers[name] ??= []).push(line.slice(colon + 1).trim());
  }
  let payload = raw.subarray(split + 4);
  if (headers["transfer-encoding"]?.[0] === "chunked") payload = dechunk(payload);
  return { status, headers, body: payload.toString("utf8"), header: (name) => headers[name.toLowerCase()]?.join(", ") };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = data.indexOf("\r\n", offset);
    if (lineEnd < 0) break;
    const size = parseInt(data.subarray(offset, lineEnd).toString("latin1"), 16);
    if (!size) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { bufferActionBody, refuseActionBody, refuseByHeaders } from "./edge-guards";

const action = (headers: Record<string, string>) => ({
  method: "POST",
  url: "/practice/x",
  headers: { "next-action": "abc", host: "app.test", ...headers },
});

describe("edge guards", () => {
  it("refuses malformed percent-encoding with 400", () => {
    expect(refuseByHeaders({ url: "/learn/%E0%A4%A", headers: {} })?.status).toBe(400);
    expect(refuseByHeaders({ url: "/learn/%zz", headers: {} })?.status).toBe(400);
    expect(refuseByHeaders({ url: "/learn/caf%C3%A9?q=%", headers: {} })).toBeNull();
  });

  it("refuses a declared body over the limit with 413", () => {
    expect(
      refuseByHeaders({ method: "POST", url: "/", headers: { "content-length": "2000000" } })?.status,
    ).toBe(413);
    expect(refuseByHeaders({ method: "POST", url: "/", headers: { "content-length": "1000" } })).toBeNull();
  });

  it("refuses a server action from another origin, or with no origin, with 403", () => {
    expect(refuseByHeaders(action({ origin: "https://evil.test" }))?.status).toBe(403);
    expect(refuseByHeaders(action({}))?.status).toBe(403);
    expect(refuseByHeaders(action({ origin: "not a url" }))?.status).toBe(403);
    expect(refuseByHeaders(action({ origin: "http://app.test" }))).toBeNull();
  });

  it("refuses an action body that is text but not JSON", () => {
    expect(refuseActionBody("text/plain;charset=UTF-8", Buffer.from("{{{"))?.status).toBe(400);
    expect(refuseActionBody("text/plain;charset=UTF-8", Buffer.from('[{"a":1}]'))).toBeNull();
    expect(refuseActionBody("multipart/form-data; boundary=x", Buffer.from("--x--"))).toBeNull();
  });

  it("passes the same body on in a fresh request, and stops reading past the limit", async () => {
    const socket = new Socket();
    const request = () => {
      const req = new IncomingMessage(socket);
      req.complete = true; // as the HTTP parser leaves a fully received request
      req.method = "POST";
      req.headers = { "content-type": "text/plain;charset=UTF-8" };
      return req;
    };
    const ok = request();
    ok.push('["hello"]');
    ok.push(null);
    const passed = await bufferActionBody(ok);
    if (!("request" in passed)) throw new Error("refused");
    let text = "";
    for await (const chunk of passed.request) text += String(chunk);
    expect(text).toBe('["hello"]');
    // The socket, which the response still needs, must stay open once the copy is read.
    await new Promise((resolve) => setImmediate(resolve));
    expect(socket.destroyed).toBe(false);

    const big = request();
    big.push(Buffer.alloc(20, 0x61));
    big.push(null);
    expect(await bufferActionBody(big, 10)).toEqual({ refusal: expect.objectContaining({ status: 413 }) });
  });
});

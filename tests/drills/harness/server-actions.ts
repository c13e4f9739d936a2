import { readFileSync } from "node:fs";
import type { Client, HttpResponse } from "./http";

type Manifest = {
  node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>;
};

/**
 * Server Actions are what the app's own pages call for autosave, submit and
 * labs. The drill calls them the way the browser does: a POST with the
 * action's id (from the build's manifest) and the arguments as JSON.
 */
export function actionIds(): Record<string, string> {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as Manifest;
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName) ids[`${entry.filename}#${entry.exportedName}`] = id;
  }
  return ids;
}

export function requireAction(ids: Record<string, string>, key: string): string {
  const id = ids[key];
  if (!id) throw new Error(`server action ${key} not found in the build manifest`);
  return id;
}

/** The value an action returned, from its React Flight response (row 1). */
export function actionValue(response: HttpResponse): unknown {
  if (response.status !== 200)
    throw new Error(`action answered ${response.status}: ${response.body.slice(0, 300)}`);
  const rows = flightRows(response.body);
  if (rows.has("1")) return JSON.parse(rows.get("1")!);
  throw new Error(`no action result in response: ${response.body.slice(0, 300)}`);
}

/**
 * The rows of a React Flight response by id. Most rows end at a newline; a text row
 * (`ID:T<hex byte length>,<text>`) carries its length instead, may hold newlines and is followed
 * by the next row directly (a lab's long narration comes as one).
 */
function flightRows(body: string): Map<string, string> {
  const bytes = Buffer.from(body, "utf8");
  const rows = new Map<string, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = bytes.subarray(at, colon).toString("utf8");
    if (bytes[colon + 1] === 0x54) {
      const comma = bytes.indexOf(0x2c, colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString("utf8"), 16);
      rows.set(id, bytes.subarray(comma + 1, comma + 1 + length).toString("utf8"));
      at = comma + 1 + length;
      continue;
    }
    const end = bytes.indexOf(0x0a, colon);
    const stop = end < 0 ? bytes.length : end;
    rows.set(id, bytes.subarray(colon + 1, stop).toString("utf8"));
    at = stop + 1;
  }
  return rows;
}

export function callAction(client: Client, page: string, id: string, args: unknown[]): Promise<HttpResponse> {
  return client.request("POST", page, {
    body: JSON.stringify(args),
    headers: {
      "next-action": id,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: client.baseUrl,
    },
  });
}

/** A <form action={…}> submitted without JavaScript: multipart with the action id field. */
export function submitFormAction(
  client: Client,
  page: string,
  id: string,
  fields: Record<string, string>,
): Promise<HttpResponse> {
  const boundary = `----drill${Math.random().toString(16).slice(2)}`;
  const parts = [[`$ACTION_ID_${id}`, ""], ...Object.entries(fields)].map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return client.request("POST", page, {
    body: `${parts.join("")}--${boundary}--\r\n`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: client.baseUrl },
  });
}

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
  for (const line of response.body.split("\n")) {
    const match = /^1:(.*)$/.exec(line);
    if (match) return JSON.parse(match[1]!);
  }
  throw new Error(`no action result in response: ${response.body.slice(0, 300)}`);
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

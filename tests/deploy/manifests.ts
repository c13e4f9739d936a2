import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

export const K8S_DIR = path.resolve("deploy/k8s");

export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  [key: string]: unknown;
};

/** Every document in deploy/k8s/*.yaml, parsed strictly (a YAML error fails the test). */
export function loadManifests(): Array<{ file: string; manifest: Manifest }> {
  return readdirSync(K8S_DIR)
    .filter((file) => file.endsWith(".yaml"))
    .flatMap((file) =>
      parseAllDocuments(readFileSync(path.join(K8S_DIR, file), "utf8")).map((doc) => {
        if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
        return { file, manifest: doc.toJS() as Manifest };
      }),
    );
}

export function byKind<T>(manifests: Array<{ manifest: Manifest }>, kind: string): T {
  const found = manifests.filter((m) => m.manifest.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0]!.manifest as unknown as T;
}

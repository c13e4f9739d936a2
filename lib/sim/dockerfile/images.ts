/**
 * What the checks assume about well-known base images (docker-library images and distroless);
 * each fact is cited in README.md. Anything unknown is treated like a plain Debian image.
 */
export type ImageFacts = {
  /** Users in /etc/passwd besides root. */
  users: string[];
  /** The default USER. */
  user: string;
  /** Build tools it ships (the full docker-library variants are built on buildpack-deps). */
  buildTools: string[];
  hasShell: boolean;
  hasCurl: boolean;
  hasWget: boolean;
};

const TOOLCHAIN = ["gcc", "make", "python3"];

export function imageFacts(name: string, tag: string | null): ImageFacts {
  const short = name.replace(/^(docker\.io\/)?(library\/)?/, "");
  const t = (tag ?? "latest").toLowerCase();
  const slim = t.includes("slim");
  const alpine = t.includes("alpine");
  const facts: ImageFacts = {
    users: ["nobody"],
    user: "root",
    buildTools: [],
    hasShell: true,
    hasCurl: false,
    hasWget: alpine,
  };
  if (short.startsWith("gcr.io/distroless/") || short.startsWith("cgr.dev/chainguard/")) {
    const nonroot = t.includes("nonroot");
    return {
      users: ["nonroot"],
      user: nonroot ? "nonroot" : "root",
      buildTools: [],
      hasShell: t.includes("debug"),
      hasCurl: false,
      hasWget: false,
    };
  }
  if (short === "scratch")
    return { users: [], user: "root", buildTools: [], hasShell: false, hasCurl: false, hasWget: false };
  if (short === "node") facts.users.push("node");
  if (["node", "python", "ruby"].includes(short) && !slim && !alpine)
    Object.assign(facts, { buildTools: TOOLCHAIN, hasCurl: true, hasWget: true });
  if (short === "buildpack-deps")
    Object.assign(facts, { buildTools: TOOLCHAIN, hasCurl: true, hasWget: true });
  if (["golang", "rust", "gcc", "maven", "gradle"].includes(short))
    Object.assign(facts, { buildTools: [short === "gcc" ? "gcc" : short], hasCurl: !alpine });
  return facts;
}

/**
 * nginx's round-robin upstream peers with passive health checks, following
 * src/http/ngx_http_upstream_round_robin.c (ngx_http_upstream_get_peer, free_round_robin_peer):
 * smooth weighted round robin; a failed attempt counts against the server and lowers its
 * effective weight; a server with `fails ≥ max_fails` is skipped for `fail_timeout` after its last
 * failure; its count is forgotten when a request chosen after that window succeeds.
 * nginx measures this in whole seconds; the simulation uses milliseconds, so the window is exactly
 * fail_timeout long instead of fail_timeout to fail_timeout + 1 s.
 */

export type UpstreamServer = {
  name: string;
  /** Default 1. */
  weight?: number;
  /** Default 1; 0 turns the accounting off. */
  maxFails?: number;
  /** Default 10 s. */
  failTimeoutMs?: number;
};

export type Peer = {
  name: string;
  weight: number;
  maxFails: number;
  failTimeoutMs: number;
  effectiveWeight: number;
  currentWeight: number;
  fails: number;
  /** Time of the last failure. */
  accessedMs: number;
  /** Start of the current fail_timeout window. */
  checkedMs: number;
};

export const NGINX_DEFAULT_MAX_FAILS = 1;
export const NGINX_DEFAULT_FAIL_TIMEOUT_MS = 10_000;

export function createPeers(servers: readonly UpstreamServer[]): Peer[] {
  return servers.map((server) => ({
    name: server.name,
    weight: server.weight ?? 1,
    maxFails: server.maxFails ?? NGINX_DEFAULT_MAX_FAILS,
    failTimeoutMs: server.failTimeoutMs ?? NGINX_DEFAULT_FAIL_TIMEOUT_MS,
    effectiveWeight: server.weight ?? 1,
    currentWeight: 0,
    fails: 0,
    accessedMs: 0,
    checkedMs: 0,
  }));
}

/** A server nginx skips: too many recent failures. An upstream with one server never skips it. */
export function isUnavailable(peers: readonly Peer[], peer: Peer, nowMs: number): boolean {
  return (
    peers.length > 1 &&
    peer.maxFails > 0 &&
    peer.fails >= peer.maxFails &&
    nowMs - peer.checkedMs < peer.failTimeoutMs
  );
}

/** Picks the server for the next attempt (`tried`: bit set of servers this request already tried), or null when every untried one is unavailable ("no live upstreams"). */
export function selectPeer(peers: Peer[], tried: number, nowMs: number): number | null {
  let best: number | null = null;
  let total = 0;
  for (let index = 0; index < peers.length; index++) {
    const peer = peers[index]!;
    if (tried & (1 << index) || isUnavailable(peers, peer, nowMs)) continue;
    peer.currentWeight += peer.effectiveWeight;
    total += peer.effectiveWeight;
    if (peer.effectiveWeight < peer.weight) peer.effectiveWeight++;
    if (best === null || peer.currentWeight > peers[best]!.currentWeight) best = index;
  }
  if (best === null) return null;
  const chosen = peers[best]!;
  chosen.currentWeight -= total;
  // Choosing a server after its window opens a new one; success in it clears the failure count.
  if (nowMs - chosen.checkedMs >= chosen.failTimeoutMs) chosen.checkedMs = nowMs;
  return best;
}

/** Records a failed attempt; returns whether the server is now out of rotation. */
export function recordFailure(peers: Peer[], index: number, nowMs: number): boolean {
  const peer = peers[index]!;
  if (peers.length === 1) return false;
  peer.fails++;
  peer.accessedMs = nowMs;
  peer.checkedMs = nowMs;
  if (peer.maxFails > 0) peer.effectiveWeight -= Math.floor(peer.weight / peer.maxFails);
  if (peer.effectiveWeight < 0) peer.effectiveWeight = 0;
  return isUnavailable(peers, peer, nowMs);
}

export function recordSuccess(peers: Peer[], index: number): void {
  const peer = peers[index]!;
  if (peers.length === 1) peer.fails = 0;
  else if (peer.accessedMs < peer.checkedMs) peer.fails = 0;
}

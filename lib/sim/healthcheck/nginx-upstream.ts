/**
 * Stock nginx in front of several servers, passive checks only (fact sheet §2.5): nginx learns that
 * a server is failing from real requests. With the default `proxy_next_upstream error timeout`,
 * a connection error or a timeout counts as a failure and the request is passed to the next
 * server, each server at most once; when none is left the client gets 502 (504 if the last attempt
 * timed out). There is no active `check` directive: that is a third-party module.
 */
import {
  createPeers,
  isUnavailable,
  recordFailure,
  recordSuccess,
  selectPeer,
  type UpstreamServer,
} from "./nginx-peers";
import { applyTimeout, type ProbeOutcome } from "./probe-outcome";
import { createSim, runUntil, type Sim } from "./sim";
import { toTimeline } from "./summary";
import type { ProbeProgram, Timeline, UpstreamAttempt } from "./types";

/** proxy_connect_timeout and proxy_read_timeout default to 60 s. */
export const NGINX_DEFAULT_PROXY_TIMEOUT_MS = 60_000;

// Tried servers are kept in a 31-bit set.
const MAX_SERVERS = 31;

export type NginxScenario = {
  platform: "nginx";
  durationMs: number;
  /** Each server answers with its own program (exit 0 = response, else connection error); default: the scenario's. */
  servers: Array<UpstreamServer & { program?: ProbeProgram }>;
  /** One client request every `everyMs`, from `startAtMs` (default 0) to the end. */
  requests: { everyMs: number; startAtMs?: number };
  proxyTimeoutMs?: number;
};

/** `tried` is a bit set of server indexes, as in nginx. */
type InFlightRequest = { number: number; startedAtMs: number; attempts: UpstreamAttempt[]; tried: number };

export function simulateNginx(scenario: NginxScenario, program: ProbeProgram): Timeline {
  if (scenario.servers.length === 0 || scenario.servers.length > MAX_SERVERS)
    throw new RangeError(`an upstream needs 1 to ${MAX_SERVERS} servers`);
  if (!(scenario.requests.everyMs > 0)) throw new RangeError("requests.everyMs must be > 0");
  const sim = createSim();
  const peers = createPeers(scenario.servers);
  const programs = scenario.servers.map((server) => server.program ?? program);
  const requestsPerServer = peers.map(() => 0);
  const markedDown = peers.map(() => false);
  const proxyTimeoutMs = scenario.proxyTimeoutMs ?? NGINX_DEFAULT_PROXY_TIMEOUT_MS;
  let requestNumber = 0;

  // nginx never announces a server's return; the timeline does, when its window ends.
  function watchReturn(index: number) {
    const peer = peers[index]!;
    sim.clock.schedule(peer.checkedMs + peer.failTimeoutMs, () => {
      // A failure of a request still in flight may have moved the window on.
      if (isUnavailable(peers, peer, sim.nowMs)) {
        watchReturn(index);
        return;
      }
      markedDown[index] = false;
      const reason = "fail_timeout elapsed: the next request may try it again";
      sim.emit({ type: "endpoint-added", target: peer.name, via: "nginx-upstream", reason });
    });
  }

  function noteFailure(index: number) {
    const peer = peers[index]!;
    if (!recordFailure(peers, index, sim.nowMs) || markedDown[index]) return;
    markedDown[index] = true;
    const reason = `${peer.fails} failed attempt(s), max_fails=${peer.maxFails}: skipped for fail_timeout`;
    sim.emit({ type: "endpoint-removed", target: peer.name, via: "nginx-upstream", reason });
    watchReturn(index);
  }

  function sendRequest() {
    attempt({ number: ++requestNumber, startedAtMs: sim.nowMs, attempts: [], tried: 0 });
  }

  function attempt(request: InFlightRequest) {
    const index = selectPeer(peers, request.tried, sim.nowMs);
    if (index === null) return finish(request, 502);
    request.tried |= 1 << index;
    const startedAtMs = sim.nowMs;
    const probeNumber = ++requestsPerServer[index]!;
    const answer = programs[index]!({
      nowMs: startedAtMs,
      sinceStartMs: startedAtMs,
      probeNumber,
      kind: "request",
    });
    const outcome = applyTimeout(answer, proxyTimeoutMs);
    sim.after(outcome.durationMs, () => settle(request, index, startedAtMs, outcome));
  }

  function settle(request: InFlightRequest, index: number, startedAtMs: number, outcome: ProbeOutcome) {
    const result = outcome.timedOut ? "timeout" : outcome.exitCode === 0 ? "ok" : "error";
    request.attempts.push({ server: peers[index]!.name, startedAtMs, endedAtMs: sim.nowMs, outcome: result });
    if (result === "ok") {
      recordSuccess(peers, index);
      return finish(request, 200);
    }
    noteFailure(index);
    // Each server is tried at most once per request (proxy_next_upstream_tries 0 = as many as there are servers).
    if (request.attempts.length < peers.length) return attempt(request);
    finish(request, result === "timeout" ? 504 : 502);
  }

  function finish(request: InFlightRequest, status: number) {
    const { number: requestNumber, startedAtMs, attempts } = request;
    sim.emit({ type: "request", requestNumber, startedAtMs, status, attempts });
  }

  scheduleRequests(sim, scenario.requests, sendRequest);
  runUntil(sim, scenario.durationMs);
  return toTimeline(sim.events);
}

function scheduleRequests(sim: Sim, requests: NginxScenario["requests"], send: () => void) {
  const next = () => {
    send();
    sim.after(requests.everyMs, next);
  };
  sim.clock.schedule(requests.startAtMs ?? 0, next);
}

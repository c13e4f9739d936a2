import { existsSync } from "node:fs";
import { HTTPRoute } from "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute";
import { Deployment, type IDeployment } from "kubernetes-models/apps/v1/Deployment";
import {
  HorizontalPodAutoscaler,
  type IHorizontalPodAutoscaler,
} from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Job } from "kubernetes-models/batch/v1/Job";
import {
  PodDisruptionBudget,
  type IPodDisruptionBudget,
} from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { Service, type IService } from "kubernetes-models/v1/Service";
import { describe, expect, it } from "vitest";
import { byKind, loadManifests } from "./manifests";

// deploy/k8s validated against the Kubernetes (and Gateway API) schemas, then
// checked against what the lessons teach and what the app really does.
const manifests = loadManifests();
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "apps/v1/Deployment": Deployment,
  "v1/Service": Service,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "batch/v1/Job": Job,
  "gateway.networking.k8s.io/v1/HTTPRoute": HTTPRoute,
};

const deployment = byKind<IDeployment>(manifests, "Deployment");
const pod = deployment.spec!.template.spec!;
const app = pod.containers[0]!;
const envOf = (name: string) => app.env?.find((variable) => variable.name === name)?.value;

/** The shutdown budget the app itself enforces (lib/server/graceful-shutdown.ts). */
function drainSeconds(): number {
  return Number(envOf("SHUTDOWN_FORCE_EXIT_MS") ?? 8_000) / 1000;
}

describe("Kubernetes manifests", () => {
  it.each(manifests.map(({ file, manifest }) => [`${file}: ${manifest.kind}`, manifest] as const))(
    "%s is valid against its schema",
    (_, manifest) => {
      const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
      expect(Model, `no schema model for ${manifest.apiVersion} ${manifest.kind}`).toBeDefined();
      expect(() => new Model!(manifest as never).validate()).not.toThrow();
    },
    // Compiling the Gateway API schema takes seconds on a busy machine.
    60_000,
  );

  it("has every piece the chapter asks for", () => {
    expect(manifests.map((m) => m.manifest.kind).sort()).toEqual(
      ["Deployment", "HTTPRoute", "HorizontalPodAutoscaler", "Job", "PodDisruptionBudget", "Service"].sort(),
    );
  });

  it("gives the drain its time: grace period ≥ preStop + the app's drain", () => {
    const preStop = app.lifecycle?.preStop?.sleep?.seconds ?? 0;
    expect(preStop).toBeGreaterThan(0);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(preStop + drainSeconds());
    // The app's drain delay must fit inside its own forced-exit backstop.
    expect(Number(envOf("SHUTDOWN_DRAIN_DELAY_MS"))).toBeLessThan(Number(envOf("SHUTDOWN_FORCE_EXIT_MS")));
  });

  it("probes the app's real endpoints: liveness without dependencies, readiness with them", () => {
    expect(app.startupProbe?.httpGet?.path).toBe("/api/health");
    expect(app.livenessProbe?.httpGet?.path).toBe("/api/health");
    expect(app.readinessProbe?.httpGet?.path).toBe("/api/ready");
    for (const route of ["app/api/health/route.ts", "app/api/ready/route.ts"])
      expect(existsSync(route)).toBe(true);
    // Start-up gets up to 60 s before liveness may restart the pod.
    const startup = app.startupProbe!;
    expect((startup.periodSeconds ?? 10) * (startup.failureThreshold ?? 3)).toBeGreaterThanOrEqual(60);
  });

  it("sets requests and a memory limit, runs non-root on a read-only root with secrets as files", () => {
    expect(app.resources?.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(app.resources?.limits?.memory).toBeDefined();
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(app.securityContext?.readOnlyRootFilesystem).toBe(true);
    const mounts = app.volumeMounts?.map((mount) => mount.mountPath) ?? [];
    expect(mounts).toEqual(expect.arrayContaining(["/tmp", "/app/.next/cache"]));
    for (const name of ["DATABASE_URL", "BETTER_AUTH_SECRET", "REDIS_URL"]) {
      expect(envOf(name), `${name} must not be a plain value`).toBeUndefined();
      expect(envOf(`${name}_FILE`)).toMatch(/^\/run\/secrets\//);
    }
    expect(envOf("BETTER_AUTH_URL")).toMatch(/^https:\/\//);
  });

  it("keeps capacity during deploys and disruptions, and wires the pieces together", () => {
    expect(deployment.spec!.strategy?.rollingUpdate).toMatchObject({ maxUnavailable: 0 });
    const labels = deployment.spec!.template.metadata!.labels!;
    const pdb = byKind<IPodDisruptionBudget>(manifests, "PodDisruptionBudget");
    const hpa = byKind<IHorizontalPodAutoscaler>(manifests, "HorizontalPodAutoscaler");
    const service = byKind<IService>(manifests, "Service");
    expect(pdb.spec!.selector!.matchLabels).toEqual(labels);
    expect(service.spec!.selector).toEqual(labels);
    expect(Number(pdb.spec!.minAvailable)).toBeLessThan(hpa.spec!.minReplicas!);
    expect(hpa.spec!.scaleTargetRef).toMatchObject({ kind: "Deployment", name: deployment.metadata!.name });
    const port = service.spec!.ports![0]!;
    expect(app.ports!.map((p) => p.name)).toContain(port.targetPort);
    const route = byKind<{ spec: { rules: Array<{ backendRefs: Array<{ name: string; port: number }> }> } }>(
      manifests,
      "HTTPRoute",
    );
    expect(route.spec.rules[0]!.backendRefs[0]).toEqual({ name: service.metadata!.name, port: port.port });
  });

  it("migrates in a one-off Job with the app's image, not in every replica", () => {
    const job = byKind<{
      spec: {
        template: {
          spec: { restartPolicy: string; containers: Array<{ image: string; command: string[] }> };
        };
      };
    }>(manifests, "Job");
    const container = job.spec.template.spec.containers[0]!;
    expect(container.image).toBe(app.image);
    expect(container.command).toEqual(["node", "dist/db-deploy.mjs"]);
    expect(job.spec.template.spec.restartPolicy).toBe("Never");
    expect(app.command).toBeUndefined();
  });
});

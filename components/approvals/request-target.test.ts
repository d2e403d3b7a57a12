import { describe, expect, it } from "vitest";
import type { PromptLabelTargetDto } from "@/lib/schemas/change-requests";
import type { FlowPublishTargetDto } from "@/lib/schemas/endpoints";
import { publishTargetOf, requestSubject } from "./request-target";

const labelTarget: PromptLabelTargetDto = {
  promptId: "p1",
  promptName: "support-reply",
  label: "production",
  version: 4,
  versionId: "pv4",
  fromVersion: 3,
  fromVersionId: "pv3",
};
const publishTarget: FlowPublishTargetDto = {
  kind: "flow.publish",
  promptId: "e1",
  promptName: "support-bot",
  label: "endpoint",
  version: 2,
  versionId: "fv2",
  fromVersion: 1,
  fromVersionId: "fv1",
  endpointId: "e1",
  slug: "support-bot",
  flowId: "f1",
  flowName: "Support bot",
  changes: [{ nodeId: "n1", nodeLabel: "LLM", field: "model", from: "openai/a", to: "openai/b" }],
};

describe("publishTargetOf", () => {
  it("returns the endpoint target of a flow.publish request", () => {
    expect(publishTargetOf({ kind: "flow.publish", target: publishTarget })).toBe(publishTarget);
  });

  it("returns null for a prompt.label request", () => {
    expect(publishTargetOf({ kind: "prompt.label", target: labelTarget })).toBeNull();
  });

  it("returns null for a flow.publish request whose target lacks the endpoint fields", () => {
    expect(publishTargetOf({ kind: "flow.publish", target: labelTarget })).toBeNull();
  });
});

describe("requestSubject", () => {
  it("names the label of a prompt.label request", () => {
    expect(requestSubject({ kind: "prompt.label", target: labelTarget })).toBe("production");
  });

  it("names the endpoint of a flow.publish request", () => {
    expect(requestSubject({ kind: "flow.publish", target: publishTarget })).toBe(
      "Endpoint support-bot",
    );
  });
});

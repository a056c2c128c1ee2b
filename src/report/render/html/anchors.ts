import type { Finding } from "../../../lint/finding.js";
import type { Origin } from "../../../model/types.js";
import type { RenderData } from "../index.js";
import { Ids } from "./markup.js";

/** A node of the page a finding can be about: a journey, stage, event, survey or persona. */
type Node = { id: string; origin: Origin };

/** A finding as the page shows it: its number (its anchor `finding-N`) and the node it is on. */
export interface Placed {
  finding: Finding;
  anchor: string;
  node: Node | null;
}

/**
 * The anchors of the page: one id per node drawn (`journey--julie-online`,
 * `stage--julie-online--purchase`…), and each finding placed on the node it is about — the
 * deepest node whose JSON Pointer holds the finding's (in that file, and the document its entity
 * names), else the last node written at or above the finding's line.
 */
export class Anchors {
  private readonly ids = new Ids();
  private readonly anchors = new Map<Node, string>();
  private readonly onNode = new Map<Node, Placed[]>();
  readonly findings: Placed[];

  constructor(data: RenderData) {
    const nodes: { node: Node; entity: string; file: string; line: number }[] = [];
    const add = (node: Node, kind: string, entity: string, ...parts: string[]) => {
      // eslint-disable-next-line no-restricted-syntax -- a rest parameter passed on: a few ids.
      this.anchors.set(node, this.ids.make(kind, ...parts));
      nodes.push({ node, entity, ...data.locate(node.origin) });
    };
    for (const j of data.journeys) {
      const entity = `journey:${j.id}`;
      add(j, "journey", entity, j.id);
      for (const s of j.stages) {
        add(s, "stage", entity, j.id, s.id);
        for (const e of s.events) add(e, "event", entity, j.id, e.id);
        for (const v of s.surveys) add(v, "survey", `survey:${v.id}`, j.id, v.id);
      }
      for (const v of j.surveys) add(v, "survey", `survey:${v.id}`, j.id, v.id);
    }
    for (const p of data.personas) add(p, "persona", `persona:${p.id}`, p.id);
    this.findings = data.findings.map((finding, i) => {
      const node = placeOf(finding, nodes);
      const placed = { finding, anchor: `finding-${i + 1}`, node };
      const on = node ? this.onNode.get(node) : undefined;
      if (on) on.push(placed);
      else if (node) this.onNode.set(node, [placed]);
      return placed;
    });
  }

  /** The id of a node drawn. */
  of(node: Node): string {
    const id = this.anchors.get(node);
    if (id === undefined) throw new Error(`no anchor for ${node.id}`);
    return id;
  }

  /** The findings placed on a node. */
  on(node: Node): readonly Placed[] {
    return this.onNode.get(node) ?? [];
  }

  /** A fresh unique id for an element that is not a node (a heading, a caption). */
  extra(...parts: string[]): string {
    // eslint-disable-next-line no-restricted-syntax -- a rest parameter passed on: a few ids.
    return this.ids.make(...parts);
  }
}

const holds = (outer: string, inner: string) => inner === outer || inner.startsWith(`${outer}/`);

function placeOf(
  finding: Finding,
  nodes: readonly { node: Node; entity: string; file: string; line: number }[],
): Node | null {
  const inFile = nodes.filter((n) => n.file === finding.file);
  if (inFile.length === 0) return null;
  if (finding.pointer !== null) {
    const pointer = finding.pointer;
    // A survey finding's entity names the survey, others the journey or persona: the documents of
    // a file are told apart by the entity of their top node (or any node, for a survey).
    const documents = new Set(
      inFile.filter((n) => n.entity === finding.entity).map((n) => n.node.origin.document),
    );
    const candidates = inFile.filter(
      (n) =>
        (documents.size === 0 || documents.has(n.node.origin.document)) &&
        holds(n.node.origin.pointer, pointer),
    );
    const deepest = candidates.reduce<(typeof candidates)[number] | null>(
      (best, n) =>
        best === null || n.node.origin.pointer.length > best.node.origin.pointer.length ? n : best,
      null,
    );
    if (deepest) return deepest.node;
  }
  // The last node starting at or above the line (the innermost, as children follow parents).
  let best = inFile[0];
  for (const n of inFile) if (n.line <= finding.line && (!best || n.line >= best.line)) best = n;
  return best?.node ?? null;
}

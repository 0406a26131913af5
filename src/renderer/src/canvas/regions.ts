import type { GraphAnalysis } from '../../../shared/compiler';
import type { GraphDocument } from '../../../shared/graph/document';

/** The size of a layer node on the canvas (canvas.css .layer-node), for drawing around it. */
export const NODE_BOX = { width: 160, height: 98 };

/** An autoencoder's parts, and a game's players (an AAE has both). */
export const REGION_ROLES = ['encoder', 'code', 'decoder', 'generator', 'discriminator'] as const;
export type RegionRole = (typeof REGION_ROLES)[number];

export interface Region {
  role: RegionRole;
  /** Which box of its role: a wrapped design shades each row's part of the encoder apart. */
  part: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

const PAD = 16;
const LABEL = 22;
/**
 * Nodes of one role closer than this (canvas units, box to box) share a box. Neighbours in a row
 * or a stacked branch are 40 to 68 apart; the bands of a wrapped layout 102 or more.
 */
const NEAR = 88;

type Placed = GraphDocument['nodes'][number];

const near = (a: Placed, b: Placed) =>
  Math.abs(a.position.x - b.position.x) <= NODE_BOX.width + NEAR &&
  Math.abs(a.position.y - b.position.y) <= NODE_BOX.height + NEAR;

/** The nodes in groups that touch, each group reachable from its first by near neighbours. */
function clusters(nodes: readonly Placed[]): Placed[][] {
  const left = [...nodes];
  const groups: Placed[][] = [];
  while (left.length > 0) {
    const group = [left.shift()!];
    for (let i = 0; i < group.length; i++)
      for (let j = left.length - 1; j >= 0; j--)
        if (near(group[i], left[j])) group.push(...left.splice(j, 1));
    groups.push(group);
  }
  return groups;
}

/**
 * The boxes around the encoder's, the code's and the decoder's nodes (a game's: the generator's
 * and the discriminator's), for shading them: one box per group of nodes that sit together, so
 * the rows of a wrapped design do not overlap.
 */
export function regionsOf(doc: GraphDocument, analysis: GraphAnalysis): Region[] {
  const regions: Region[] = [];
  for (const role of REGION_ROLES) {
    const nodes = doc.nodes.filter((n) => analysis.nodes[n.id]?.role === role);
    clusters(nodes).forEach((group, part) => {
      const left = Math.min(...group.map((n) => n.position.x)) - PAD;
      const top = Math.min(...group.map((n) => n.position.y)) - PAD - LABEL;
      const right = Math.max(...group.map((n) => n.position.x + NODE_BOX.width)) + PAD;
      const bottom = Math.max(...group.map((n) => n.position.y + NODE_BOX.height)) + PAD;
      regions.push({ role, part, x: left, y: top, width: right - left, height: bottom - top });
    });
  }
  return regions;
}

/** A TiedDense and the Dense whose weights it reuses: drawn as a dashed link. */
export interface TiedLink {
  from: string;
  to: string;
  path: string;
}

/** The dashed arcs below the nodes from each tied layer's partner to it. */
export function tiedLinks(doc: GraphDocument): TiedLink[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const links: TiedLink[] = [];
  for (const node of doc.nodes) {
    if (node.kind !== 'TiedDense' || typeof node.params.partner !== 'string') continue;
    const partner = byId.get(node.params.partner);
    if (!partner) continue;
    const ax = partner.position.x + NODE_BOX.width / 2;
    const ay = partner.position.y + NODE_BOX.height;
    const bx = node.position.x + NODE_BOX.width / 2;
    const by = node.position.y + NODE_BOX.height;
    const dip = Math.max(ay, by) + 40 + Math.abs(bx - ax) * 0.08;
    links.push({
      from: partner.id,
      to: node.id,
      path: `M ${ax} ${ay} C ${ax} ${dip}, ${bx} ${dip}, ${bx} ${by}`,
    });
  }
  return links;
}

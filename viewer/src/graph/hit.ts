export interface Point {
  x: number;
  y: number;
}

/** Distance from p to the segment a–b (all in screen pixels). */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * The edge nearest to a click, within `tolerance` pixels. Sigma picks edges from a
 * half-resolution buffer, where a 2-pixel line can fall between samples; this geometric
 * fallback makes thin links as clickable as thick ones.
 */
export function nearestEdge(
  p: Point,
  edges: Iterable<{ id: string; a: Point; b: Point }>,
  tolerance: number,
): string | null {
  let best: string | null = null;
  let bestDistance = tolerance;
  for (const e of edges) {
    const d = distanceToSegment(p, e.a, e.b);
    if (d <= bestDistance) {
      best = e.id;
      bestDistance = d;
    }
  }
  return best;
}

export type Point = { x: number; y: number };

/**
 * Moves apart map dots that would sit on top of each other, so each stays visible and clickable: points closer
 * than `gap` to the first point of a group are laid out on a ring around that point, adjacent dots `gap` apart.
 * Several London co-ops share almost the same coordinates, and a dot hidden under another is a link no mouse can
 * reach. Input order is kept, and so is every point that has room.
 */
export function spreadPoints<T extends Point>(points: readonly T[], gap: number): T[] {
  const groups: { centre: Point; members: number[] }[] = [];
  points.forEach((point, index) => {
    const group = groups.find(({ centre }) => Math.hypot(centre.x - point.x, centre.y - point.y) < gap);
    if (group) group.members.push(index);
    else groups.push({ centre: { x: point.x, y: point.y }, members: [index] });
  });

  const spread = [...points];
  for (const { centre, members } of groups) {
    if (members.length < 2) continue;
    const radius = gap / (2 * Math.sin(Math.PI / members.length));
    members.forEach((index, position) => {
      const angle = (2 * Math.PI * position) / members.length - Math.PI / 2;
      const point = points[index];
      if (point) {
        spread[index] = {
          ...point,
          x: centre.x + radius * Math.cos(angle),
          y: centre.y + radius * Math.sin(angle),
        };
      }
    });
  }
  return spread;
}

import { forceSimulation, forceManyBody } from 'd3';
import { separateBoxes, seedPosition } from '/work/wt-17/src/renderer/src/features/buying-group/map-layout';
const people = Array.from({ length: 40 }, (_, i) => ({ id: `sh_${i}`, radius: 14 + (i % 5) * 4, level: i % 4, labelWidth: 60 + ((i * 37) % 90) }));
for (let rep = 0; rep < 3; rep++) {
let t = performance.now();
const nodes = people.map((p) => ({ ...seedPosition(p, 40) }));
forceSimulation(nodes as any).force('c', forceManyBody()).stop().tick(300);
console.log('sim', Math.round(performance.now() - t));
t = performance.now();
const at = new Map(people.map((p) => [p.id, seedPosition(p, 40)]));
separateBoxes(people, at, new Set());
console.log('sep', Math.round(performance.now() - t));
}

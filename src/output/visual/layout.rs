//! The network's layout, computed once here so that the HTML view, GEXF
//! (`viz:position`), GraphML and Cytoscape JSON carry the same positions and
//! Gephi opens the file already laid out.
//!
//! ForceAtlas2 (Jacomy, Venturini, Heymann, Bastian 2014): repulsion
//! between every two nodes proportional to the product of their degrees plus
//! one, so hubs push each other apart and communities spread; linear
//! attraction along edges; gravity towards the centre proportional to the
//! degree plus one, so loose actors stay near the network; and the adaptive
//! speed of the paper (swing and traction), which makes it settle. Above
//! [`BARNES_HUT_FROM`] nodes, repulsion is approximated with a Barnes-Hut
//! quadtree (O(n log n) per round), and the number of rounds shrinks with
//! the size of the graph so that a few thousand actors still take a second
//! or two.
//!
//! Afterwards, nodes closer than a small share of the drawing are pushed
//! apart, so that every circle has room when the drawing fills a window.
//!
//! Deterministic: the start is drawn from a fixed-seed generator in node
//! order (the nodes are sorted by IRI), and nothing depends on threads or
//! hashing, so the same store gives the same positions.

use std::collections::BTreeMap;

/// From this many nodes, repulsion uses the Barnes-Hut approximation.
const BARNES_HUT_FROM: usize = 2000;
/// Barnes-Hut accuracy: a cell this many times farther than it is wide
/// counts as one body (Gephi's default).
const THETA: f64 = 1.2;
const SEED: u64 = 0x5EED_AC70;

/// Node positions `(x, y)` for `n` nodes joined by `edges` (pairs of node
/// indices; repeated pairs and loops are ignored).
pub fn forceatlas2(n: usize, edges: &[(usize, usize)]) -> Vec<(f64, f64)> {
    if n == 0 {
        return Vec::new();
    }
    let mut pairs: Vec<(usize, usize)> =
        edges.iter().filter(|(a, b)| a != b && *a < n && *b < n).map(|&(a, b)| (a.min(b), a.max(b))).collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut mass = vec![1.0f64; n];
    for &(a, b) in &pairs {
        mass[a] += 1.0;
        mass[b] += 1.0;
    }
    // Strong gravity (proportional to the distance, as Gephi's option) keeps
    // actors without relations close to the rest instead of on a far ring,
    // and a scaling ratio of 10 gives the connected ones room.
    let scaling = 10.0;
    let gravity = 0.5;
    let mut rng = SEED;
    let mut next = move || {
        rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((rng >> 11) as f64) / ((1u64 << 53) as f64)
    };
    let spread = 10.0 * (n as f64).sqrt() + 10.0;
    let mut pos: Vec<(f64, f64)> = (0..n).map(|_| ((next() - 0.5) * 2.0 * spread, (next() - 0.5) * 2.0 * spread)).collect();
    let mut old = vec![(0.0f64, 0.0f64); n];
    let mut force = vec![(0.0f64, 0.0f64); n];
    let mut speed = 1.0f64;
    let mut efficiency = 1.0f64;
    let rounds = rounds_for(n, pairs.len());
    for _ in 0..rounds {
        force.iter_mut().for_each(|f| *f = (0.0, 0.0));
        if n < BARNES_HUT_FROM {
            for i in 0..n {
                for j in i + 1..n {
                    let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                    let d2 = dx * dx + dy * dy;
                    if d2 > 0.0 {
                        let f = scaling * mass[i] * mass[j] / d2;
                        force[i].0 += dx * f;
                        force[i].1 += dy * f;
                        force[j].0 -= dx * f;
                        force[j].1 -= dy * f;
                    }
                }
            }
        } else {
            let tree = QuadTree::new(&pos, &mass);
            for i in 0..n {
                let (fx, fy) = tree.repulsion(0, pos[i], mass[i] * scaling);
                force[i].0 += fx;
                force[i].1 += fy;
            }
        }
        for i in 0..n {
            let (x, y) = pos[i];
            force[i].0 -= x * gravity * mass[i];
            force[i].1 -= y * gravity * mass[i];
        }
        for &(a, b) in &pairs {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            force[a].0 -= dx;
            force[a].1 -= dy;
            force[b].0 += dx;
            force[b].1 += dy;
        }
        // Adaptive speed (the paper's swing and traction, as Gephi does it).
        let (mut swinging, mut traction) = (0.0, 0.0);
        for i in 0..n {
            let (sx, sy) = (old[i].0 - force[i].0, old[i].1 - force[i].1);
            let (tx, ty) = (old[i].0 + force[i].0, old[i].1 + force[i].1);
            swinging += mass[i] * (sx * sx + sy * sy).sqrt();
            traction += mass[i] * 0.5 * (tx * tx + ty * ty).sqrt();
        }
        let optimal = 0.05 * (n as f64).sqrt();
        let mut jitter = (optimal * traction / (n * n) as f64).min(10.0).max(optimal.sqrt());
        if traction > 0.0 && swinging / traction > 2.0 {
            if efficiency > 0.05 {
                efficiency *= 0.5;
            }
            jitter = jitter.max(1.0);
        }
        if swinging > 0.0 {
            let target = jitter * efficiency * traction / swinging;
            if swinging > jitter * traction {
                if efficiency > 0.05 {
                    efficiency *= 0.7;
                }
            } else if speed < 1000.0 {
                efficiency *= 1.3;
            }
            speed += (target - speed).min(0.5 * speed);
        }
        for i in 0..n {
            let (sx, sy) = (old[i].0 - force[i].0, old[i].1 - force[i].1);
            let swing = mass[i] * (sx * sx + sy * sy).sqrt();
            let mut factor = speed / (1.0 + (speed * swing).sqrt());
            // No node jumps farther than 10 units per round (the paper's cap).
            let f = (force[i].0 * force[i].0 + force[i].1 * force[i].1).sqrt();
            if f * factor > 10.0 * spread {
                factor = 10.0 * spread / f;
            }
            pos[i].0 += force[i].0 * factor;
            pos[i].1 += force[i].1 * factor;
            old[i] = force[i];
        }
    }
    spread_apart(&mut pos);
    // Two decimals are plenty for a drawing, and keep the files stable.
    pos.into_iter().map(|(x, y)| (round2(x), round2(y))).collect()
}

/// Pushes apart the nodes closer than a small share of the drawing's width
/// (ForceAtlas2 lets a pair joined by one edge sit almost on each other),
/// so that each node has room for its circle once the drawing is fitted to
/// a window. Neighbours are found on a grid of that distance.
fn spread_apart(pos: &mut [(f64, f64)]) {
    let n = pos.len();
    if n < 2 {
        return;
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in pos.iter() {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let width = (x1 - x0).max(y1 - y0).max(1e-9);
    let min = width / (3.0 * (n as f64).sqrt()).max(30.0);
    for _ in 0..50 {
        let mut grid: BTreeMap<(i64, i64), Vec<usize>> = BTreeMap::new();
        for (i, &(x, y)) in pos.iter().enumerate() {
            grid.entry(((x / min).floor() as i64, (y / min).floor() as i64)).or_default().push(i);
        }
        let mut moved = false;
        let mut push = vec![(0.0f64, 0.0f64); n];
        for (&(gx, gy), list) in &grid {
            for &i in list {
                for dx in -1..=1 {
                    for dy in -1..=1 {
                        let Some(other) = grid.get(&(gx + dx, gy + dy)) else { continue };
                        for &j in other {
                            if j <= i {
                                continue;
                            }
                            let (ex, ey) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                            let d = (ex * ex + ey * ey).sqrt();
                            if d >= min {
                                continue;
                            }
                            // Coincident nodes part along a fixed direction.
                            let (ux, uy) = if d > 1e-12 { (ex / d, ey / d) } else { (1.0, 0.0) };
                            let step = (min - d) / 2.0;
                            push[i].0 += ux * step;
                            push[i].1 += uy * step;
                            push[j].0 -= ux * step;
                            push[j].1 -= uy * step;
                            moved = true;
                        }
                    }
                }
            }
        }
        if !moved {
            break;
        }
        for (p, d) in pos.iter_mut().zip(&push) {
            p.0 += d.0 * 0.5;
            p.1 += d.1 * 0.5;
        }
    }
}

fn round2(v: f64) -> f64 {
    let r = (v * 100.0).round() / 100.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Rounds: enough for small graphs to settle, fewer on large ones so that
/// the work (about n log n + edges per round) stays bounded.
fn rounds_for(n: usize, edges: usize) -> usize {
    let per_round = (n as f64) * (n as f64).log2().max(1.0) * if n < BARNES_HUT_FROM { n as f64 / 8.0 } else { 8.0 } + edges as f64;
    ((4.0e8 / per_round.max(1.0)) as usize).clamp(60, 600)
}

/// A Barnes-Hut quadtree over the node positions, for repulsion.
struct QuadTree {
    cells: Vec<Cell>,
}

struct Cell {
    /// Centre of mass and total mass of the bodies inside.
    x: f64,
    y: f64,
    mass: f64,
    /// The square's lower corner and width.
    corner: (f64, f64),
    size: f64,
    /// First child (four consecutive cells), or 0 for a leaf.
    children: usize,
}

impl QuadTree {
    fn new(pos: &[(f64, f64)], mass: &[f64]) -> QuadTree {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in pos {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        let size = (x1 - x0).max(y1 - y0).max(1e-9);
        let mut tree = QuadTree { cells: Vec::with_capacity(4 * pos.len()) };
        let bodies: Vec<usize> = (0..pos.len()).collect();
        tree.cells.push(Cell { x: 0.0, y: 0.0, mass: 0.0, corner: (x0, y0), size, children: 0 });
        tree.build(0, &bodies, pos, mass, (x0, y0), size, 0);
        tree
    }

    /// Fills the cell `slot` with `bodies`, inside the square at `corner` of
    /// width `size`, and builds its children.
    #[allow(clippy::too_many_arguments)]
    fn build(&mut self, slot: usize, bodies: &[usize], pos: &[(f64, f64)], mass: &[f64], corner: (f64, f64), size: f64, depth: usize) {
        let total: f64 = bodies.iter().map(|&b| mass[b]).sum();
        let x = bodies.iter().map(|&b| pos[b].0 * mass[b]).sum::<f64>() / total;
        let y = bodies.iter().map(|&b| pos[b].1 * mass[b]).sum::<f64>() / total;
        self.cells[slot] = Cell { x, y, mass: total, corner, size, children: 0 };
        // A leaf: one body, or bodies too close to tell apart.
        if bodies.len() <= 1 || depth >= 24 {
            return;
        }
        let half = size / 2.0;
        let mut quads: [Vec<usize>; 4] = Default::default();
        for &b in bodies {
            let qx = usize::from(pos[b].0 >= corner.0 + half);
            let qy = usize::from(pos[b].1 >= corner.1 + half);
            quads[qx + 2 * qy].push(b);
        }
        // The four children are consecutive cells; empty ones keep no mass.
        let first = self.cells.len();
        for q in 0..4 {
            let c = (corner.0 + half * (q % 2) as f64, corner.1 + half * (q / 2) as f64);
            self.cells.push(Cell { x: 0.0, y: 0.0, mass: 0.0, corner: c, size: half, children: 0 });
        }
        self.cells[slot].children = first;
        for (q, list) in quads.iter().enumerate() {
            if !list.is_empty() {
                let c = (corner.0 + half * (q % 2) as f64, corner.1 + half * (q / 2) as f64);
                self.build(first + q, list, pos, mass, c, half, depth + 1);
            }
        }
    }

    /// The repulsion on a body at `p` with `weight` (mass × scaling) from
    /// the cell `c` and everything under it.
    fn repulsion(&self, c: usize, p: (f64, f64), weight: f64) -> (f64, f64) {
        let cell = &self.cells[c];
        if cell.mass == 0.0 {
            return (0.0, 0.0);
        }
        let (dx, dy) = (p.0 - cell.x, p.1 - cell.y);
        let d2 = dx * dx + dy * dy;
        // A cell counts as one body only when far enough, and never when the
        // body is inside it (it would push itself away from its neighbours'
        // centre, and communities would swell into each other).
        let inside = p.0 >= cell.corner.0 && p.0 <= cell.corner.0 + cell.size && p.1 >= cell.corner.1 && p.1 <= cell.corner.1 + cell.size;
        if cell.children == 0 || (!inside && cell.size * cell.size < THETA * THETA * d2) {
            if d2 == 0.0 {
                return (0.0, 0.0); // the body itself, or one on the same spot
            }
            let f = weight * cell.mass / d2;
            return (dx * f, dy * f);
        }
        let mut total = (0.0, 0.0);
        for k in 0..4 {
            let (fx, fy) = self.repulsion(cell.children + k, p, weight);
            total.0 += fx;
            total.1 += fy;
        }
        total
    }
}

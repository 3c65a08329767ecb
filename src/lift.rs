//! What lifts the stage: the smallest set of raised answers that moves a score one
//! stage up.
//!
//! Both questions `cxm` asks here — what lifts one dimension, and what lifts the
//! overall stage — come down to the same problem, because every score is a weighted
//! mean, so raising answers adds to it linearly: pick at most one [`Choice`] per
//! [`Item`] (raise this answer by so many option steps) so that the score gains enough
//! for the next stage, at the lowest total number of steps. [`cheapest`] solves it
//! exactly by dynamic programming over (steps, questions) — steps are small whole
//! numbers. Among selections of the fewest steps it prefers one that raises no answer
//! past the stage being reached (the lagging answers, not a leap into a later stage's
//! practice), then fewer questions, then questions earlier in the questionnaire.
//! Pure functions, no I/O.

/// One way of raising: `cost` option steps in all, adding `gain` to the score, by
/// moving each `(question index, to stage)` in `raises` up to that stage. Every choice
/// raises at least one question by at least one step, so `cost >= raises.len() >= 1`.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub cost: u32,
    pub gain: f64,
    pub raises: Vec<(usize, u32)>,
}

/// The alternatives for one thing that can be raised (a question, or with
/// `weakest-link` dimensions a whole dimension), cheapest first.
pub type Item = Vec<Choice>;

/// The exact search keeps a table of items × steps × questions; beyond this many cells
/// (8 MB) a greedy choice stands in. The bundled questionnaire needs a few thousand.
const EXACT_CELLS: usize = 1_000_000;

/// The raises of the cheapest selection of `items` with which `reaches(base + gain)`
/// holds, in question order; `None` when even raising everything falls short. When a
/// selection of as few steps raises no answer above `ceiling` (the stage being
/// reached), that one is taken: "raise the answers still below 3", rather than
/// "raise this one answer from 2 to 4".
///
/// `reaches` must be monotone: a higher score never reaches less.
pub fn cheapest(
    items: &[Item],
    base: f64,
    reaches: impl Fn(f64) -> bool,
    ceiling: u32,
) -> Option<Vec<(usize, u32)>> {
    let (cost, raises) = search(items, base, &reaches)?;
    if raises.iter().all(|&(_, to)| to <= ceiling) {
        return Some(raises);
    }
    let within: Vec<Item> = items
        .iter()
        .map(|item| {
            let fits = |c: &&Choice| c.raises.iter().all(|&(_, to)| to <= ceiling);
            item.iter().filter(fits).cloned().collect()
        })
        .collect();
    match search(&within, base, &reaches) {
        // `<=`: beyond the exact search's size, `cost` is greedy's, not the least.
        Some((steps, lower)) if steps <= cost => Some(lower),
        _ => Some(raises),
    }
}

/// [`cheapest`] without the ceiling: the total steps and the raises.
fn search(
    items: &[Item],
    base: f64,
    reaches: &impl Fn(f64) -> bool,
) -> Option<(u32, Vec<(usize, u32)>)> {
    if reaches(base) {
        return Some((0, Vec::new()));
    }
    let mut items: Vec<&Item> = items.iter().filter(|i| !i.is_empty()).collect();
    // Questionnaire order, for the last tie-break.
    items.sort_by_key(|item| first_question(item));
    let max_gain = |item: &Item| item.iter().map(|c| c.gain).fold(0.0, f64::max);
    if !reaches(base + items.iter().map(|i| max_gain(i)).sum::<f64>()) {
        return None;
    }
    // Greedy always reaches; its cost bounds the cheapest, and so the table.
    let greedy = greedy(&items, base, reaches)?;
    let bound = greedy.iter().map(|c| c.cost as usize).sum::<usize>();
    let cells = items
        .len()
        .saturating_mul((bound + 1).saturating_mul(bound + 1));
    let chosen = if cells <= EXACT_CELLS {
        exact(&items, base, reaches, bound).unwrap_or(greedy)
    } else {
        greedy
    };
    let cost = chosen.iter().map(|c| c.cost).sum();
    let mut raises: Vec<(usize, u32)> = chosen.into_iter().flat_map(|c| c.raises.clone()).collect();
    raises.sort_unstable();
    Some((cost, raises))
}

fn first_question(item: &Item) -> usize {
    item.iter()
        .flat_map(|c| c.raises.iter().map(|(q, _)| *q))
        .min()
        .unwrap_or(usize::MAX)
}

/// The cheapest selection, by dynamic programming: `best[i][c][k]` is the most gain
/// items `i..` can add with exactly `c` steps raising exactly `k` questions. The
/// fewest steps, then the fewest questions, with which the gain reaches decide the
/// size; the selection is then rebuilt in questionnaire order, taking each item
/// whenever the rest can still complete it, which makes its questions the earliest.
/// `None` only if rounding made the rebuild miss (the caller falls back to greedy).
fn exact<'a>(
    items: &[&'a Item],
    base: f64,
    reaches: &impl Fn(f64) -> bool,
    bound: usize,
) -> Option<Vec<&'a Choice>> {
    let n = items.len();
    let side = bound + 1;
    let at = |i: usize, c: usize, k: usize| (i * side + c) * side + k;
    let mut best = vec![f64::NEG_INFINITY; (n + 1) * side * side];
    best[at(n, 0, 0)] = 0.0;
    // Every question raised costs at least one step, so only `k <= c` can be filled.
    for i in (0..n).rev() {
        for c in 0..side {
            for k in 0..=c {
                let mut most = best[at(i + 1, c, k)];
                for choice in items[i] {
                    let (cost, questions) = (choice.cost as usize, choice.raises.len());
                    if cost <= c && questions <= k {
                        most = most.max(best[at(i + 1, c - cost, k - questions)] + choice.gain);
                    }
                }
                best[at(i, c, k)] = most;
            }
        }
    }
    let (cost, questions) = (0..side)
        .flat_map(|c| (0..=c).map(move |k| (c, k)))
        .find(|&(c, k)| best[at(0, c, k)].is_finite() && reaches(base + best[at(0, c, k)]))?;

    // Rebuild, item by item in questionnaire order, over states (steps left, questions
    // left) that keep the most gain so far, with a pointer back to where each came from.
    let state = |steps: usize, questions: usize| steps * side + questions;
    let completes = |i: usize, steps: usize, questions: usize, gain: f64| {
        let rest = best[at(i, steps, questions)];
        rest.is_finite() && reaches(base + gain + rest)
    };
    let mut gains = vec![f64::NEG_INFINITY; side * side];
    gains[state(cost, questions)] = 0.0;
    // Per item: for each state after it, (the state before, 1 + the choice taken or 0).
    let mut trail: Vec<Vec<(usize, usize)>> = Vec::with_capacity(n);
    for (i, item) in items.iter().enumerate() {
        let mut next = vec![f64::NEG_INFINITY; side * side];
        let mut from = vec![(usize::MAX, 0); side * side];
        let mut taken = false;
        for (now, &gain) in gains.iter().enumerate().filter(|(_, g)| g.is_finite()) {
            let (steps, qs) = (now / side, now % side);
            for (c, choice) in item.iter().enumerate() {
                let (cost, q) = (choice.cost as usize, choice.raises.len());
                if cost > steps || q > qs {
                    continue;
                }
                let (after, total) = (state(steps - cost, qs - q), gain + choice.gain);
                if completes(i + 1, steps - cost, qs - q, total) {
                    taken = true;
                    if total > next[after] {
                        next[after] = total;
                        from[after] = (now, c + 1);
                    }
                }
            }
        }
        // Taking the item, where the rest can still complete it, puts earlier
        // questions first; only where no state can take it is it skipped.
        if !taken {
            for (now, &gain) in gains.iter().enumerate().filter(|(_, g)| g.is_finite()) {
                if completes(i + 1, now / side, now % side, gain) {
                    next[now] = gain;
                    from[now] = (now, 0);
                }
            }
        }
        trail.push(from);
        gains = next;
    }
    if !gains[state(0, 0)].is_finite() {
        return None;
    }
    let mut chosen = Vec::new();
    let mut now = state(0, 0);
    for (i, from) in trail.iter().enumerate().rev() {
        let (before, choice) = from[now];
        if choice > 0 {
            chosen.push(&items[i][choice - 1]);
        }
        now = before;
    }
    chosen.reverse();
    Some(chosen)
}

/// Not necessarily the cheapest: the item with the best gain per step first, each at
/// its cheapest choice that reaches, else its largest, until the score reaches.
fn greedy<'a>(
    items: &[&'a Item],
    base: f64,
    reaches: &impl Fn(f64) -> bool,
) -> Option<Vec<&'a Choice>> {
    let ratio = |item: &Item| {
        item.iter()
            .map(|c| c.gain / f64::from(c.cost.max(1)))
            .fold(0.0, f64::max)
    };
    let mut order = items.to_vec();
    order.sort_by(|a, b| ratio(b).total_cmp(&ratio(a)));
    let mut gain = 0.0;
    let mut chosen = Vec::new();
    for item in order {
        let pick = item
            .iter()
            .find(|c| reaches(base + gain + c.gain))
            .or_else(|| item.iter().max_by(|a, b| a.gain.total_cmp(&b.gain)))?;
        gain += pick.gain;
        chosen.push(pick);
        if reaches(base + gain) {
            return Some(chosen);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No ceiling: any raise may be taken.
    const NONE: u32 = u32::MAX;

    /// How selections compare: fewer steps, then none raised above the ceiling, then
    /// fewer questions, then questions earlier in the questionnaire.
    #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
    struct Key {
        cost: u32,
        above: bool,
        questions: usize,
        order: Vec<usize>,
    }

    fn key(chosen: &[&Choice], ceiling: u32) -> Key {
        let raises = || chosen.iter().flat_map(|c| c.raises.iter());
        let mut order: Vec<usize> = raises().map(|(q, _)| *q).collect();
        order.sort_unstable();
        Key {
            cost: chosen.iter().map(|c| c.cost).sum(),
            above: raises().any(|&(_, to)| to > ceiling),
            questions: order.len(),
            order,
        }
    }

    /// An item for question `q` whose options above the answer add `gains` each.
    fn item(q: usize, from: u32, gains: &[f64]) -> Item {
        let mut total = 0.0;
        gains
            .iter()
            .enumerate()
            .map(|(s, g)| {
                total += g;
                Choice {
                    cost: s as u32 + 1,
                    gain: total,
                    raises: vec![(q, from + s as u32 + 1)],
                }
            })
            .collect()
    }

    #[test]
    fn nothing_to_raise_when_already_reached() {
        assert_eq!(
            cheapest(&[item(0, 1, &[1.0])], 2.0, |s| s >= 2.0, NONE),
            Some(vec![])
        );
    }

    #[test]
    fn none_when_even_everything_falls_short() {
        assert_eq!(
            cheapest(&[item(0, 1, &[0.1])], 1.0, |s| s >= 2.0, NONE),
            None
        );
    }

    #[test]
    fn fewest_steps_win_over_fewest_questions() {
        // q0 gains 0.1 then 0.9 per step; q1 and q2 gain 0.5 each in one step.
        let items = [
            item(0, 1, &[0.1, 0.9]),
            item(1, 1, &[0.5]),
            item(2, 1, &[0.5]),
        ];
        // Both ways cost 2 steps; q0 alone uses one question.
        assert_eq!(
            cheapest(&items, 0.0, |s| s >= 1.0, NONE),
            Some(vec![(0, 3)])
        );
        // Needing 0.9, q1 + q2 (2 steps) ties q0 (2 steps): one question wins.
        assert_eq!(
            cheapest(&items, 0.0, |s| s >= 0.95, NONE),
            Some(vec![(0, 3)])
        );
        // Needing 0.5: one step on q1 beats two on q0.
        assert_eq!(
            cheapest(&items, 0.0, |s| s >= 0.5, NONE),
            Some(vec![(1, 2)])
        );
    }

    #[test]
    fn equal_steps_prefer_raises_that_stop_at_the_stage_being_reached() {
        // Three answers at 1 and 1 and 2, one step each adding the same: reaching needs
        // one step. Raising the 2 comes first in the questionnaire but leaps to 3;
        // raising a 1 to 2 costs the same and is what the stage-2 company lacks.
        let items = [item(0, 2, &[1.0]), item(1, 1, &[1.0]), item(2, 1, &[1.0])];
        assert_eq!(cheapest(&items, 0.0, |s| s >= 1.0, 2), Some(vec![(1, 2)]));
        assert_eq!(
            cheapest(&items, 0.0, |s| s >= 1.0, NONE),
            Some(vec![(0, 3)])
        );
        // Two steps on one question (to 3) tie one step on each of two (to 2): the
        // ceiling outranks fewer questions.
        let items = [item(0, 1, &[1.0, 1.0]), item(1, 1, &[1.0])];
        assert_eq!(
            cheapest(&items, 0.0, |s| s >= 2.0, 2),
            Some(vec![(0, 2), (1, 2)])
        );
        // But never at the price of more steps: with only one answer, it leaps.
        let items = [item(0, 1, &[1.0, 1.0])];
        assert_eq!(cheapest(&items, 0.0, |s| s >= 2.0, 2), Some(vec![(0, 3)]));
    }

    #[test]
    fn ties_go_to_the_earlier_question() {
        let items = [item(3, 2, &[1.0]), item(1, 2, &[1.0]), item(2, 2, &[1.0])];
        assert_eq!(
            cheapest(&items, 0.0, |s| s >= 2.0, NONE),
            Some(vec![(1, 3), (2, 3)])
        );
    }

    #[test]
    fn matches_brute_force_on_small_cases() {
        // A fixed pseudo-random sequence: every case is the same on every run.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..2000 {
            let n = 1 + next(7) as usize;
            let items: Vec<Item> = (0..n)
                .map(|q| {
                    let steps = next(4) as usize;
                    let gains: Vec<f64> = (0..steps).map(|_| (1 + next(4)) as f64 / 4.0).collect();
                    item(q, 1, &gains)
                })
                .collect();
            let need = (1 + next(12)) as f64 / 4.0;
            let reaches = |s: f64| s + 1e-9 >= need;
            let ceiling = 2 + next(3) as u32;
            // Every combination of one choice (or none) per item.
            let mut best: Option<Key> = None;
            let mut combo = vec![0usize; n];
            loop {
                let chosen: Vec<&Choice> = combo
                    .iter()
                    .zip(&items)
                    .filter(|(c, _)| **c > 0)
                    .map(|(c, it)| &it[*c - 1])
                    .collect();
                if reaches(chosen.iter().map(|c| c.gain).sum()) {
                    let k = key(&chosen, ceiling);
                    if best.as_ref().is_none_or(|b| k < *b) {
                        best = Some(k);
                    }
                }
                let mut i = 0;
                while i < n {
                    combo[i] += 1;
                    if combo[i] <= items[i].len() {
                        break;
                    }
                    combo[i] = 0;
                    i += 1;
                }
                if i == n {
                    break;
                }
            }
            let found = cheapest(&items, 0.0, reaches, ceiling);
            match (best, found) {
                (None, None) => {}
                (Some(best), Some(raises)) => {
                    let cost: u32 = raises.iter().map(|(_, to)| to - 1).sum();
                    let above = raises.iter().any(|&(_, to)| to > ceiling);
                    let order: Vec<usize> = raises.iter().map(|(q, _)| *q).collect();
                    assert_eq!(
                        (cost, above, order.len(), order),
                        (best.cost, best.above, best.questions, best.order)
                    );
                }
                (b, f) => panic!("brute force {b:?}, search {f:?}"),
            }
        }
    }

    #[test]
    fn many_equal_questions_get_the_fewest_steps_on_the_fewest_earliest_questions() {
        for n in [20_usize, 64] {
            // A dimension of n questions all at stage 1, one step adding 1/n each: from
            // 1.0 to beyond 1.5 takes more than n/2 steps; four steps fit a question.
            let step = 1.0 / n as f64;
            let items: Vec<Item> = (0..n).map(|q| item(q, 1, &[step; 4])).collect();
            let raises = cheapest(&items, 1.0, |s| s - 0.5 - 1e-9 > 1.0, NONE).expect("reachable");
            let steps = n / 2 + 1;
            let cost: u32 = raises.iter().map(|(_, to)| to - 1).sum();
            assert_eq!(cost as usize, steps, "{n}: {raises:?}");
            assert_eq!(raises.len(), steps.div_ceil(4), "{n}: {raises:?}");
            let order: Vec<usize> = raises.iter().map(|(q, _)| *q).collect();
            assert_eq!(order, (0..steps.div_ceil(4)).collect::<Vec<_>>());
        }
    }

    #[test]
    fn many_items_fall_back_to_a_selection_that_reaches() {
        let items: Vec<Item> = (0..1000).map(|q| item(q, 1, &[0.001, 0.001])).collect();
        let raises = cheapest(&items, 1.0, |s| s >= 1.5, NONE).expect("reachable");
        let gain: f64 = raises.iter().map(|(_, to)| f64::from(to - 1) * 0.001).sum();
        assert!(1.0 + gain >= 1.5 - 1e-9);
    }
}

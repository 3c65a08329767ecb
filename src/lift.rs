//! What lifts the stage: the smallest set of raised answers that moves a score one
//! stage up.
//!
//! Both questions `cxm` asks here — what lifts one dimension, and what lifts the
//! overall stage — come down to the same problem, because every score is a weighted
//! mean, so raising answers adds to it linearly: pick at most one [`Choice`] per
//! [`Item`] (raise this answer by so many option steps) so that the score gains enough
//! for the next stage, at the lowest total number of steps. [`cheapest`] solves it
//! exactly by branch and bound; on ties it prefers fewer questions, then questions
//! earlier in the questionnaire. Pure functions, no I/O.

/// One way of raising: `cost` option steps in all, adding `gain` to the score, by
/// moving each `(question index, to stage)` in `raises` up to that stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub cost: u32,
    pub gain: f64,
    pub raises: Vec<(usize, u32)>,
}

/// The alternatives for one thing that can be raised (a question, or with
/// `weakest-link` dimensions a whole dimension), cheapest first.
pub type Item = Vec<Choice>;

/// Beyond this many items the search would no longer be instant; a plain greedy pick
/// (the best score gain per step first) stands in. The bundled questionnaire needs at
/// most 24.
const EXACT_ITEMS: usize = 64;

/// Search nodes after which the best selection found so far is taken.
const NODE_BUDGET: u64 = 2_000_000;

/// The raises of the cheapest selection of `items` with which `reaches(base + gain)`
/// holds, in question order; `None` when even raising everything falls short.
///
/// `reaches` must be monotone: a higher score never reaches less.
pub fn cheapest(
    items: &[Item],
    base: f64,
    reaches: impl Fn(f64) -> bool,
) -> Option<Vec<(usize, u32)>> {
    if reaches(base) {
        return Some(Vec::new());
    }
    let items: Vec<&Item> = items.iter().filter(|i| !i.is_empty()).collect();
    let max_gain = |item: &Item| item.iter().map(|c| c.gain).fold(0.0, f64::max);
    if !reaches(base + items.iter().map(|i| max_gain(i)).sum::<f64>()) {
        return None;
    }
    let chosen = if items.len() > EXACT_ITEMS {
        greedy(&items, base, &reaches)
    } else {
        Search::new(&items, base, &reaches).run()
    }?;
    let mut raises: Vec<(usize, u32)> = chosen.into_iter().flat_map(|c| c.raises.clone()).collect();
    raises.sort_unstable();
    Some(raises)
}

/// How selections compare: fewer steps, then fewer questions, then questions earlier
/// in the questionnaire.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    cost: u32,
    questions: usize,
    order: Vec<usize>,
}

fn key(chosen: &[&Choice]) -> Key {
    let mut order: Vec<usize> = chosen
        .iter()
        .flat_map(|c| c.raises.iter().map(|(q, _)| *q))
        .collect();
    order.sort_unstable();
    Key {
        cost: chosen.iter().map(|c| c.cost).sum(),
        questions: order.len(),
        order,
    }
}

struct Search<'a, F> {
    /// Best gain per step first, so good selections are found early and bound the rest.
    items: Vec<&'a Item>,
    base: f64,
    reaches: &'a F,
    /// The most gain items `i..` can still add, and the best gain per step among them.
    suffix_gain: Vec<f64>,
    suffix_ratio: Vec<f64>,
    best: Option<(Key, Vec<&'a Choice>)>,
    nodes: u64,
}

impl<'a, F: Fn(f64) -> bool> Search<'a, F> {
    fn new(items: &[&'a Item], base: f64, reaches: &'a F) -> Self {
        let ratio = |item: &Item| {
            item.iter()
                .map(|c| c.gain / f64::from(c.cost.max(1)))
                .fold(0.0, f64::max)
        };
        let mut items = items.to_vec();
        items.sort_by(|a, b| ratio(b).total_cmp(&ratio(a)));
        let n = items.len();
        let mut suffix_gain = vec![0.0; n + 1];
        let mut suffix_ratio = vec![0.0_f64; n + 1];
        for i in (0..n).rev() {
            let gain = items[i].iter().map(|c| c.gain).fold(0.0, f64::max);
            suffix_gain[i] = suffix_gain[i + 1] + gain;
            suffix_ratio[i] = suffix_ratio[i + 1].max(ratio(items[i]));
        }
        Search {
            items,
            base,
            reaches,
            suffix_gain,
            suffix_ratio,
            best: None,
            nodes: 0,
        }
    }

    /// The fewest items from `i..` whose largest gains together reach from `gain`.
    /// Every choice raises at least one question, so this bounds questions from below.
    fn fewest_more_items(&self, i: usize, gain: f64) -> usize {
        let mut gains: Vec<f64> = self.items[i..]
            .iter()
            .map(|item| item.iter().map(|c| c.gain).fold(0.0, f64::max) * (1.0 + 1e-9))
            .collect();
        gains.sort_by(|a, b| b.total_cmp(a));
        let mut total = gain;
        for (n, g) in gains.iter().enumerate() {
            if (self.reaches)(self.base + total) {
                return n;
            }
            total += g;
        }
        gains.len()
    }

    fn run(mut self) -> Option<Vec<&'a Choice>> {
        let mut chosen = Vec::new();
        self.visit(0, 0, 0.0, &mut chosen);
        self.best.map(|(_, chosen)| chosen)
    }

    fn visit(&mut self, i: usize, cost: u32, gain: f64, chosen: &mut Vec<&'a Choice>) {
        self.nodes += 1;
        if (self.reaches)(self.base + gain) {
            let k = key(chosen);
            if self.best.as_ref().is_none_or(|(best, _)| k < *best) {
                self.best = Some((k, chosen.clone()));
            }
            // Raising more only costs more.
            return;
        }
        if i == self.items.len()
            || self.nodes > NODE_BUDGET
            || !(self.reaches)(self.base + gain + self.suffix_gain[i])
        {
            return;
        }
        if let Some((best, _)) = &self.best {
            // Each further step adds at most `suffix_ratio[i]`: find how many steps the
            // remaining items need at least, and stop when that cannot beat the best.
            let ratio = self.suffix_ratio[i] * (1.0 + 1e-9);
            let mut more = 1;
            while cost + more <= best.cost
                && !(self.reaches)(self.base + gain + ratio * f64::from(more))
            {
                more += 1;
            }
            if cost + more > best.cost {
                return;
            }
            // At equal cost, fewer questions win: the remaining items, largest gain
            // first, show how many more questions it takes at least.
            if cost + more == best.cost {
                let questions: usize = chosen.iter().map(|c| c.raises.len()).sum();
                if questions + self.fewest_more_items(i, gain) > best.questions {
                    return;
                }
            }
        }
        let item = self.items[i];
        for choice in item {
            chosen.push(choice);
            self.visit(i + 1, cost + choice.cost, gain + choice.gain, chosen);
            chosen.pop();
        }
        self.visit(i + 1, cost, gain, chosen);
    }
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
            cheapest(&[item(0, 1, &[1.0])], 2.0, |s| s >= 2.0),
            Some(vec![])
        );
    }

    #[test]
    fn none_when_even_everything_falls_short() {
        assert_eq!(cheapest(&[item(0, 1, &[0.1])], 1.0, |s| s >= 2.0), None);
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
        assert_eq!(cheapest(&items, 0.0, |s| s >= 1.0), Some(vec![(0, 3)]));
        // Needing 0.9, q1 + q2 (2 steps) ties q0 (2 steps): one question wins.
        assert_eq!(cheapest(&items, 0.0, |s| s >= 0.95), Some(vec![(0, 3)]));
        // Needing 0.5: one step on q1 beats two on q0.
        assert_eq!(cheapest(&items, 0.0, |s| s >= 0.5), Some(vec![(1, 2)]));
    }

    #[test]
    fn ties_go_to_the_earlier_question() {
        let items = [item(3, 2, &[1.0]), item(1, 2, &[1.0]), item(2, 2, &[1.0])];
        assert_eq!(
            cheapest(&items, 0.0, |s| s >= 2.0),
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
        for _ in 0..300 {
            let n = 1 + next(5) as usize;
            let items: Vec<Item> = (0..n)
                .map(|q| {
                    let steps = next(4) as usize;
                    let gains: Vec<f64> = (0..steps).map(|_| (1 + next(4)) as f64 / 4.0).collect();
                    item(q, 1, &gains)
                })
                .collect();
            let need = (1 + next(12)) as f64 / 4.0;
            let reaches = |s: f64| s + 1e-9 >= need;
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
                    let k = key(&chosen);
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
            let found = cheapest(&items, 0.0, reaches);
            match (best, found) {
                (None, None) => {}
                (Some(best), Some(raises)) => {
                    let cost: u32 = raises.iter().map(|(_, to)| to - 1).sum();
                    let order: Vec<usize> = raises.iter().map(|(q, _)| *q).collect();
                    assert_eq!(
                        (cost, order.len(), order),
                        (best.cost, best.questions, best.order)
                    );
                }
                (b, f) => panic!("brute force {b:?}, search {f:?}"),
            }
        }
    }

    #[test]
    fn many_items_fall_back_to_a_selection_that_reaches() {
        let items: Vec<Item> = (0..1000).map(|q| item(q, 1, &[0.001, 0.001])).collect();
        let raises = cheapest(&items, 1.0, |s| s >= 1.5).expect("reachable");
        let gain: f64 = raises.iter().map(|(_, to)| f64::from(to - 1) * 0.001).sum();
        assert!(1.0 + gain >= 1.5 - 1e-9);
    }
}

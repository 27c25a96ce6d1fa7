//! The app's one sort. Every `sort_by` on a new element type or closure
//! compiles to its own copy of the standard library's sort, 2 to 4 KB of
//! Wasm each; these helpers sort positions through a single non-generic
//! function instead, so the bundle carries one copy. All are stable.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of equal items.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|ix| slots[ix].take()));
}

/// Sorts `items` by the key `key` computes, keeping the order of equal keys.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let words = ["pear", "Fig", "apple", "fig", "Apple", "kiwi", "pear", ""];
        let mut ours: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let mut std_sorted = ours.clone();
        sort_by_key(&mut ours, |w| w.to_lowercase());
        std_sorted.sort_by_key(|w| w.to_lowercase());
        assert_eq!(ours, std_sorted, "equal keys keep their order");
        sort(&mut ours);
        std_sorted.sort();
        assert_eq!(ours, std_sorted);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}

//! A set of 64-bit hashes for remembering every article id (and per-article
//! file name) of a run.
//!
//! A hash table doubles when it grows, so for a moment it holds the old and
//! the new table; a single sorted vector is copied when it grows. On a corpus
//! of half a million articles those spikes were most of the difference in
//! peak memory between a 100 MB and a 1 GB run. Here older hashes live in
//! sorted blocks of bounded size, each allocated exactly (8 bytes a hash, and
//! growing one costs at most one block's copy), and recent ones in a small
//! table merged into the blocks when it reaches a share of them.

use crate::fxhash::FxSet;

/// The recent table is merged when it reaches this size or
/// 1/[`RECENT_SHARE`] of the sorted part, whichever is larger: merging is
/// linear in the set's size, so merging at a share keeps the total cost
/// linear too.
const RECENT_MIN: usize = 4096;
const RECENT_SHARE: usize = 64;
/// A block is split in two when it grows past twice this many hashes.
const BLOCK: usize = 8192;

#[derive(Default)]
pub struct IdSet {
    /// Sorted, non-empty, and every hash in a block is below the next block's first.
    blocks: Vec<Vec<u64>>,
    sorted_len: usize,
    recent: FxSet<u64>,
}

impl IdSet {
    /// Add `h`; false when it was already there.
    pub fn insert(&mut self, h: u64) -> bool {
        if self.in_blocks(h) || !self.recent.insert(h) {
            return false;
        }
        if self.recent.len() >= RECENT_MIN.max(self.sorted_len / RECENT_SHARE) {
            self.merge();
        }
        true
    }

    pub fn len(&self) -> usize {
        self.sorted_len + self.recent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn in_blocks(&self, h: u64) -> bool {
        let b = self.blocks.partition_point(|blk| blk[0] <= h);
        b > 0 && self.blocks[b - 1].binary_search(&h).is_ok()
    }

    /// Merge the recent table into the blocks.
    fn merge(&mut self) {
        let mut add: Vec<u64> = self.recent.drain().collect();
        add.sort_unstable();
        self.recent.shrink_to(RECENT_MIN);
        self.sorted_len += add.len();
        if self.blocks.is_empty() {
            self.blocks = add.chunks(BLOCK).map(<[u64]>::to_vec).collect();
            return;
        }
        let firsts: Vec<u64> = self.blocks.iter().skip(1).map(|b| b[0]).collect();
        let mut out: Vec<Vec<u64>> = Vec::with_capacity(self.blocks.len() + 1);
        let mut rest = &add[..];
        for (i, block) in std::mem::take(&mut self.blocks).into_iter().enumerate() {
            // this block takes the new hashes below the next block's first
            let take = match firsts.get(i) {
                Some(&next) => rest.partition_point(|&x| x < next),
                None => rest.len(),
            };
            let (mine, later) = rest.split_at(take);
            rest = later;
            if mine.is_empty() {
                out.push(block);
                continue;
            }
            let merged = merge_sorted(&block, mine);
            drop(block);
            if merged.len() > 2 * BLOCK {
                let half = merged.len() / 2;
                out.push(merged[..half].to_vec());
                out.push(merged[half..].to_vec());
            } else {
                out.push(merged);
            }
        }
        self.blocks = out;
    }
}

/// Two sorted runs as one, allocated exactly.
fn merge_sorted(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] < b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_a_set_across_merges() {
        let mut set = IdSet::default();
        let mut reference = std::collections::HashSet::new();
        // a scrambled sequence with repeats, long enough for several merges
        let mut x: u64 = 1;
        for _ in 0..200_000 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let h = x % 150_000;
            assert_eq!(set.insert(h), reference.insert(h), "{h}");
        }
        assert_eq!(set.len(), reference.len());
        let all: Vec<u64> = set.blocks.iter().flatten().copied().collect();
        assert!(all.windows(2).all(|w| w[0] < w[1]));
        assert!(all.len() > RECENT_MIN && all.len() == set.sorted_len);
        assert!(set.blocks.len() > 2, "blocks were split");
    }
}

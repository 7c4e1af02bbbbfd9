//! A set of 64-bit hashes for remembering every article id (and per-article
//! file name) of a run.
//!
//! A hash table doubles when it grows, so for a moment it holds the old and
//! the new table; a single sorted vector is copied when it grows. On a corpus
//! of half a million articles those spikes were most of the difference in
//! peak memory between a 100 MB and a 1 GB run. Here older hashes live in
//! sorted blocks of bounded size, each allocated exactly (growing one costs
//! at most one block's copy), in 256 buckets by their first byte, so a block
//! stores only the other seven bytes of each hash: 7 bytes an article. Recent
//! hashes wait in a small table that is merged into the blocks when it
//! reaches a share of them.

use crate::fxhash::FxSet;

/// The recent table is merged when it reaches this size or
/// 1/[`RECENT_SHARE`] of the sorted part, whichever is larger: merging is
/// linear in the set's size, so merging at a share keeps the total cost
/// linear too.
const RECENT_MIN: usize = 4096;
const RECENT_SHARE: usize = 64;
/// A block is split in two when it grows past twice this many hashes.
const BLOCK: usize = 4096;

/// The last seven bytes of a hash, big-endian, so byte order is number order.
type Key = [u8; 7];

fn split(h: u64) -> (usize, Key) {
    let b = h.to_be_bytes();
    (b[0] as usize, b[1..].try_into().expect("seven bytes"))
}

pub struct IdSet {
    /// Per first byte: sorted, non-empty blocks, each below the next one's first key.
    buckets: Vec<Vec<Vec<Key>>>,
    sorted_len: usize,
    recent: FxSet<u64>,
}

impl Default for IdSet {
    fn default() -> Self {
        IdSet {
            buckets: vec![Vec::new(); 256],
            sorted_len: 0,
            recent: FxSet::default(),
        }
    }
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
        let (bucket, key) = split(h);
        let blocks = &self.buckets[bucket];
        let b = blocks.partition_point(|blk| blk[0] <= key);
        b > 0 && blocks[b - 1].binary_search(&key).is_ok()
    }

    /// Merge the recent table into the blocks.
    fn merge(&mut self) {
        let mut add: Vec<u64> = self.recent.drain().collect();
        add.sort_unstable();
        self.recent.shrink_to(RECENT_MIN);
        self.sorted_len += add.len();
        let mut rest = &add[..];
        while let Some(&first) = rest.first() {
            let (bucket, _) = split(first);
            let n = rest.partition_point(|&h| split(h).0 == bucket);
            let keys: Vec<Key> = rest[..n].iter().map(|&h| split(h).1).collect();
            rest = &rest[n..];
            let blocks = std::mem::take(&mut self.buckets[bucket]);
            self.buckets[bucket] = merge_blocks(blocks, &keys);
        }
    }
}

/// Merge sorted `add` into sorted blocks, splitting blocks that grow too big.
fn merge_blocks(blocks: Vec<Vec<Key>>, add: &[Key]) -> Vec<Vec<Key>> {
    if blocks.is_empty() {
        return add.chunks(BLOCK).map(<[Key]>::to_vec).collect();
    }
    let firsts: Vec<Key> = blocks.iter().skip(1).map(|b| b[0]).collect();
    let mut out = Vec::with_capacity(blocks.len() + 1);
    let mut rest = add;
    for (i, block) in blocks.into_iter().enumerate() {
        // this block takes the new keys below the next block's first
        let take = match firsts.get(i) {
            Some(next) => rest.partition_point(|x| x < next),
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
    out
}

/// Two sorted runs as one, allocated exactly.
fn merge_sorted(a: &[Key], b: &[Key]) -> Vec<Key> {
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
        // scrambled 64-bit values with repeats, enough for several merges
        // and block splits within a bucket
        let mut x: u64 = 1;
        for i in 0..400_000u64 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // keep to a few buckets so blocks fill and split; repeat a value now and then
            let h = if i % 7 == 0 {
                reference.iter().next().copied().unwrap_or(x)
            } else {
                x % (1 << 58)
            };
            assert_eq!(set.insert(h), reference.insert(h), "{h}");
        }
        assert_eq!(set.len(), reference.len());
        for blocks in &set.buckets {
            let all: Vec<Key> = blocks.iter().flatten().copied().collect();
            assert!(all.windows(2).all(|w| w[0] < w[1]));
        }
        let stored: usize = set.buckets.iter().flatten().map(Vec::len).sum();
        assert_eq!(stored, set.sorted_len);
        assert!(set.buckets.iter().any(|b| b.len() > 2), "blocks were split");
    }
}

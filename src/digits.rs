//! Decimal digits written right to left into a buffer on the stack. The
//! writers and the lexicon loader format many small integers, and `format!`
//! or `to_string` would allocate each time.

/// Write `n` in decimal so that it ends just before `buf[end]`; returns the
/// index where it starts.
pub fn decimal_before(n: u64, buf: &mut [u8], end: usize) -> usize {
    let mut at = end;
    let mut rest = n;
    loop {
        at -= 1;
        buf[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            return at;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::decimal_before;

    #[test]
    fn writes_the_digits_before_the_end() {
        for n in [0u64, 7, 10, 4095, u64::MAX] {
            let mut buf = [0u8; 24];
            let at = decimal_before(n, &mut buf, 24);
            assert_eq!(std::str::from_utf8(&buf[at..]).unwrap(), n.to_string());
        }
    }
}

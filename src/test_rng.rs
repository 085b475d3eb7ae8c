//! A seeded generator for tests (xorshift64): the same numbers on every run and machine,
//! without a dependency. Test-only.

/// xorshift64 (13, 7, 17). The seed must not be 0.
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> XorShift {
        XorShift(seed)
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// The next number below `m`.
    pub fn below(&mut self, m: u64) -> u64 {
        self.next() % m
    }
}

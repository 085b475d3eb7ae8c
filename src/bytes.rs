//! Bytes in a fixed layout: little-endian numbers and length-prefixed strings written with
//! [`Out`], read back with [`In`], which checks every length and says `None` for bytes it
//! could not have made. What a cluster's worker sends of each article goes this way
//! ([`crate::pipeline`]'s `worked` module).

/// Bytes being written.
#[derive(Debug, Default)]
pub struct Out(pub Vec<u8>);

impl Out {
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }

    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    /// A number of items (or bytes) as 32 bits: the lists and strings of one article are far shorter.
    pub fn count(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.count(b.len());
        self.0.extend_from_slice(b);
    }

    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    /// An optional string: a flag byte, then the string when there is one.
    pub fn opt_str(&mut self, s: Option<&str>) {
        self.u8(u8::from(s.is_some()));
        if let Some(s) = s {
            self.str(s);
        }
    }
}

/// Bytes being read, from the start.
#[derive(Debug)]
pub struct In<'a>(&'a [u8]);

impl<'a> In<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        In(bytes)
    }

    /// Whether every byte was read.
    pub fn is_done(&self) -> bool {
        self.0.is_empty()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    pub fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// A number of items, refused when more items than bytes are left (each item takes one at
    /// least): bad bytes never make a huge allocation.
    pub fn count(&mut self) -> Option<usize> {
        let n = self.u32()? as usize;
        (n <= self.0.len()).then_some(n)
    }

    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }

    pub fn str(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.bytes()?).ok()
    }

    pub fn opt_str(&mut self) -> Option<Option<&'a str>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.str()?)),
            _ => None,
        }
    }
}

/// The one `&'static str` for `s`: strings a type keeps as `&'static str` (an encoding's
/// name, why a date was refused) come back from bytes this way. Each distinct string is
/// leaked once; there are a handful.
pub fn static_str(s: &str) -> &'static str {
    static SEEN: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&known) = seen.iter().find(|&&k| k == s) {
        return known;
    }
    let leaked: &'static str = Box::leak(s.into());
    seen.push(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What is written reads back in the same order; a cut or a length past the end reads
    /// as `None`.
    #[test]
    fn written_bytes_read_back_and_cut_ones_do_not() {
        let mut out = Out::default();
        out.u8(7);
        out.u32(70_000);
        out.u64(u64::MAX - 1);
        out.str("Zürich");
        out.opt_str(None);
        out.opt_str(Some(""));
        out.count(3);
        let bytes = out.0;
        assert_eq!(bytes.len(), 1 + 4 + 8 + (4 + 7) + 1 + (1 + 4) + 4);
        let mut r = In::new(&bytes);
        assert_eq!(r.u8(), Some(7));
        assert_eq!(r.u32(), Some(70_000));
        assert_eq!(r.u64(), Some(u64::MAX - 1));
        assert_eq!(r.str(), Some("Zürich"));
        assert_eq!(r.opt_str(), Some(None));
        assert_eq!(r.opt_str(), Some(Some("")));
        // Three items and no bytes left for them.
        assert_eq!(r.count(), None);
        assert!(r.is_done());
        let mut cut = In::new(&bytes[..15]);
        assert_eq!(
            (cut.u8(), cut.u32(), cut.u64()),
            (Some(7), Some(70_000), Some(u64::MAX - 1))
        );
        assert_eq!(cut.str(), None);
        assert!(std::ptr::eq(
            static_str("UTF-8"),
            static_str(&String::from("UTF-8"))
        ));
    }
}

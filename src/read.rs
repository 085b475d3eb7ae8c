//! Stage 1: read one input file and decode it to text.
//!
//! Owns bytes -> `String`: a UTF-8 byte-order mark is dropped, a file with NUL bytes in its
//! first 8 KiB is taken as binary and skipped, and bytes that are not UTF-8 are replaced (and
//! the document flagged) so no text is silently lost. Never panics; every failure names why.

use std::path::Path;

/// How far into a file to look for NUL bytes: binary formats show them at once.
const SNIFF_BYTES: usize = 8192;

/// A decoded document, or why it could not be read.
#[derive(Debug)]
pub enum Read {
    Text {
        text: String,
        /// Some bytes were not valid UTF-8 and were replaced by U+FFFD.
        lossy: bool,
    },
    Skipped(String),
}

pub fn read(path: &Path) -> Read {
    match std::fs::read(path) {
        Ok(bytes) => decode(bytes),
        Err(e) => Read::Skipped(format!("cannot read: {e}")),
    }
}

/// Bytes -> text, by the rules in the module doc.
pub fn decode(mut bytes: Vec<u8>) -> Read {
    if bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0) {
        return Read::Skipped("binary file (contains NUL bytes), not text".into());
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Read::Text { text, lossy: false },
        Err(e) => Read::Text {
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            lossy: true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> (String, bool) {
        match decode(bytes.to_vec()) {
            Read::Text { text, lossy } => (text, lossy),
            Read::Skipped(why) => panic!("skipped: {why}"),
        }
    }

    #[test]
    fn bom_is_dropped_and_crlf_kept() {
        assert_eq!(
            text_of(b"\xEF\xBB\xBFHello\r\nworld"),
            ("Hello\r\nworld".into(), false)
        );
    }

    #[test]
    fn invalid_utf8_is_replaced_and_flagged() {
        assert_eq!(
            text_of(b"caf\xE9 au lait"),
            ("caf\u{FFFD} au lait".into(), true)
        );
    }

    #[test]
    fn binary_is_skipped() {
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
            Read::Skipped(_)
        ));
    }

    #[test]
    fn missing_file_is_skipped_with_reason() {
        match read(Path::new("/no/such/file.txt")) {
            Read::Skipped(why) => assert!(why.starts_with("cannot read")),
            Read::Text { .. } => panic!("must not read"),
        }
    }
}

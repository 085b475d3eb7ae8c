//! Bytes -> text: owns deciding whether a file is text at all and which encoding it is in.
//!
//! Rules, in order:
//! - A known binary format (PNG, JPEG, GIF, PDF, ZIP/docx, gzip) is skipped, naming the kind.
//! - A byte-order mark decides: UTF-8 (dropped), UTF-16LE, UTF-16BE.
//! - Otherwise NUL bytes in the first 8 KiB mean binary: skipped.
//! - Valid UTF-8 is taken as is (no note); if it shows the telltale pairs of text that was
//!   converted to UTF-8 twice ("â€™" for "’") a note says so, but the text is not changed.
//! - Invalid UTF-8 that is mostly valid UTF-8 (more good multi-byte characters than bad
//!   sequences) is decoded as UTF-8 with the bad bytes replaced by U+FFFD, and a note.
//! - Other invalid UTF-8 is detected with chardetng (the Firefox detector) and decoded with
//!   encoding_rs; the note names the encoding. If the result is mostly control characters
//!   or undecodable bytes it is not text in any encoding: skipped.
//! - Empty or whitespace-only text is skipped. CR and CRLF are left as they are.
//!
//! Never panics; every `Skipped` says why in words a user can act on.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into a file to look for NUL bytes: binary formats show them at once.
const SNIFF_BYTES: usize = 8192;

/// Magic numbers of binary formats people drop into article folders by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (
        b"PK\x03\x04",
        "ZIP archive or Office document such as .docx",
    ),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1F\x8B", "gzip archive"),
];

/// A decoded document, or why it could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    Text {
        text: String,
        /// encoding_rs name of the encoding used, e.g. "UTF-8", "windows-1252".
        encoding: &'static str,
        /// Anything the user should know: not UTF-8, replaced bytes, likely mojibake.
        note: Option<String>,
    },
    /// Why, in words a user can act on.
    Skipped(String),
}

/// Bytes -> text, by the rules in the module doc.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Decoded::Skipped(format!("binary file ({kind}), not text"));
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        let note = had_errors.then(|| {
            format!(
                "{}: some bytes were not valid {} and were replaced by U+FFFD",
                enc.name(),
                enc.name()
            )
        });
        return finish(text.into_owned(), enc, note);
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        let hint = if looks_like_bomless_utf16(head) {
            " (looks like UTF-16 without a byte-order mark: re-save it as UTF-8)"
        } else {
            ""
        };
        return Decoded::Skipped(format!("binary file (contains NUL bytes), not text{hint}"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let note = mojibake_note(text);
            finish(text.to_owned(), UTF_8, note)
        }
        Err(_) => decode_invalid_utf8(bytes),
    }
}

/// Bytes that are not valid UTF-8: damaged UTF-8, a legacy encoding, or not text.
fn decode_invalid_utf8(bytes: &[u8]) -> Decoded {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    if good > bad {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let note = format!(
            "invalid UTF-8: {bad} bad byte sequence(s) replaced by U+FFFD (the rest is UTF-8)"
        );
        return finish(text, UTF_8, Some(note));
    }

    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Deny);
    let (mut text, had_errors) = guess.decode_without_bom_handling(bytes);
    let mut enc = guess;
    // Second opinion on thin evidence: a lone "\xA3" in "\xA3100" reads as "Ł100" in
    // windows-1250, and chardetng picks that. A letter touching a digit is what a sign
    // (£, ¥, ...) looks like in the wrong single-byte code page, so when the guess shows
    // more of those than windows-1252 does, windows-1252 wins.
    if guess != WINDOWS_1252 && guess.is_single_byte() {
        let (western, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
        if letters_touching_digits(&text) > letters_touching_digits(&western) {
            text = western;
            enc = WINDOWS_1252;
        }
    }
    let text = text.into_owned();

    // Single-byte encodings decode any byte, so judge the result: garbage shows up as
    // control characters (or U+FFFD from multi-byte encodings).
    let odd = text
        .chars()
        .filter(|&c| {
            c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
        })
        .count();
    let total = text.chars().filter(|c| !c.is_whitespace()).count();
    if odd > 0 && odd * 20 > total {
        return Decoded::Skipped(format!(
            "not text: neither UTF-8 nor a recognisable legacy encoding ({odd} of {total} characters \
             would be control characters or undecodable bytes)"
        ));
    }
    let mut note = format!("not UTF-8: decoded as {}", enc.name());
    if had_errors {
        note.push_str("; some bytes could not be decoded and were replaced by U+FFFD");
    } else if odd > 0 {
        note.push_str(&format!(
            "; {odd} control character(s) in the result: check the file"
        ));
    }
    finish(text, enc, Some(note))
}

/// Non-ASCII letters right before or after an ASCII digit.
fn letters_touching_digits(text: &str) -> usize {
    let mut count = 0usize;
    let mut prev = ' ';
    for c in text.chars() {
        let odd_letter =
            |l: char, d: char| !l.is_ascii() && l.is_alphabetic() && d.is_ascii_digit();
        count += usize::from(odd_letter(prev, c) || odd_letter(c, prev));
        prev = c;
    }
    count
}

/// Empty and whitespace-only text is skipped; everything else is returned as is.
fn finish(text: String, enc: &'static Encoding, note: Option<String>) -> Decoded {
    if text.trim().is_empty() {
        return Decoded::Skipped("empty file".into());
    }
    Decoded::Text {
        text,
        encoding: enc.name(),
        note,
    }
}

/// NULs on one side only (every other byte): ASCII-heavy UTF-16 saved without a BOM.
fn looks_like_bomless_utf16(head: &[u8]) -> bool {
    let zeros_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let half = head.len() / 2;
    (even == 0 && odd * 2 > half) || (odd == 0 && even * 2 > half)
}

/// UTF-8 read as windows-1252 and saved as UTF-8 again leaves "â€" (from ’ “ ” – …) and
/// "Ã"/"Â" followed by a Latin-1 sign (from é, £, ...). Counting them is cheap and these
/// pairs almost never occur in real text.
fn mojibake_note(text: &str) -> Option<String> {
    let mut count = 0usize;
    let mut prev = '\0';
    for c in text.chars() {
        let pair = (prev == 'â' && c == '€')
            || (matches!(prev, 'Ã' | 'Â') && ('\u{80}'..='\u{BF}').contains(&c));
        count += usize::from(pair);
        prev = c;
    }
    (count > 0).then(|| {
        format!(
            "UTF-8, but {count} place(s) look like mojibake (e.g. \"â€™\" for \"’\"): \
             the file was probably converted to UTF-8 twice; left as is"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> (String, &'static str, Option<String>) {
        match decode(bytes) {
            Decoded::Text {
                text,
                encoding,
                note,
            } => (text, encoding, note),
            Decoded::Skipped(why) => panic!("skipped: {why}"),
        }
    }

    fn skipped(bytes: &[u8]) -> String {
        match decode(bytes) {
            Decoded::Skipped(why) => why,
            other => panic!("not skipped: {other:?}"),
        }
    }

    #[test]
    fn utf8_plain_and_bom_dropped() {
        assert_eq!(text_of("Café".as_bytes()), ("Café".into(), "UTF-8", None));
        assert_eq!(
            text_of(b"\xEF\xBB\xBFHello"),
            ("Hello".into(), "UTF-8", None)
        );
    }

    #[test]
    fn crlf_and_lone_cr_kept() {
        assert_eq!(text_of(b"a\r\nb\rc\n").0, "a\r\nb\rc\n");
        assert_eq!(text_of(b"\xEF\xBB\xBFa\r\nb").0, "a\r\nb");
    }

    #[test]
    fn utf16_with_bom() {
        assert_eq!(
            text_of(b"\xFF\xFEH\x00\xE9\x00"),
            ("Hé".into(), "UTF-16LE", None)
        );
        assert_eq!(
            text_of(b"\xFE\xFF\x00H\x00\xE9"),
            ("Hé".into(), "UTF-16BE", None)
        );
        // Odd trailing byte: decoded, with a note.
        let (text, _, note) = text_of(b"\xFF\xFEH\x00i\x00\x00");
        assert_eq!(text, "Hi\u{FFFD}");
        assert!(note.is_some_and(|n| n.contains("U+FFFD")));
    }

    #[test]
    fn windows_1252_detected() {
        let (text, encoding, note) = text_of(b"Caf\xe9 cr\xe8me \x93quoted\x94 \x96 dash");
        assert_eq!(text, "Café crème “quoted” – dash");
        assert_eq!(encoding, "windows-1252");
        assert_eq!(note.as_deref(), Some("not UTF-8: decoded as windows-1252"));
    }

    #[test]
    fn latin1_pound_sign() {
        let (text, encoding, note) = text_of(b"\xa3100 million");
        assert_eq!(text, "£100 million");
        assert_eq!(encoding, "windows-1252");
        assert!(note.is_some_and(|n| n.starts_with("not UTF-8")));
    }

    #[test]
    fn real_paragraph_round_trips_through_windows_1252() {
        // A paragraph of bbc `sport_199`, the one corpus file that was not UTF-8 (a 0xA3 pound
        // sign), kept in the repository so a fresh clone runs this test.
        let para = include_str!("../../tests/data/encoding/bbc_sport_199_paragraph.txt");
        assert!(para.contains('£'));
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(para);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err(), "must not be UTF-8");
        let (text, encoding, note) = text_of(&bytes);
        assert_eq!(text, para);
        assert_eq!(encoding, "windows-1252");
        assert_eq!(note.as_deref(), Some("not UTF-8: decoded as windows-1252"));
    }

    #[test]
    fn central_european_still_detected() {
        // Polish in windows-1250 / ISO-8859-2: the digit tie-break must not undo it.
        let (text, encoding, _) = text_of(b"Za\xbf\xf3\xb3\xe6 g\xea\xb6l\xb1 ja\xbc\xf1 w 2004");
        assert_eq!(text, "Zażółć gęślą jaźń w 2004");
        assert_eq!(encoding, "ISO-8859-2");
    }

    #[test]
    fn binary_formats_named() {
        assert_eq!(
            skipped(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            "binary file (PNG image), not text"
        );
        assert_eq!(
            skipped(b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml"),
            "binary file (ZIP archive or Office document such as .docx), not text"
        );
        assert_eq!(
            skipped(b"%PDF-1.7\n"),
            "binary file (PDF document), not text"
        );
        assert_eq!(
            skipped(b"\x1f\x8b\x08\x00"),
            "binary file (gzip archive), not text"
        );
        assert_eq!(
            skipped(b"abc\x00def"),
            "binary file (contains NUL bytes), not text"
        );
        assert!(skipped(b"H\x00e\x00l\x00l\x00o\x00").contains("UTF-16 without a byte-order mark"));
    }

    #[test]
    fn empty_and_whitespace_only() {
        assert_eq!(skipped(b""), "empty file");
        assert_eq!(skipped(b" \r\n\t\n"), "empty file");
        assert_eq!(skipped(b"\xEF\xBB\xBF"), "empty file");
        assert_eq!(skipped(b"\xFF\xFE \x00\n\x00"), "empty file");
    }

    #[test]
    fn invalid_utf8_that_is_no_encoding_is_skipped() {
        let why = skipped(b"\x81\x8d\x8f\x90\x9d\x01\x02\x03\x81\x8d\x8f\x90\x9d");
        assert!(why.starts_with("not text: neither UTF-8"), "{why}");
    }

    #[test]
    fn mostly_utf8_with_a_bad_byte_stays_utf8() {
        let (text, encoding, note) = text_of(b"na\xc3\xafve caf\xc3\xa9 \xff end");
        assert_eq!(text, "naïve café \u{FFFD} end");
        assert_eq!(encoding, "UTF-8");
        assert!(note.is_some_and(|n| n.contains("1 bad byte sequence")));
    }

    #[test]
    fn mojibake_left_alone_with_note() {
        let (text, encoding, note) = text_of("soâ€™called Ã©t".as_bytes());
        assert_eq!(text, "soâ€™called Ã©t");
        assert_eq!(encoding, "UTF-8");
        assert!(note.is_some_and(|n| n.contains("2 place(s) look like mojibake")));
        // Real Portuguese is not flagged.
        assert_eq!(text_of("São Paulo, Â".as_bytes()).2, None);
    }
}

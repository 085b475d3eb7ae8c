//! Numbers as people read them in messages, titles and the page: thousands separators, the
//! right plural ("1 document", "2,833 documents"), sizes ("2.0 GB"). Pure.

/// 12345 -> "12,345".
pub fn thousands(n: i64) -> String {
    let s = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A size in bytes, in powers of 1024: "2.0 GB", "341 MB", "3 KB".
pub fn bytes(n: u64) -> String {
    if n >= 1 << 30 {
        format!("{:.1} GB", n as f64 / (1u64 << 30) as f64)
    } else if n >= 1 << 20 {
        format!("{} MB", n >> 20)
    } else {
        format!("{} KB", n.div_ceil(1 << 10))
    }
}

/// `n` and the noun in the right number: `count(1, "document")` is "1 document",
/// `count(2833, "document")` "2,833 documents". Nouns whose plural is not `+s` end in
/// `y` (-> `ies`), `s`/`x`/`ch`/`sh` (-> `es`), or are given as `"singular|plural"`.
pub fn count(n: u64, noun: &str) -> String {
    let number = thousands(i64::try_from(n).unwrap_or(i64::MAX));
    let (one, many) = match noun.split_once('|') {
        Some((one, many)) => (one.to_string(), many.to_string()),
        None => (noun.to_string(), plural(noun)),
    };
    format!("{number} {}", if n == 1 { one } else { many })
}

fn plural(noun: &str) -> String {
    if let Some(stem) = noun.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        return format!("{stem}ies");
    }
    if noun.ends_with(['s', 'x']) || noun.ends_with("ch") || noun.ends_with("sh") {
        return format!("{noun}es");
    }
    format!("{noun}s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(-1234567), "-1,234,567");
    }

    #[test]
    fn sizes_in_powers_of_1024() {
        assert_eq!(bytes(2 << 30), "2.0 GB");
        assert_eq!(bytes(357_913_941), "341 MB");
        assert_eq!(bytes(3_000_000), "2 MB");
        assert_eq!(bytes(1), "1 KB");
    }

    #[test]
    fn counts_take_the_right_number() {
        assert_eq!(count(1, "document"), "1 document");
        assert_eq!(count(0, "document"), "0 documents");
        assert_eq!(count(2833, "document"), "2,833 documents");
        assert_eq!(count(2, "copy"), "2 copies");
        assert_eq!(count(2, "day"), "2 days");
        assert_eq!(count(3, "match"), "3 matches");
        assert_eq!(count(1, "analysis|analyses"), "1 analysis");
        assert_eq!(count(4, "analysis|analyses"), "4 analyses");
    }
}

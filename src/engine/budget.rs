//! `--memory SIZE`: the run's memory budget, its default, and how it is shared.

/// Below this a run cannot hold its fixed costs (the vocabulary, the topic sample, buffers).
pub const MIN_BYTES: u64 = 256 << 20;

/// The default when the machine's memory is unknown, and the default's cap.
const DEFAULT_CAP: u64 = 2 << 30;

/// Working memory of phrases, speakers and topics run side by side, per document: 363 MB
/// for the 196,247 articles of the 4x corpus (measured with a counting allocator), rounded
/// up.
const SIDE_BY_SIDE_PER_DOCUMENT: u64 = 2 << 10;

/// The memory a run may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub bytes: u64,
    /// Given with `--memory` (else the default).
    pub given: bool,
}

impl Budget {
    /// 2 GB or half the machine's memory, whichever is smaller.
    pub fn default_for_machine() -> Budget {
        let half = machine_memory().map_or(DEFAULT_CAP, |m| m / 2);
        Budget {
            bytes: half.min(DEFAULT_CAP),
            given: false,
        }
    }

    /// Parses "2GB", "1.5G", "800MB", "800M", "500000KB" (powers of 1024; B optional, any
    /// case). `Err` says what is accepted.
    pub fn parse(text: &str) -> Result<Budget, String> {
        let t = text.trim().to_ascii_uppercase();
        let t = t.strip_suffix('B').unwrap_or(&t);
        let (number, unit) = match t.find(|c: char| c.is_ascii_alphabetic()) {
            Some(i) => (&t[..i], &t[i..]),
            None => (t, ""),
        };
        let scale: u64 = match unit.trim() {
            "" => 1,
            "K" => 1 << 10,
            "M" => 1 << 20,
            "G" => 1 << 30,
            "T" => 1 << 40,
            _ => {
                return Err(format!(
                    "--memory {text}: give a size such as 2GB, 1.5G or 800MB"
                ));
            }
        };
        let n: f64 = (number.trim().parse().ok())
            .filter(|n: &f64| n.is_finite() && *n > 0.0)
            .ok_or_else(|| format!("--memory {text}: give a size such as 2GB, 1.5G or 800MB"))?;
        let bytes = (n * scale as f64) as u64;
        if bytes < MIN_BYTES {
            return Err(format!(
                "--memory {text} is too small to run: a run needs at least {} MB (its vocabulary, topic sample and buffers); give --memory 256MB or more",
                MIN_BYTES >> 20
            ));
        }
        Ok(Budget { bytes, given: true })
    }

    /// The engine's pool for the sums of one pass (the first pass' line counts, then the
    /// second's word pairs; never both at once): a sixth, as DataFusion counts only its
    /// large consumers (its issue #12937) and the rest of the run needs the remainder.
    pub fn sums_share(&self) -> u64 {
        self.bytes / 6
    }

    /// Whether phrases, speakers and topics run one after another rather than side by side:
    /// when side by side they would take more than a quarter of the budget (which is then
    /// mostly held by the documents' own results).
    pub fn in_turn(&self, documents: usize) -> bool {
        documents as u64 * SIDE_BY_SIDE_PER_DOCUMENT > self.bytes / 4
    }

    /// "2.0 GB", "800 MB".
    pub fn label(&self) -> String {
        crate::human::bytes(self.bytes)
    }

    /// What to tell the user when the run's peak resident memory (`peak`, bytes) went past
    /// the budget: not everything a run keeps is bounded yet (what every article keeps until
    /// the tables are written grows with the corpus), so a budget can be exceeded, and the
    /// run must not claim otherwise.
    pub fn overrun(&self, peak: u64) -> Option<String> {
        (peak > self.bytes).then(|| {
            format!(
                "peak memory {} MB, above it: what every article keeps still grows with the corpus (the report is the same under any --memory; give more, or analyse the corpus in parts)",
                crate::human::thousands((peak >> 20) as i64)
            )
        })
    }
}

/// A field of /proc/self/status in kB ("VmRSS:", "VmHWM:"); None where it does not exist
/// (not Linux).
pub fn own_status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    (status.lines())
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// MemTotal of /proc/meminfo (Linux), in bytes.
fn machine_memory() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_run_in_turn_past_a_quarter_of_the_budget() {
        let gb = Budget::parse("1GB").expect("1GB");
        // A quarter of 1 GiB is 268,435,456 bytes: 131,072 documents at 2 KiB.
        assert!(!gb.in_turn(131_072));
        assert!(gb.in_turn(131_073));
        // The 4x corpus under the default 2 GB runs side by side, under 1 GB in turn.
        assert!(!Budget::parse("2GB").expect("2GB").in_turn(196_247));
        assert!(gb.in_turn(196_247));
    }

    #[test]
    fn a_peak_past_the_budget_is_said() {
        let gb = Budget::parse("1GB").expect("1GB");
        assert_eq!(gb.overrun(1 << 30), None);
        let said = gb.overrun(3_780_096 * 1024).expect("over");
        assert!(said.starts_with("peak memory 3,691 MB, above it"), "{said}");
    }

    #[test]
    fn sizes_parse_in_powers_of_1024() {
        let b = |t: &str| Budget::parse(t).map(|b| b.bytes);
        assert_eq!(b("2GB"), Ok(2 << 30));
        assert_eq!(b("1.5g"), Ok(3 << 29));
        assert_eq!(b("800MB"), Ok(800 << 20));
        assert_eq!(b(" 300 M "), Ok(300 << 20));
        assert_eq!(b("1T"), Ok(1 << 40));
        assert_eq!(b("524288KB"), Ok(512 << 20));
        assert!(b("lots").unwrap_err().contains("such as 2GB"));
        assert!(b("2 parsecs").is_err());
        assert!(b("-1GB").is_err());
        assert!(b("100MB").unwrap_err().contains("too small"));
    }

    #[test]
    fn the_default_is_at_most_2_gb() {
        let d = Budget::default_for_machine();
        assert!(d.bytes <= 2 << 30 && d.bytes > 0 && !d.given);
        assert_eq!(Budget::parse("3GB").map(|b| b.label()), Ok("3.0 GB".into()));
        assert_eq!(
            Budget::parse("800MB").map(|b| b.label()),
            Ok("800 MB".into())
        );
    }
}

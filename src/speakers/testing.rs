//! Test helpers of speaker attribution: [`check`] (the statements of a text, as tuples) and
//! [`check_cases`] (a data file of cases, one a line: `text => speaker | how | rule`, several
//! statements separated by ` ; `, or `text => none`).

use super::attribute;

/// The statements of `text` are `expected`: (speaker, role, how, verb) each, in order.
pub fn check(text: &str, expected: &[(&str, &str, &str, &str)]) {
    let got: Vec<(String, String, &str, String)> = attribute(text, None)
        .statements
        .into_iter()
        .map(|s| {
            let (who, role, verb) = (s.speaker().to_string(), s.role().to_string(), s.verb());
            (who, role, s.how.as_str(), verb.to_string())
        })
        .collect();
    let want: Vec<(String, String, &str, String)> = expected
        .iter()
        .map(|&(a, b, c, d)| (a.to_string(), b.to_string(), c, d.to_string()))
        .collect();
    assert_eq!(got, want, "statements of {text:?}");
}

/// Every case of a data file holds, and at least `min` of them use `rule` (so the file
/// tests the sieve it is named after).
pub fn check_cases(cases: &str, rule: &str, min: usize) {
    let mut failures = Vec::new();
    let mut uses = 0;
    for (n, line) in cases.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((text, expected)) = line.rsplit_once(" => ") else {
            panic!("line {}: no ' => ' in {line:?}", n + 1);
        };
        let want: Vec<String> = match expected.trim() {
            "none" => Vec::new(),
            e => e.split(" ; ").map(|s| s.trim().to_string()).collect(),
        };
        let got: Vec<String> = attribute(text, None)
            .statements
            .iter()
            .map(|s| format!("{} | {} | {}", s.speaker(), s.how.as_str(), s.rule()))
            .collect();
        let cites = want.iter().any(|w| w.ends_with(&format!("| {rule}")))
            || (want.is_empty() && rule_is_a_stop(rule));
        uses += usize::from(cites);
        if got != want {
            failures.push(format!(
                "line {}: {text}\n  want: {}\n  got:  {}",
                n + 1,
                show(&want),
                show(&got)
            ));
        }
    }
    assert!(failures.is_empty(), "{rule}:\n{}", failures.join("\n"));
    assert!(uses >= min, "{rule}: {uses} cases use the rule, want {min}");
}

/// Sieves that never name a speaker: their cases are the statements they stop.
fn rule_is_a_stop(rule: &str) -> bool {
    rule == "passive"
}

fn show(statements: &[String]) -> String {
    if statements.is_empty() {
        "none".into()
    } else {
        statements.join(" ; ")
    }
}

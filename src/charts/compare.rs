//! The comparison charts: keyness.png (two groups: diverging bars; more: one panel per
//! group), speaker_terms.png (one panel per speaker) and co_mentions.png (the pairs of people
//! most often named together).

use super::style::thousands;
use super::{About, Bar, Bars, Chart, DOC_PANELS, Diverging, Multiples, Panel, TOP_BARS};
use crate::results::Results;

/// Key terms drawn per side (two groups) and per panel (more).
const KEYS_PER_SIDE: usize = 15;
const KEYS_PER_PANEL: usize = 8;

const G2_UNIT: &str = "keyness: log-likelihood G² (6.63 is p = 0.01)";

fn words(t: &Results<'_>, keys: &[crate::compare::keyness::Key], n: usize) -> Vec<(String, f64)> {
    (keys.iter().take(n))
        .map(|k| (t.corpus.terms[k.term as usize].display().to_string(), k.g2))
        .collect()
}

pub fn keyness(t: &Results<'_>, about: &About) -> Result<Chart, String> {
    let c = t.comparison;
    let Some(g) = &c.groups else {
        return Err(c.note.trim_start_matches("keyness: none, ").to_string());
    };
    if c.keyness.iter().all(|k| k.over.is_empty()) {
        return Err("no term is key for any group".into());
    }
    let subtitle = format!("{} · compared by {} ({})", about.over(), g.by.name(), g.why);
    if let [a, b] = c.keyness.as_slice() {
        let (na, nb) = (&g.names[a.group], &g.names[b.group]);
        return Ok(Chart::Diverging(Diverging {
            title: format!("Words that mark {na} against {nb}"),
            subtitle,
            unit: G2_UNIT.into(),
            right_name: format!("{na} ({} documents)", thousands(i64::from(g.docs[a.group]))),
            left_name: format!("{nb} ({} documents)", thousands(i64::from(g.docs[b.group]))),
            right: words(t, &a.over, KEYS_PER_SIDE),
            left: words(t, &b.over, KEYS_PER_SIDE),
        }));
    }
    // The largest groups, shown in the order of the table.
    let shown = c.shown_groups();
    let how = if shown.len() < g.names.len() {
        format!(" · the {} largest of {} groups", shown.len(), g.names.len())
    } else {
        String::new()
    };
    Ok(Chart::Multiples(Multiples {
        title: "Words that mark each group against the others".into(),
        subtitle: format!("{subtitle}{how}"),
        unit: G2_UNIT.into(),
        panels: (shown.iter())
            .map(|&k| {
                let keys = &c.keyness[k];
                Panel {
                    title: g.names[keys.group].clone(),
                    note: format!("{} documents", thousands(i64::from(g.docs[keys.group]))),
                    bars: words(t, &keys.over, KEYS_PER_PANEL),
                }
            })
            .collect(),
    }))
}

pub fn speaker_terms(t: &Results<'_>, about: &About) -> Result<Chart, String> {
    let panels: Vec<Panel> = (t.comparison.speaker_terms.iter())
        .filter(|s| !s.keys.is_empty())
        .take(DOC_PANELS)
        .map(|s| {
            let sp = &t.speakers.speakers[s.speaker];
            Panel {
                title: sp.name.clone(),
                note: if sp.role.is_empty() {
                    format!("{} statements", thousands(i64::from(s.statements)))
                } else {
                    format!(
                        "{} · {} statements",
                        sp.role,
                        thousands(i64::from(s.statements))
                    )
                },
                bars: words(t, &s.keys, KEYS_PER_PANEL),
            }
        })
        .collect();
    if panels.is_empty() {
        return Err(format!(
            "no speaker has {} or more statements with a distinctive term",
            crate::compare::speaker_terms::MIN_STATEMENTS
        ));
    }
    Ok(Chart::Multiples(Multiples {
        title: "What the most quoted speakers talk about".into(),
        subtitle: format!(
            "{} · terms of their statements against all other attributed statements (their own names left out)",
            about.over()
        ),
        unit: G2_UNIT.into(),
        panels,
    }))
}

pub fn co_mentions(t: &Results<'_>, about: &About) -> Result<Chart, String> {
    let pairs = &t.comparison.co_mentions;
    if pairs.is_empty() {
        return Err(format!(
            "no two people are named together in {} or more articles",
            crate::compare::co_mentions::MIN_ARTICLES
        ));
    }
    let people = &t.speakers.mentions;
    Ok(Chart::Bars(Bars {
        title: format!(
            "The {} pairs of people most often named in the same article",
            pairs.len().min(TOP_BARS)
        ),
        subtitle: format!(
            "{} · how far above chance each pair is: pmi and g2 in co_mentions.csv",
            about.over()
        ),
        unit: "articles naming both".into(),
        series: vec![],
        bars: (pairs.iter().take(TOP_BARS))
            .map(|p| Bar {
                label: format!(
                    "{} + {}",
                    people[p.a as usize].person, people[p.b as usize].person
                ),
                parts: vec![f64::from(p.articles)],
            })
            .collect(),
    }))
}

//! A speaker named in the sentence: a person is noted in the context (even named by a lone
//! surname), and takes the title the document gave them when the sentence gives none.

use super::Resolved;
use crate::speakers::context::Context;
use crate::speakers::names::Found;
use crate::speakers::{How, Kind};

pub fn resolve(f: Found, how: How, cx: &mut Context) -> Resolved {
    if f.kind != Kind::Person {
        return Resolved {
            speaker: f.name,
            role: f.role,
            kind: f.kind,
            how,
            person: None,
        };
    }
    // A speaker is a person even named by a lone surname.
    let i = cx.note(&Found {
        titled: true,
        ..f.clone()
    });
    // The title the document gave the person, when not repeated here.
    let role = match i {
        Some(i) if f.role.is_empty() => cx.persons[i].role.clone(),
        _ => f.role,
    };
    Resolved {
        speaker: f.name,
        role,
        kind: f.kind,
        how,
        person: i,
    }
}

//! A speaker named in the sentence: a person is noted in the context (even named by a lone
//! surname), and takes the title the document gave them when the sentence gives none. A name
//! the lexicon says is a place, an outlet or an institution is an organisation.

use super::Resolved;
use crate::speakers::context::Context;
use crate::speakers::evidence::not_a_person;
use crate::speakers::names::Found;
use crate::speakers::{How, Kind};

pub fn resolve(mut f: Found, how: How, cx: &mut Context) -> Resolved {
    // "The Federal Reserve said", "the Wall Street Journal reported": a body the lexicon
    // knows, unless an honorific or someone the document named says it is a person. A lone
    // word that is a place ("Obama", a town) is left to the merge, which knows the corpus.
    if f.kind == Kind::Person
        && f.female.is_none()
        && cx.find(&f.name).is_none()
        && not_a_person(&f.name)
        && (f.name.contains(' ') || !crate::lexicon::is_place(&f.name))
    {
        f.kind = Kind::Organisation;
    }
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
